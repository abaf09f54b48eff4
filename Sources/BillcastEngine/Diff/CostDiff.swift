import BillcastCore

/// What changed between two snapshots: each result's total and each line, at both ends of the ranges.
public struct CostDiff: Sendable {
  /// What the before snapshot is of: a pricing directory, a date or a file.
  public var before: String
  /// What the after snapshot is of: a pricing directory, a date or a file.
  public var after: String
  /// The currency of every amount, taken from the after snapshot.
  public var currency: String
  /// Each result's monthly total (amount due) before and after, in report order.
  public var totals: [Change<CostSnapshot.ResultKey>]
  /// Per result, per service: the sum of the service's lines.
  public var services: [Change<ServiceKey>]
  /// Lines whose cost changed, appeared or disappeared.
  public var lines: [Change<LineChangeKey>]

  /// A service within a result.
  public struct ServiceKey: Hashable, Sendable {
    /// The scenario × architecture result.
    public var result: CostSnapshot.ResultKey
    /// The service id, like `aws.lambda`.
    public var service: String
  }

  /// A line within a result.
  public struct LineChangeKey: Hashable, Sendable {
    /// The scenario × architecture result.
    public var result: CostSnapshot.ResultKey
    /// The line: service, component and meter.
    public var line: CostSnapshot.LineKey
  }

  /// A figure before and after (nil where it does not exist on that side).
  public struct Change<Key: Hashable & Sendable>: Sendable {
    /// What the figure is of: a result, a service or a line.
    public var key: Key
    /// The figure before, at the low and high ends; nil where it did not exist.
    public var before: Span?
    /// The figure after, at the low and high ends; nil where it does not exist.
    public var after: Span?

    /// After − before at the low and the high end (a missing side counts as zero).
    public var delta: Span {
      let b = before ?? .zero, a = after ?? .zero
      return Span(a.low - b.low, a.high - b.high)
    }

    /// The change as a percentage of before, at the end where it is largest; nil if before is zero
    /// there, or if the percentage is beyond what an ``ExactDecimal`` holds (about 1.7 × 10²⁰ %, as
    /// when a line goes from a billionth of a cent to dollars).
    public var percent: ExactDecimal? {
      let b = before ?? .zero
      var best: ExactDecimal?
      for (d, base) in [(delta.low, b.low), (delta.high, b.high)] where !base.isZero {
        let (scaled, overflow) = d.multipliedReportingOverflow(by: ExactDecimal(100))
        if overflow { return nil }
        let (p, tooLarge) = scaled.dividedReportingOverflow(by: base.magnitude)
        if tooLarge { return nil }
        if best == nil || p.magnitude > best!.magnitude { best = p }
      }
      return best
    }

    /// The larger of the changes at the two ends, in magnitude, with its sign.
    public var largest: ExactDecimal { delta.low.magnitude > delta.high.magnitude ? delta.low : delta.high }

    /// Whether the figure moved at either end, appeared or disappeared.
    public var changed: Bool { !delta.low.isZero || !delta.high.isZero || (before == nil) != (after == nil) }
  }

  /// Compares two snapshots.
  public init(before: CostSnapshot, after: CostSnapshot) {
    self.before = before.label
    self.after = after.label
    currency = after.currency
    var order = before.order
    for k in after.order where !order.contains(k) { order.append(k) }
    totals = order.map { Change(key: $0, before: before.results[$0]?.total, after: after.results[$0]?.total) }
    var lines: [Change<LineChangeKey>] = []
    var services: [Change<ServiceKey>] = []
    for key in order {
      let b = before.results[key]?.lines ?? [:], a = after.results[key]?.lines ?? [:]
      let keys = Set(b.keys).union(a.keys).sorted()
      var serviceBefore: [String: Span] = [:], serviceAfter: [String: Span] = [:]
      for k in keys {
        if let x = b[k] { serviceBefore[k.service, default: .zero] += x }
        if let x = a[k] { serviceAfter[k.service, default: .zero] += x }
        let change = Change(key: LineChangeKey(result: key, line: k), before: b[k], after: a[k])
        if change.changed { lines.append(change) }
      }
      for s in Set(serviceBefore.keys).union(serviceAfter.keys).sorted() {
        services.append(
          Change(key: ServiceKey(result: key, service: s), before: serviceBefore[s], after: serviceAfter[s]))
      }
    }
    self.lines = lines
    self.services = services
  }

  /// A limit on how much a figure may move.
  public enum Threshold: Sendable, Equatable, CustomStringConvertible {
    case amount(ExactDecimal)
    case percent(ExactDecimal)

    /// Parses `5` (dollars) or `1%`.
    public init?(_ text: String) {
      if text.hasSuffix("%") {
        guard let v = ExactDecimal(String(text.dropLast())), !v.isNegative else { return nil }
        self = .percent(v)
      } else {
        guard let v = ExactDecimal(text), !v.isNegative else { return nil }
        self = .amount(v)
      }
    }

    /// The threshold as written in reports: `$5.00` or `1%`.
    public var description: String {
      switch self {
      case .amount(let v): return "$" + v.formatted(fractionDigits: 2)
      case .percent(let v): return "\(v)%"
      }
    }

    func isCrossed<K>(by change: Change<K>) -> Bool {
      switch self {
      case .amount(let limit): return change.delta.low.magnitude > limit || change.delta.high.magnitude > limit
      case .percent(let limit):
        if let p = change.percent { return p.magnitude > limit }
        return change.changed  // from nothing to something: any change is infinite percent
      }
    }
  }

  /// The totals (or services) that move more than the threshold.
  public func crossings(of threshold: Threshold, onServices: Bool) -> [String] {
    if onServices {
      return services.filter { threshold.isCrossed(by: $0) }.map { "\($0.key.result) \($0.key.service)" }
    }
    return totals.filter { threshold.isCrossed(by: $0) }.map { $0.key.description }
  }
}
