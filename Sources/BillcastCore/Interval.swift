/// A closed interval of exact decimals, `low...high`: a figure with its range.
///
/// A plain number is an interval of width zero. Arithmetic follows interval
/// rules, so a formula over ranges yields a range that contains every value the
/// formula takes for values inside its operands' ranges.
public struct Interval: Hashable, Sendable {
  /// The smallest value.
  public var low: ExactDecimal
  /// The largest value.
  public var high: ExactDecimal

  /// Creates an interval; `low` must not exceed `high`.
  public init(_ low: ExactDecimal, _ high: ExactDecimal) {
    precondition(low <= high, "Interval low above high")
    self.low = low
    self.high = high
  }

  /// Creates an interval of width zero.
  public init(_ value: ExactDecimal) {
    self.low = value
    self.high = value
  }

  /// The interval holding only zero.
  public static let zero = Interval(.zero)

  /// Whether the interval holds a single value.
  public var isPoint: Bool { low == high }

  /// Whether `value` lies inside the interval.
  public func contains(_ value: ExactDecimal) -> Bool { low <= value && value <= high }

  /// Whether `other` lies entirely inside this interval.
  public func contains(_ other: Interval) -> Bool { low <= other.low && other.high <= high }

  /// Applies a non-decreasing function to both ends.
  public func mapMonotone(_ f: (ExactDecimal) throws -> ExactDecimal) rethrows -> Interval {
    Interval(try f(low), try f(high))
  }

  /// The sum of two intervals, end by end.
  public static func + (a: Interval, b: Interval) -> Interval { Interval(a.low + b.low, a.high + b.high) }
  /// The difference of two intervals: low minus the other's high, high minus the other's low.
  public static func - (a: Interval, b: Interval) -> Interval { Interval(a.low - b.high, a.high - b.low) }
  /// Adds an interval in place.
  public static func += (a: inout Interval, b: Interval) { a = a + b }
}

extension Interval {
  /// The sum, or an error on overflow.
  public func adding(_ b: Interval) throws(IntervalArithmeticError) -> Interval {
    let l = low.addingReportingOverflow(b.low), h = high.addingReportingOverflow(b.high)
    if l.overflow || h.overflow { throw .overflow }
    return Interval(l.partialValue, h.partialValue)
  }

  /// The difference, or an error on overflow.
  public func subtracting(_ b: Interval) throws(IntervalArithmeticError) -> Interval {
    let l = low.subtractingReportingOverflow(b.high), h = high.subtractingReportingOverflow(b.low)
    if l.overflow || h.overflow { throw .overflow }
    return Interval(l.partialValue, h.partialValue)
  }

  /// The product, or an error on overflow.
  public func multiplied(by b: Interval) throws(IntervalArithmeticError) -> Interval {
    var rounded = false
    return try multiplied(by: b, rounded: &rounded)
  }

  /// The product, or an error on overflow; sets `rounded` if any end had to be rounded.
  public func multiplied(by b: Interval, rounded: inout Bool) throws(IntervalArithmeticError) -> Interval {
    try corners(b, rounded: &rounded) { $0.multipliedTrackingRounding(by: $1) }
  }

  /// The quotient (the divisor must not contain zero); sets `rounded` if any end had to be rounded.
  public func divided(by b: Interval, rounded: inout Bool) throws(IntervalArithmeticError) -> Interval {
    if b.contains(ExactDecimal.zero) { throw .divisionByZero }
    return try corners(b, rounded: &rounded) { $0.dividedTrackingRounding(by: $1) }
  }

  /// The hull of `op` over each end of `self` and each end of `b` (one corner for two points).
  private func corners(
    _ b: Interval, rounded: inout Bool,
    _ op: (ExactDecimal, ExactDecimal) -> (partialValue: ExactDecimal, overflow: Bool, rounded: Bool)
  ) throws(IntervalArithmeticError) -> Interval {
    var lo = ExactDecimal.max, hi = ExactDecimal.min
    for x in isPoint ? [low] : [low, high] {
      for y in b.isPoint ? [b.low] : [b.low, b.high] {
        let r = op(x, y)
        if r.overflow { throw .overflow }
        if r.rounded { rounded = true }
        lo = .minimum(lo, r.partialValue)
        hi = .maximum(hi, r.partialValue)
      }
    }
    return Interval(lo, hi)
  }

  /// The quotient; the divisor must not contain zero.
  public func divided(by b: Interval) throws(IntervalArithmeticError) -> Interval {
    var rounded = false
    return try divided(by: b, rounded: &rounded)
  }

  /// The negation.
  public func negated() -> Interval { Interval(-high, -low) }

  /// The element-wise minimum.
  public static func minimum(_ a: Interval, _ b: Interval) -> Interval {
    Interval(.minimum(a.low, b.low), .minimum(a.high, b.high))
  }

  /// The element-wise maximum.
  public static func maximum(_ a: Interval, _ b: Interval) -> Interval {
    Interval(.maximum(a.low, b.low), .maximum(a.high, b.high))
  }

  /// The smallest interval holding both.
  public func hull(_ b: Interval) -> Interval {
    Interval(.minimum(low, b.low), .maximum(high, b.high))
  }
}

extension Interval: CustomStringConvertible {
  /// `5` for a point, `1000..5000` for a range.
  public var description: String { isPoint ? low.description : "\(low)..\(high)" }
}
