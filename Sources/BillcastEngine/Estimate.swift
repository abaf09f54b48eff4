import BillcastCore
import BillcastPricing
import BillcastProfile

/// A priced profile: one result per scenario × architecture, with the tables it used.
public struct Estimate: Sendable {
  /// The profile's name.
  public var profileName: String
  /// The file the profile was read from.
  public var profilePath: String
  /// The SHA-256 of the profile's text.
  public var profileSHA256: String
  /// The region priced, like `us-east-1`.
  public var region: String
  /// The currency of every amount, like `USD`.
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
  public var notYetAvailable: [UnavailableArchitecture] = []
}

/// The free-tier situation applied to a run.
public struct FreeTierSituation: Sendable, Hashable {
  /// The account's free-tier setting applied: none, always-free, legacy or credits.
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
  /// The table's id, like `aws/us-east-1`.
  public var id: String
  /// The date the table was last checked against its sources.
  public var effective: CalendarDate
  /// The SHA-256 of the table's file, in lower-case hex.
  public var sha256: String
  /// The file the table was read from.
  public var path: String
  /// Why the table's figures may be out of date on the date priced (``staleness(effective:on:)``), if they may.
  public var warning: String? = nil
  /// The pricing directory the table was read from (`--pricing`, found above the profile, …);
  /// nil for the tables built into billcast.
  public var directory: String? = nil

  /// How many days after a table's last confirmation its prices are taken as current.
  public static let freshForDays = 120

  /// A warning when `date` is more than ``freshForDays`` days after the table was last
  /// confirmed against its sources: AWS may have changed a price since.
  public static func staleness(id: String, effective: CalendarDate, on date: CalendarDate) -> String? {
    let days = date.daysSince1970 - effective.daysSince1970
    guard days > freshForDays else { return nil }
    return
      "\(id) was last confirmed on \(effective), \(ExactDecimal(days).formatted(fractionDigits: 0, grouping: true)) days before \(date); prices may have changed since (refresh the table, or price an earlier date)"
  }
}

/// The bill of one architecture in one scenario.
public struct ScenarioResult: Sendable {
  /// The scenario's name (`default` when the profile has none).
  public var scenario: String
  /// The scenario's description from the profile, if any.
  public var scenarioDescription: String?
  /// The architecture's name.
  public var architecture: String
  /// The architecture's description from the profile, if any.
  public var architectureDescription: String?
  /// The monthly total before credits.
  public var total: Interval
  /// Credits applied against the total (credit-based accounts), and what is left to pay.
  public var creditsApplied: Interval?
  /// What is left to pay each month: the total less any credits applied.
  public var amountDue: Interval
  /// Costs by service, in order of first use.
  public var services: [ServiceCost]
  /// Costs by component, in profile order.
  public var components: [ComponentCost]
  /// Each account meter: aggregated quantity, free tier, tiers and shares.
  public var meters: [AccountMeter]
  /// What the user must see about this result: soft rules, notes, availability.
  public var warnings: [EstimateWarning]
  /// The workload variables' values in this scenario.
  public var workload: [(name: String, value: Interval)]
  /// The templates the architecture is read from, if any.
  public var templates: TemplateSource? = nil
  /// Every resource of those templates, and what billcast made of it.
  public var resources: [TemplateResource] = []
}

/// The cost of one service (all its components) in a result.
public struct ServiceCost: Sendable {
  /// The service id, like `aws.lambda`.
  public var service: String
  /// The service's name, like `AWS Lambda`.
  public var name: String
  /// The heading reports group the service under, like `API Gateway`.
  public var group: String
  /// The sum of its components' shares, at the workload's low and high ends (not ordered).
  public var cost: Span
  /// The lines of all its components, in component order.
  public var lines: [LineItem]
}

/// The cost of one component, with the free tier and unit prices that apply to it.
public struct ComponentCost: Sendable {
  /// The component's name in the profile.
  public var component: String
  /// The label reports show: the profile's, or `Service group (component)`.
  public var label: String
  /// The service id, like `aws.lambda`.
  public var service: String
  /// The service's name, like `AWS Lambda`.
  public var serviceName: String
  /// The sum of its lines' shares, at the workload's low and high ends (not ordered).
  public var cost: Span
  /// Its use of each meter, in the service's meter order.
  public var lines: [LineItem]
  /// The free-tier pools its meters draw from, in the pricing tables' order.
  public var freeTier: [FreeTierPool]
  /// The price of each meter it uses (quantity above zero), in the service's meter order.
  public var prices: [MeterPrice]
}

/// The price a component pays for one meter: the ladder in force and its unit.
public struct MeterPrice: Sendable, Hashable {
  /// The meter's name, like `duration`.
  public var meter: String
  /// The ladder in force on the date priced.
  public var ladder: TierLadder
  /// The unit the ladder's quantities are in (for a billed-as meter, the target's unit).
  public var unit: String
  /// The meter whose rates it is billed at (`aws.data-transfer/internet-out`), if it is.
  public var billedAs: MeterReference?
}

/// One component's use of one meter, and its share of the account meter's cost.
public struct LineItem: Sendable {
  /// The component's name in the profile.
  public var component: String
  /// The service id, like `aws.lambda`.
  public var service: String
  /// The meter's name, like `duration`.
  public var meter: String
  /// The meter's unit, like `GB-s`.
  public var unit: String
  /// The account meter this line is aggregated and priced with.
  public var accountMeter: MeterKey
  /// The component's monthly usage of the meter, low to high.
  public var quantity: Interval
  /// The line's share of the free tier drawn by its account meter.
  public var freeTier: Span
  /// The line's share of its account meter's cost, at the workload's low and high ends (not ordered).
  public var cost: Span
}

/// An account meter: the usage of every component aggregated, then free tier and tiers.
public struct AccountMeter: Sendable {
  /// The account meter, like `aws.lambda/duration[x86_64]`.
  public var key: MeterKey
  /// The unit the quantity is counted in, like `GB-s`.
  public var unit: String
  /// The monthly usage of every component aggregated, low to high.
  public var quantity: Interval
  /// Each pool drawn: its id, kind and the amount drawn at the low and the high end.
  public var freeTier: [(pool: String, kind: FreeTierKind, drawn: Span)]
  /// The quantity left to bill after the free tier, low to high.
  public var billable: Interval
  /// The price tiers the billable quantity is charged on.
  public var ladder: TierLadder
  /// Each tier's charge for the billable quantity at the low end.
  public var chargesLow: [TierCharge]
  /// Each tier's charge for the billable quantity at the high end.
  public var chargesHigh: [TierCharge]
  /// The account meter's monthly cost before allocation to components, low to high.
  public var cost: Interval
  /// Each component's quantity and share.
  public var shares: [(component: String, quantity: Interval, cost: Span)]
}

/// Something the user must see about a result: a soft rule, a note, an availability date.
public struct EstimateWarning: Sendable, Hashable {
  /// The kinds of warning an estimate gives.
  public enum Code: Sendable, Hashable {
    /// A service rule from the pricing table (Aurora Serverless v1 PostgreSQL's 2-ACU minimum).
    case softRule
    /// A service closed to new resources after a date.
    case availability
    /// A service priced before its retirement, which has since happened.
    case retiredSince
    /// A meter the region has no rate for, which the component never uses (quantity zero whatever the workload).
    case unusedWithoutRate
    /// A workload variable declared in one unit given directly to an input measured in another.
    case unitMismatch
    /// Something about an architecture's templates (its code, like `unpriced-resource`).
    case template(ArchitectureNotice.Kind)
    /// A `severity: warning` note of the pricing table, with the note's own code.
    case note(String)

    /// The code reports print, like `soft-rule` or a note's code.
    public var text: String {
      switch self {
      case .softRule: return "soft-rule"
      case .availability: return "availability"
      case .retiredSince: return "retired-since"
      case .unusedWithoutRate: return "unused-without-rate"
      case .unitMismatch: return "unit-mismatch"
      case .template(let kind): return kind.rawValue
      case .note(let code): return code
      }
    }
  }

  /// The warning's kind.
  public var kind: Code
  /// The warning's code as reports print it: `soft-rule`, `availability`, `retired-since`, a
  /// template notice's code, or a pricing-table note's code.
  public var code: String { kind.text }
  /// The warning in words, naming the component.
  public var message: String
  /// The component it concerns, if any.
  public var component: String?
  /// Where in the profile it arises, if it does.
  public var location: SourceLocation?

  /// Creates a warning.
  public init(_ kind: Code, message: String, component: String?, location: SourceLocation?) {
    self.kind = kind
    self.message = message
    self.component = component
    self.location = location
  }
}
