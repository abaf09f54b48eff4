import BillcastCore
import BillcastPricing

/// The text of `pricing import` and `pricing verify`.
package enum PriceListReport {
  /// What an import did: the offers read, every rate added, changed or unchanged, what the
  /// models need that the offers lack, and the files written.
  package static func importText(_ plan: PriceListImport, offers: [Offer], wrote: Bool) -> String {
    var out = offersText(offers)
    for region in Set(plan.changes.map(\.region)).sorted() {
      let changes = plan.changes.filter { $0.region == region }
      out += "\(e(region)) (\(e(changes[0].path))):\n"
      for c in changes {
        let what: String
        switch c.kind {
        case .added: what = ladder(c.new)
        case .changed: what = change(c.old ?? [], c.new)
        case .unchanged: what = ladder(c.new)
        case .dated:
          what =
            "\(ladder(c.new)) from \(c.effective.map(\.description) ?? "?") (dated into the history; the current rate is newer)"
        case .superseded:
          what =
            "\(ladder(c.new)) from \(c.effective.map(\.description) ?? "?") not applied: a newer offer gave the rate for that date"
        }
        out +=
          "  \(c.kind.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0))  \(c.key): \(what)\(c.sku.isEmpty ? "" : " (SKU \(e(c.sku)))")"
          + (c.keptUntil.map { "; the old rate is kept until \($0)" } ?? "") + "\n"
        if c.fallsToZero {
          out +=
            "  warning    \(c.key): a paid rate falls to $0 (SKU \(e(c.sku))): estimates will price this meter free; check the offer\n"
        }
      }
    }
    out += lackingText(plan.lacking)
    let counts = [PriceListImport.Change.Kind.added, .changed, .unchanged].map { k in
      plan.changes.filter { $0.kind == k }.count
    }
    let dated = plan.changes.filter { $0.kind == .dated }.count
    let superseded = plan.changes.filter { $0.kind == .superseded }.count
    out +=
      "\(counts[0]) added, \(counts[1]) changed, \(counts[2]) unchanged"
      + (dated > 0 ? ", \(dated) dated" : "") + (superseded > 0 ? ", \(superseded) superseded" : "")
      + ", \(plan.lacking.count) lacking\n"
    if plan.files.isEmpty {
      out += "nothing to write: the rates files already hold these rates\n"
    } else {
      for f in plan.files { out += (wrote ? "wrote " : "would write ") + e(f.path) + "\n" }
    }
    return out
  }

  /// What verify found: each rate that differs, with its SKU and the offer's date.
  package static func verifyText(_ v: PriceListVerification, offers: [Offer]) -> String {
    var out = offersText(offers)
    for d in v.differences {
      let table = d.table.map(ladder) ?? "no rate"
      out +=
        "differs  \(e(d.region)) \(d.key): table \(table), offer \(ladder(d.offered)) (SKU \(e(d.sku)), offer of \(e(d.published)))\n"
      if let old = d.table, old.count == d.offered.count, zip(old, d.offered).allSatisfy({ $0.upto == $1.upto }) {
        for (i, (a, b)) in zip(old, d.offered).enumerated() where a.rate != b.rate {
          out += "           tier \(i + 1): \(a.rate) → \(b.rate)\n"
        }
      }
    }
    out += lackingText(v.lacking)
    out += "\(v.differences.count) differ, \(v.matching) match, \(v.lacking.count) lacking"
    out += v.unreadable.isEmpty ? "\n" : " (\(v.unreadable.count) offered but unreadable: not verified)\n"
    return out
  }

  /// Text from an offer or a path, with control characters escaped (it reaches a terminal).
  static func e(_ text: String) -> String { TerminalText.escaped(text) }

  static func offersText(_ offers: [Offer]) -> String {
    offers.map {
      "read \(e($0.path)): \(e($0.offerCode)) version \(e($0.version)), published \(e($0.publicationDate)) (\($0.layout.rawValue), \($0.products.count) products kept)\n"
    }.joined()
  }

  static func lackingText(_ lacking: [LackingRate]) -> String {
    guard !lacking.isEmpty else { return "" }
    return "the models need, the offers lack:\n"
      + lacking.map { "  \(e($0.region)) \($0.key): \(e($0.reason))\n" }.joined()
  }

  /// Tiers in words: `0.2` or `0.0000166667 to 6000000000, 0.000015 to 15000000000, then 0.0000133334`.
  static func ladder(_ tiers: [RateTier]) -> String {
    if tiers.count == 1 { return tiers[0].rate.description }
    return tiers.map { t in t.upto.map { "\(t.rate) to \($0)" } ?? "then \(t.rate)" }.joined(separator: ", ")
  }

  static func change(_ old: [RateTier], _ new: [RateTier]) -> String {
    if old.count == new.count, zip(old, new).allSatisfy({ $0.upto == $1.upto }) {
      let parts = zip(old, new).enumerated().filter { $0.element.0.rate != $0.element.1.rate }.map { i, p in
        (old.count == 1 ? "" : "tier \(i + 1) ") + "\(p.0.rate) → \(p.1.rate)"
      }
      return parts.joined(separator: ", ")
    }
    return "\(ladder(old)) → \(ladder(new))"
  }
}
