import BillcastCore
import BillcastPricing
import BillcastProfile

/// A priced profile: one result per scenario × architecture, with the tables it used.
public struct Estimate: Sendable {
  public var profileName: String
  public var profilePath: String
  public var profileSHA256: String
  public var region: String
  public var currency: String
  /// The date prices and rules were taken as of.
  public var asOf: CalendarDate
  /// The free-tier situation applied, in words.
  public var freeTier: FreeTierSituation
  /// The pricing tables the estimate used.
  public var tables: [TableReference]
  /// The results, scenario by scenario, architectures in profile order.
  public var results: [ScenarioResult]
  /// Architectures not priced because a service they use had not launched yet on the date priced.
  public var notYetAvailable: [(architecture: String, reason: String)] = []
}

/// The free-tier situation applied to a run.
public struct FreeTierSituation: Sendable, Hashable {
  public var account: Account.FreeTier
  /// The allowance kinds applied.
  public var kinds: [FreeTierKind]
  /// The credits available in the month priced (credit-based accounts).
  public var credits: ExactDecimal?
  /// In words, like "legacy account, month 3 of its 12-month offers".
  public var summary: String
}

/// A pricing table a report used: id, effective date and content hash.
public struct TableReference: Sendable, Hashable {
  public var id: String
  public var effective: CalendarDate
  public var sha256: String
  public var path: String
}

/// The bill of one architecture in one scenario.
public struct ScenarioResult: Sendable {
  public var scenario: String
  public var scenarioDescription: String?
  public var architecture: String
  public var architectureDescription: String?
  /// The monthly total before credits.
  public var total: Interval
  /// Credits applied against the total (credit-based accounts), and what is left to pay.
  public var creditsApplied: Interval?
  public var amountDue: Interval
  /// Costs by service, in order of first use.
  public var services: [ServiceCost]
  /// Costs by component, in profile order.
  public var components: [ComponentCost]
  /// Each account meter: aggregated quantity, free tier, tiers and shares.
  public var meters: [AccountMeter]
  public var warnings: [EstimateWarning]
  /// The workload variables' values in this scenario.
  public var workload: [(name: String, value: Interval)]
}

/// The cost of one service (all its components) in a result.
public struct ServiceCost: Sendable {
  public var service: String
  public var name: String
  public var group: String
  public var cost: Span
  public var lines: [LineItem]
}

/// The cost of one component, with the free tier and unit prices that apply to it.
public struct ComponentCost: Sendable {
  public var component: String
  public var label: String
  public var service: String
  public var serviceName: String
  public var cost: Span
  public var lines: [LineItem]
  /// The free-tier allowances its meters draw from, in words.
  public var freeTier: [String]
  /// Its meters' unit prices, in words.
  public var unitPrices: [String]
}

/// One component's use of one meter, and its share of the account meter's cost.
public struct LineItem: Sendable {
  public var component: String
  public var service: String
  public var meter: String
  public var unit: String
  /// The account meter this line is aggregated and priced with.
  public var accountMeter: MeterKey
  public var quantity: Interval
  /// The line's share of the free tier drawn by its account meter.
  public var freeTier: Span
  public var cost: Span
}

/// An account meter: the usage of every component aggregated, then free tier and tiers.
public struct AccountMeter: Sendable {
  public var key: MeterKey
  public var unit: String
  public var quantity: Interval
  /// Each pool drawn: its id, kind and the amount drawn at the low and the high end.
  public var freeTier: [(pool: String, kind: FreeTierKind, drawn: Span)]
  public var billable: Interval
  public var ladder: TierLadder
  public var chargesLow: [TierCharge]
  public var chargesHigh: [TierCharge]
  public var cost: Interval
  /// Each component's quantity and share.
  public var shares: [(component: String, quantity: Interval, cost: Span)]
}

/// Something the user must see about a result: a soft rule, a note, an availability date.
public struct EstimateWarning: Sendable, Hashable {
  public var code: String
  public var message: String
  public var component: String?
  /// Where in the profile it arises, if it does.
  public var location: SourceLocation?
}
