import BillcastCore

/// Money as people read it: dollars rounded to cents, half away from zero.
package enum Money {
  /// `$1,234.56`, `-$0.50`.
  package static func text(_ amount: ExactDecimal) -> String {
    let t = amount.formatted(fractionDigits: 2, grouping: true)
    return t.hasPrefix("-") ? "-$" + t.dropFirst() : "$" + t
  }

  /// `$0.50` when both ends round to the same cents, else `$2.10–$4.80`.
  package static func text(_ low: ExactDecimal, _ high: ExactDecimal) -> String {
    let l = text(low), h = text(high)
    return l == h ? l : "\(l)–\(h)"
  }

  /// An interval's two ends as money: one amount when they round alike, else `low–high`.
  package static func text(_ interval: Interval) -> String { text(interval.low, interval.high) }
  /// A span's two ends as money: one amount when they round alike, else `low–high`.
  package static func text(_ span: Span) -> String { text(span.low, span.high) }
}
