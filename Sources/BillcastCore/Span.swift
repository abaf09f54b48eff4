/// A figure at the low end and at the high end of a workload's ranges.
///
/// Totals are non-decreasing in usage, so their low never exceeds their high
/// and they are ``Interval``s. A component's *share* of an account-wide meter
/// can fall while the total rises (another component's usage pushes the account
/// into a cheaper tier), so shares are spans: the two ends, in workload order.
public struct Span: Hashable, Sendable {
  /// The figure when every workload value is at its low end.
  public var low: ExactDecimal
  /// The figure when every workload value is at its high end.
  public var high: ExactDecimal

  /// Creates a span from the figure at the low end and at the high end; `low` may exceed `high`.
  public init(_ low: ExactDecimal, _ high: ExactDecimal) {
    self.low = low
    self.high = high
  }

  /// Creates a span from an interval's ends.
  public init(_ interval: Interval) { self.init(interval.low, interval.high) }

  /// The span that is zero at both ends.
  public static let zero = Span(.zero, .zero)

  /// The sum of two spans, end by end.
  public static func + (a: Span, b: Span) -> Span { Span(a.low + b.low, a.high + b.high) }
  /// Adds a span in place, end by end.
  public static func += (a: inout Span, b: Span) { a = a + b }

  /// The smallest and largest of the two ends.
  public var hull: Interval { Interval(.minimum(low, high), .maximum(low, high)) }
}
