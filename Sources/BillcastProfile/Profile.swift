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

/// The account's free-tier situation.
public struct Account: Sendable, Equatable {
  /// How AWS's free tier applies to the account.
  public enum FreeTier: String, Sendable, CaseIterable {
    /// No free tier at all: list prices (what AWS's calculator shows).
    case none
    /// Only the always-free offers (any account past its first year).
    case alwaysFree = "always-free"
    /// An account created before 2025-07-15: always-free, plus the 12-month offers in its first 12 months.
    case legacy
    /// An account created on or after 2025-07-15: always-free plus credits.
    case credits
  }

  /// The plan of a credit-based account.
  public enum Plan: String, Sendable, CaseIterable {
    /// Credits only; the account closes after 6 months or when credits run out.
    case free
    /// Credits first, then pay as you go.
    case paid
  }

  /// How the free tier applies to the account.
  public var freeTier: FreeTier
  /// The day the account was opened (required for legacy and credits).
  public var opened: CalendarDate?
  /// The credits a credit-based account has (up to $200).
  public var credits: ExactDecimal?
  /// The plan of a credit-based account (paid unless given); nil for other accounts.
  public var plan: Plan?
  /// Where the `account` section is in the profile; nil when there is none.
  public var location: SourceLocation?

  /// Creates an account's free-tier situation.
  public init(
    freeTier: FreeTier, opened: CalendarDate? = nil, credits: ExactDecimal? = nil, plan: Plan? = nil,
    location: SourceLocation? = nil
  ) {
    self.freeTier = freeTier
    self.opened = opened
    self.credits = credits
    self.plan = plan
    self.location = location
  }

  /// The date the credit-based free-tier program began.
  public static let creditProgramStart = CalendarDate("2025-07-15")!
}

/// A workload variable: a number, a range or a formula over other variables.
public struct WorkloadVariable: Sendable {
  /// The variable's name, as formulas use it.
  public var name: String
  /// The variable's value: a number, a range or a formula.
  public var value: Formula
  /// The variable's unit, if given.
  public var unit: String?
  /// A description of the variable, if given.
  public var description: String?
  /// Where the variable's value is in the profile, for errors.
  public var location: SourceLocation
}

/// A named set of overrides of workload variables.
public struct Scenario: Sendable {
  /// The name of the one implicit scenario of a profile that has none.
  public static let defaultName = "default"

  /// The scenario's name.
  public var name: String
  /// A description of the scenario, if given.
  public var description: String?
  /// The workload variables the scenario overrides, with their new values.
  public var overrides: [WorkloadVariable]
  /// Where the scenario is in the profile, for errors.
  public var location: SourceLocation
}

/// A named set of components: one way to build the system.
public struct Architecture: Sendable {
  /// The architecture's name.
  public var name: String
  /// A description of the architecture, if given.
  public var description: String?
  /// The components, in file order: those read from templates first, then hand-written ones.
  public var components: [Component]
  /// Where the architecture is in the profile, for errors.
  public var location: SourceLocation
  /// The templates the architecture is read from, if any.
  public var templates: TemplateSource? = nil
  /// Every resource of its templates, and what billcast made of it.
  public var resources: [TemplateResource] = []
  /// What every estimate of the architecture must say about its templates.
  public var notices: [ArchitectureNotice] = []

  /// Creates an architecture from its components.
  public init(name: String, description: String? = nil, components: [Component], location: SourceLocation) {
    self.name = name
    self.description = description
    self.components = components
    self.location = location
  }
}

/// One use of a service, with its inputs.
public struct Component: Sendable {
  /// The component's name within its architecture.
  public var name: String
  /// The label reports show, like `S3 (uploads)`; nil to derive one.
  public var label: String?
  /// The service id, like `aws.lambda`.
  public var service: String
  /// A description of the component, if given.
  public var description: String?
  /// The inputs as written; their meaning (number, range, formula or choice)
  /// depends on the service's input, so they are interpreted when the profile
  /// is checked against the pricing tables.
  public var inputs: [ComponentInput]
  /// Where the component's name is in the profile, for errors.
  public var location: SourceLocation
  /// Where the component's `service` value is, for errors about the service.
  public var serviceLocation: SourceLocation
  /// For a component read from a template, where its usage goes in the profile
  /// (`architectures.web.usage.NuxtLambdaFunction`), so errors about missing usage say so.
  public var usagePath: String? = nil
}

/// One input of a component, as written in the profile.
public struct ComponentInput: Sendable {
  /// The input's name, as written in the profile.
  public var name: String
  /// The value as written: a number, a range, a formula or a choice.
  public var text: String
  /// Whether the YAML scalar was plain (so a formula error can point at its column).
  public var isPlain: Bool
  /// Where the value is in the profile, for errors about the value.
  public var location: SourceLocation
  /// Where the input's name is in the profile, for errors about the name.
  public var keyLocation: SourceLocation
}
