import BillcastCore
import BillcastEngine

/// The arithmetic of every line: aggregated quantity − free tier, each tier's quantity × rate, each component's share.
public enum EstimateExplanation {
  /// How each account meter of one result is computed, as indented text, low end → high end.
  public static func render(_ r: ScenarioResult) -> String {
    var out = "  How each line is computed (\(r.scenario), \(r.architecture)); low end → high end:\n"
    let unused = r.meters.filter { $0.quantity.high.isZero }
    for m in r.meters where !m.quantity.high.isZero {
      out += "  \(m.key) [\(m.unit)]\n"
      out += "    usage      \(q(m.quantity.low)) → \(q(m.quantity.high)) \(m.unit)"
      if m.shares.count > 1 {
        out +=
          " = "
          + m.shares.map { "\($0.component) \(q($0.quantity.low))→\(q($0.quantity.high))" }.joined(separator: " + ")
      }
      out += "\n"
      for f in m.freeTier {
        out += "    free tier  − \(q(f.drawn.low)) → \(q(f.drawn.high)) (\(f.pool), \(f.kind.rawValue))\n"
      }
      out += "    billable   \(q(m.billable.low)) → \(q(m.billable.high)) \(m.unit)\n"
      out += "    low:  " + charges(m.chargesLow) + "\n"
      out += "    high: " + charges(m.chargesHigh) + "\n"
      if m.shares.count > 1 {
        out +=
          "    shares     " + m.shares.map { "\($0.component) \(Money.text($0.cost))" }.joined(separator: ", ")
          + " (in proportion to usage)\n"
      }
    }
    if !unused.isEmpty {
      out += "  Unused meters (0 at both ends): " + unused.map(\.key.description).joined(separator: ", ") + "\n"
    }
    return out
  }

  static func q(_ v: ExactDecimal) -> String { PriceText.quantity(v, maxDigits: 6) }

  static func charges(_ charges: [TierCharge]) -> String {
    var total = ExactDecimal.zero
    let parts = charges.map { c -> String in
      total += c.cost
      let per = c.per == .one ? "" : " / \(PriceText.quantity(c.per))"
      let range = c.upto.map { " (tier \(q(c.from))–\(q($0)))" } ?? (c.from > .zero ? " (tier above \(q(c.from)))" : "")
      return "\(q(c.quantity)) × \(PriceText.dollars(c.rate))\(per)\(range)"
    }
    return parts.joined(separator: " + ") + " = \(exact(total))"
  }

  /// Dollars to the cent, with the exact value when rounding hides something.
  static func exact(_ v: ExactDecimal) -> String {
    let cents = Money.text(v)
    return v.rounded(toFractionDigits: 2) == v ? cents : "\(cents) (\(PriceText.dollars(v)))"
  }
}
