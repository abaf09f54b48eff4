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
  /// The cost of `quantity` units on this ladder, tier by tier (marginal tiers), with the
  /// charge of each tier; a zero quantity shows the first tier's rate with nothing in it.
  public func cost(of quantity: ExactDecimal) -> (total: ExactDecimal, charges: [TierCharge]) {
    let billing = AccountBilling(ladders: [self], pools: [], perUnitRates: false)
    var charges: [TierCharge] = []
    let total = billing.cost(meter: 0, of: quantity) { tier, from, inTier, cost in
      charges.append(
        TierCharge(
          from: from, upto: tiers[tier].upto, quantity: inTier, rate: tiers[tier].rate, per: per, cost: cost,
          source: tiers[tier].source))
    }
    if charges.isEmpty, let first = tiers.first {
      charges.append(
        TierCharge(
          from: .zero, upto: first.upto, quantity: .zero, rate: first.rate, per: per, cost: .zero, source: first.source)
      )
    }
    return (total, charges)
  }
}
