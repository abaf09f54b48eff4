import BillcastCore

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
