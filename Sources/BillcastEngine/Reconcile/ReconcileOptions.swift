import BillcastBill
import BillcastCore
import BillcastProfile

/// What to reconcile: which months, architecture and scenario, and how to read the bills.
public struct ReconcileOptions: Sendable {
  /// The months to reconcile, `YYYY-MM` (nil: every month the bills have).
  public var months: [String]?
  /// The architecture (nil: the profile's only one).
  public var architecture: String?
  /// The scenario (nil: the profile's only one, or `default` when it has none).
  public var scenario: String?
  /// The date of the run.
  public var today: CalendarDate
  /// Overrides the profile's free-tier situation.
  public var freeTier: Account.FreeTier?
  /// How the bills are read (exchange rates, limits).
  public var read: BillReadOptions

  /// Creates options.
  public init(
    months: [String]? = nil, architecture: String? = nil, scenario: String? = nil, today: CalendarDate,
    freeTier: Account.FreeTier? = nil, read: BillReadOptions = BillReadOptions()
  ) {
    self.months = months
    self.architecture = architecture
    self.scenario = scenario
    self.today = today
    self.freeTier = freeTier
    self.read = read
  }
}
