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

  public init(_ low: ExactDecimal, _ high: ExactDecimal) {
    self.low = low
    self.high = high
  }

  public init(_ interval: Interval) { self.init(interval.low, interval.high) }

  public static let zero = Span(.zero, .zero)

  public static func + (a: Span, b: Span) -> Span { Span(a.low + b.low, a.high + b.high) }
  public static func += (a: inout Span, b: Span) { a = a + b }

  /// The smallest and largest of the two ends.
  public var hull: Interval { Interval(.minimum(low, high), .maximum(low, high)) }
}
