import BillcastCore

/// A service rule on a numeric input, checked with a warning.
public struct SoftRule: Sendable {
  /// The choice-input values the rule applies to (empty: always).
  public var when: ChoiceCondition
  /// The least value the rule allows.
  public var minimum: ExactDecimal?
  /// The greatest value the rule allows.
  public var maximum: ExactDecimal?
  /// The only values the rule allows.
  public var oneOf: [ExactDecimal]?
  /// The rule allows only multiples of this step.
  public var step: ExactDecimal?
  /// Explains the rule; the warning shows it when a value breaks the rule.
  public var message: String
  /// The id of the source the rule was read from, if any.
  public var source: String?
  /// The rule applies only on and after this date (nil: always).
  public var from: CalendarDate?
  /// The rule applies only before this date (nil: always).
  public var until: CalendarDate?
  /// Whether breaking the rule is an error (inputs that cannot be combined) rather than a warning.
  public var isError = false
}
