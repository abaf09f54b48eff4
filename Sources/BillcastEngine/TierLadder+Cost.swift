import BillcastCore
import BillcastPricing

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
