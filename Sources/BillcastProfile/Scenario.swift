import BillcastCore

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
