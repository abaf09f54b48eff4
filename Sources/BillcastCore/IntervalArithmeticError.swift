/// Why interval arithmetic could not produce a result.
public enum IntervalArithmeticError: Error, Equatable, Sendable {
  case overflow
  case divisionByZero
}
