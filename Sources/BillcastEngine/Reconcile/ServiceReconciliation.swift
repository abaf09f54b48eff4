import BillcastCore
import BillcastPricing

/// One service in one month: the estimate against the matched rows.
public struct ServiceReconciliation: Sendable {
  /// The service id, like `aws.lambda`, and its name.
  public var service: String
  public var name: String
  /// The estimate's cost, low to high.
  public var estimate: Interval
  /// The matched rows' amounts.
  public var bill: BillAmounts
  /// Each of its meters.
  public var meters: [MeterReconciliation]
}
