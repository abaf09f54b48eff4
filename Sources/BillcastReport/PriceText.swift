import BillcastCore
import BillcastEngine
import BillcastPricing
import Foundation

/// Prices and quantities in words, the way pricing pages write them.
package enum PriceText {
  /// `$0.20/1M requests`, `$0.0000166667/GB-s`, `$1.00–$0.90/1M requests (tiered)`.
  package static func ladder(_ ladder: TierLadder, unit: String) -> String {
    let perText = perLabel(ladder.per)
    let unitText = perText.isEmpty ? unit : "\(perText) \(unit)"
    if ladder.isFlat { return "\(dollars(ladder.tiers[0].rate))/\(unitText)" }
    let first = ladder.tiers.first!.rate, last = ladder.tiers.last!.rate
    return "\(dollars(first))–\(dollars(last))/\(unitText) (tiered)"
  }

  /// A meter's price with its unit named after the meter where the unit alone is vague:
  /// `$0.005/1K put requests` rather than `$0.005/1K requests`.
  package static func meter(_ name: String, ladder: TierLadder, unit: String) -> String {
    let lastWord = unit.split(separator: " ").last.map(String.init) ?? unit
    if name != unit && name.hasSuffix(lastWord) && name.count > lastWord.count {
      return self.ladder(ladder, unit: name.replacingOccurrences(of: "-", with: " "))
    }
    return self.ladder(ladder, unit: unit)
  }

  /// A component's price for one meter, as an estimate lists it: the meter's price, and for a
  /// meter billed at another service's rates, the meter and the rates it is billed as.
  package static func price(_ price: MeterPrice) -> String {
    let text = meter(price.meter, ladder: price.ladder, unit: price.unit)
    guard let billedAs = price.billedAs else { return text }
    return "\(price.meter): \(text) (billed as \(billedAs))"
  }

  /// A rate in dollars with at least two decimals: `$0.20`, `$0.0000166667`.
  package static func dollars(_ value: ExactDecimal) -> String {
    let text = value.description
    if let dot = text.firstIndex(of: ".") {
      let decimals = text.distance(from: dot, to: text.endIndex) - 1
      return "$" + (decimals < 2 ? value.formatted(fractionDigits: 2) : text)
    }
    return "$" + value.formatted(fractionDigits: 2)
  }

  /// `1M`, `10K`, `1B`, or "" for 1.
  package static func perLabel(_ per: ExactDecimal) -> String {
    if per == .one { return "" }
    let table: [(ExactDecimal, String)] = [(1_000_000_000, "B"), (1_000_000, "M"), (1_000, "K")]
    for (unit, suffix) in table where per >= unit && (per / unit).isInteger {
      return (per / unit).description + suffix
    }
    return per.formatted(fractionDigits: 0, grouping: true)
  }

  /// A quantity with thousands separators and up to `maxDigits` decimals: `1,500,000`, `0.25`.
  package static func quantity(_ value: ExactDecimal, maxDigits: Int = 4) -> String {
    let rounded = value.rounded(toFractionDigits: maxDigits)
    let text = rounded.description
    let decimals = text.firstIndex(of: ".").map { text.distance(from: $0, to: text.endIndex) - 1 } ?? 0
    return rounded.formatted(fractionDigits: decimals, grouping: true)
  }

  /// A free-tier pool in words: `1M requests (always free)`, `2,000 put requests (first 12 months)`.
  package static func pool(_ pool: FreeTierPool) -> String {
    var unit = pool.unit
    if pool.draws.count == 1, pool.draws[0].meter.hasSuffix("requests"), pool.draws[0].meter != unit {
      unit = pool.draws[0].meter.replacingOccurrences(of: "-", with: " ")
    }
    let kind = pool.kind == .alwaysFree ? "always free" : "first 12 months"
    return "\(allowance(pool.allowance, unit: unit)) (\(kind))"
  }

  /// An allowance in words: `400,000 GB-s`, `1M requests`.
  package static func allowance(_ amount: ExactDecimal, unit: String) -> String {
    let label = perLabel(amount)
    if !label.isEmpty && label.last!.isLetter && amount >= 1_000_000 { return "\(label) \(unit)" }
    return "\(quantity(amount)) \(unit)"
  }
}
