import BillcastCore
import BillcastPricing

/// The charge of one tier of a ladder for one quantity.
public struct TierCharge: Sendable, Hashable {
  /// Where the tier starts and ends (nil: no end).
  public var from: ExactDecimal
  /// Where the tier ends, as a cumulative quantity; nil for the last tier.
  public var upto: ExactDecimal?
  /// The quantity that falls in the tier.
  public var quantity: ExactDecimal
  /// The tier's price per `per` units.
  public var rate: ExactDecimal
  /// The number of units the rate is quoted for (1,000,000 for "$0.20 per 1M requests").
  public var per: ExactDecimal
  /// The tier's charge: quantity × rate ÷ per.
  public var cost: ExactDecimal
  /// The id of the source the rate was read from.
  public var source: String
}

extension TierLadder {
  /// The cost of `quantity` units on this ladder, tier by tier (marginal tiers).
  public func cost(of quantity: ExactDecimal) -> (total: ExactDecimal, charges: [TierCharge]) {
    var total = ExactDecimal.zero
    var charges: [TierCharge] = []
    var start = ExactDecimal.zero
    for tier in tiers {
      let end = tier.upto
      let top = end.map { ExactDecimal.minimum(quantity, $0) } ?? quantity
      let inTier = top > start ? top - start : .zero
      if inTier > .zero || charges.isEmpty {
        let cost = per == .one ? inTier * tier.rate : (inTier * tier.rate) / per
        charges.append(TierCharge(from: start, upto: end, quantity: inTier, rate: tier.rate, per: per, cost: cost, source: tier.source))
        total += cost
      }
      guard let end, quantity > end else { break }
      start = end
    }
    return (total, charges)
  }

  /// The cost of `quantity` units, without the breakdown (the hot path).
  @inline(__always)
  public func totalCost(of quantity: ExactDecimal) -> ExactDecimal {
    var total = ExactDecimal.zero
    var start = ExactDecimal.zero
    for i in 0..<tiers.count {
      let upto = tiers[i].upto
      let top = upto.map { ExactDecimal.minimum(quantity, $0) } ?? quantity
      if top > start {
        let inTier = top - start
        total += per == .one ? inTier * tiers[i].rate : (inTier * tiers[i].rate) / per
      }
      guard let end = upto, quantity > end else { break }
      start = end
    }
    return total
  }
}
