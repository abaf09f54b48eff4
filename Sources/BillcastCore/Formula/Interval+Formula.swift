extension Interval {
  /// The product, with a formula error.
  public func times(_ b: Interval) throws(FormulaEvaluationError) -> Interval {
    do { return try multiplied(by: b) } catch { throw FormulaEvaluationError(error) }
  }

  /// The sum, with a formula error.
  public func plus(_ b: Interval) throws(FormulaEvaluationError) -> Interval {
    do { return try adding(b) } catch { throw FormulaEvaluationError(error) }
  }
}
