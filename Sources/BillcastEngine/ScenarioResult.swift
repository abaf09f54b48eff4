import BillcastCore
import BillcastPricing
import BillcastProfile

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
