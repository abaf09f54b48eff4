/// Why a formula could not be evaluated.
public enum FormulaEvaluationError: Error, Equatable, Sendable, CustomStringConvertible {
  case unknownName(String)
  case overflow
  case divisionByZero
  case invertedRange(String)

  /// A message saying why the formula could not be evaluated.
  public var description: String {
    switch self {
    case .unknownName(let n): return "unknown name '\(TerminalText.excerpt(n))'"
    case .overflow: return "the result is too large to compute exactly"
    case .divisionByZero: return "division by a value that can be zero"
    case .invertedRange(let r): return "range \(r) has its low end above its high end"
    }
  }
}

extension FormulaEvaluationError {
  /// The formula error for an interval arithmetic error.
  public init(_ error: IntervalArithmeticError) {
    self = error == .overflow ? .overflow : .divisionByZero
  }
}
