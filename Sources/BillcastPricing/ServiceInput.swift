import BillcastCore

/// A usage parameter a component of a service accepts.
public struct ServiceInput: Sendable {
  /// What an input takes: a number with a unit, or one of a set of words.
  public enum Kind: Sendable {
    /// A number (an interval in a profile), with its unit.
    case numeric(unit: String)
    /// One of a fixed set of words.
    case choice(values: [String])
  }

  /// The input's name, as components and formulas use it.
  public var name: String
  /// Whether the input is numeric (with its unit) or a choice (with its values).
  public var kind: Kind
  /// What the input means, like `Invocations per month`, if given.
  public var description: String?
  /// The value used when a component does not give one: a formula over built-in names
  /// (`month_hours`), usually a plain number, or a choice.
  public var defaultNumber: Formula?
  /// The default value of a choice input; nil if a component must give one.
  public var defaultChoice: String?
  /// Impossible values: an error.
  public var hardMinimum: ExactDecimal?
  /// The largest value allowed; a value whose high end is above it is an error.
  public var hardMaximum: ExactDecimal?
  /// Service rules: a warning that cites the rule.
  public var softRules: [SoftRule]
  /// For a choice input, the date each value launched, if later than the service (arm64 Lambda:
  /// 2021-09-29): pricing a value before its date is like pricing the service before its launch.
  public var launched: [String: CalendarDate] = [:]

  /// Whether this input is numeric.
  public var isNumeric: Bool { if case .numeric = kind { return true } else { return false } }
}
