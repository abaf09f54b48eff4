import BigInt

/// A closed interval of exact fractions.
struct RationalInterval: Sendable {
  var low: ExactRational
  var high: ExactRational
  /// Whether low and high are the same value (kept, since comparing fractions costs products).
  var isPoint: Bool

  init(_ low: ExactRational, _ high: ExactRational) {
    self.low = low
    self.high = high
    self.isPoint = false
  }

  init(point: ExactRational) {
    low = point
    high = point
    isPoint = true
  }

  init(_ interval: Interval) {
    if interval.isPoint {
      self.init(point: ExactRational(interval.low))
    } else {
      self.init(ExactRational(interval.low), ExactRational(interval.high))
    }
  }

  /// Whether zero lies inside the interval.
  var containsZero: Bool { !(ExactRational(integer: 0) < low) && !(high < ExactRational(integer: 0)) }

  static func + (a: Self, b: Self) -> Self {
    a.isPoint && b.isPoint ? Self(point: a.low + b.low) : Self(a.low + b.low, a.high + b.high)
  }
  static func - (a: Self, b: Self) -> Self {
    a.isPoint && b.isPoint ? Self(point: a.low - b.low) : Self(a.low - b.high, a.high - b.low)
  }
  static func * (a: Self, b: Self) -> Self {
    if a.isPoint && b.isPoint { return Self(point: a.low * b.low) }
    let products = [a.low * b.low, a.low * b.high, a.high * b.low, a.high * b.high]
    return Self(products.min()!, products.max()!)
  }
  func divided(by b: Self) throws(FormulaEvaluationError) -> Self {
    if b.isPoint ? b.low.isZero : b.containsZero { throw .divisionByZero }
    if isPoint && b.isPoint { return Self(point: low / b.low) }
    let quotients = [low / b.low, low / b.high, high / b.low, high / b.high]
    return Self(quotients.min()!, quotients.max()!)
  }
  func negated() -> Self { isPoint ? Self(point: -low) : Self(-high, -low) }

  /// The smallest interval of decimals that holds this one: its low end rounded down, its high end up.
  func outward() throws(FormulaEvaluationError) -> Interval {
    guard let l = low.decimal(.down), let h = high.decimal(.up) else { throw .overflow }
    return Interval(l, h)
  }
}
