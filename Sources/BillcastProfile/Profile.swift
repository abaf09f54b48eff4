import BillcastCore

/// A usage profile: the workload, the scenarios to price and the architectures to compare.
public struct Profile: Sendable {
  /// The format this billcast reads.
  public static let formatVersion = "billcast.profile/1"
  /// The most components one architecture may have.
  public static let componentLimit = 10_000

  /// The profile's name.
  public var name: String
  /// A description of the profile, if given.
  public var description: String?
  /// The region whose pricing tables apply, like `us-east-1`.
  public var region: String
  /// The date prices and rules are taken as of, unless a run overrides it.
  public var asOf: CalendarDate?
  /// The account's free-tier situation (always-free when the profile gives no `account`).
  public var account: Account
  /// The workload variables, in file order.
  public var workload: [WorkloadVariable]
  /// Names under `workload` whose values had errors (reported where they are); formulas that
  /// name them are not reported again.
  public var unreadableVariables: Set<String> = []
  /// Where the `workload` mapping is (for errors about the workload as a whole).
  public var workloadLocation: SourceLocation
  /// The scenarios, in file order; a profile without any has one implicit `default` scenario.
  public var scenarios: [Scenario]
  /// The architectures, in file order.
  public var architectures: [Architecture]
  /// The forecast settings, if the profile has any.
  public var forecast: ForecastSettings?
  /// The monthly budgets `billcast check` enforces.
  public var budgets: [Budget] = []
  /// The file the profile was read from.
  public var path: String
  /// The SHA-256 of the profile's text.
  public var sha256: String
  /// Where the `region` value is (for errors about the region), if the profile gives one.
  public var regionLocation: SourceLocation? = nil
}
