import BillcastCore
import BillcastPricing

/// An estimate set against the real bill: month by month, service by service, meter by meter,
/// with the causes of every difference billcast can name.
public struct Reconciliation: Sendable {
  /// The profile's name and path.
  public var profileName: String
  public var profilePath: String
  /// The architecture and scenario reconciled.
  public var architecture: String
  public var scenario: String
  /// The profile's region.
  public var region: String
  /// The pricing tables used.
  public var tables: [TableReference]
  /// The bills read.
  public var bills: [BillSummary]
  /// Each month reconciled, in order.
  public var months: [MonthReconciliation]
  /// The causes found, largest effect first.
  public var findings: [ReconcileFinding]
  /// The workload the bill measured, per component input, for `--calibrate`.
  public var calibration: [CalibratedInput]
}
