import BillcastCore
import BillcastPricing

/// The billing rules of one account, compiled: free-tier pools drawn in order, then a tier
/// ladder per account meter.
///
/// This is the one implementation of both rules. The estimate calls it at each end of a
/// range (through ``Calculator``), and ``CostModel`` calls it for every point a break-even
/// search, a sensitivity table or the forecast's Monte Carlo prices. The ladders and pools
/// are flattened into arrays of plain values, so the inner loop reads no nested array.
struct AccountBilling: Sendable {
  /// A free-tier pool: the allowance, drawn from the account meters (by index) in order.
  struct Pool {
    var allowance: ExactDecimal
    var draws: [Int]
  }

  let ladderStart: [Int]
  let ladderCount: [Int]
  let ladderPer: [ExactDecimal]
  let tierUpto: [ExactDecimal?]
  let tierRate: [ExactDecimal]
  let poolAllowance: [ExactDecimal]
  let poolStart: [Int]
  let poolCount: [Int]
  let poolDraws: [Int]

  /// Compiles one ladder per account meter and the pools that draw from them.
  ///
  /// With `perUnitRates`, a rate per 1M or per 10K becomes a rate per unit when that is
  /// exact (it is for every published rate: a decimal shift), saving a division per tier;
  /// the estimate keeps the quoted rates so that its tier charges show them.
  init(ladders: [TierLadder], pools: [Pool], perUnitRates: Bool) {
    var ladderStart: [Int] = [], ladderCount: [Int] = [], ladderPer: [ExactDecimal] = []
    var tierUpto: [ExactDecimal?] = [], tierRate: [ExactDecimal] = []
    for ladder in ladders {
      ladderStart.append(tierRate.count)
      ladderCount.append(ladder.tiers.count)
      let shift = perUnitRates && Self.dividesExactly(ladder)
      ladderPer.append(shift ? .one : ladder.per)
      for tier in ladder.tiers {
        tierUpto.append(tier.upto)
        tierRate.append(shift ? tier.rate / ladder.per : tier.rate)
      }
    }
    (self.ladderStart, self.ladderCount, self.ladderPer) = (ladderStart, ladderCount, ladderPer)
    (self.tierUpto, self.tierRate) = (tierUpto, tierRate)
    poolAllowance = pools.map(\.allowance)
    var poolStart: [Int] = [], poolCount: [Int] = [], poolDraws: [Int] = []
    for pool in pools {
      poolStart.append(poolDraws.count)
      poolCount.append(pool.draws.count)
      poolDraws += pool.draws
    }
    (self.poolStart, self.poolCount, self.poolDraws) = (poolStart, poolCount, poolDraws)
  }

  /// Whether every rate of `ladder` divided by its `per` is exact.
  static func dividesExactly(_ ladder: TierLadder) -> Bool {
    ladder.tiers.allSatisfy { tier in
      let unit = tier.rate.dividedReportingOverflow(by: ladder.per)
      return !unit.overflow && unit.partialValue.multipliedReportingOverflow(by: ladder.per) == (tier.rate, false)
    }
  }

  /// The number of account meters.
  var meterCount: Int { ladderStart.count }

  /// Draws each pool in order from `quantities`, leaving the billable quantities.
  ///
  /// `taken` sees every draw of every pool, in order, even one that takes nothing, so two
  /// calls (the low and the high end of a range) report the same sequence of draws.
  @inline(__always)
  func drawFreeTier(
    _ quantities: UnsafeMutableBufferPointer<ExactDecimal>,
    taken: (_ pool: Int, _ meter: Int, _ amount: ExactDecimal) -> Void = { _, _, _ in }
  ) {
    for p in 0..<poolAllowance.count {
      var remaining = poolAllowance[p]
      for j in poolStart[p]..<(poolStart[p] + poolCount[p]) {
        let meter = poolDraws[j]
        var take = ExactDecimal.zero
        if remaining > .zero {
          take = ExactDecimal.minimum(remaining, quantities[meter])
          quantities[meter] -= take
          remaining -= take
        }
        taken(p, meter, take)
      }
    }
  }

  /// The cost of `quantity` units on an account meter's ladder, tier by tier (marginal tiers).
  ///
  /// `charged` sees each tier that holds some of the quantity: its index within the ladder,
  /// where it starts, the quantity in it and its cost.
  @inline(__always)
  func cost(
    meter: Int, of quantity: ExactDecimal,
    charged: (_ tier: Int, _ from: ExactDecimal, _ quantity: ExactDecimal, _ cost: ExactDecimal) -> Void = {
      _, _, _, _ in
    }
  ) -> ExactDecimal {
    let per = ladderPer[meter], first = ladderStart[meter]
    var total = ExactDecimal.zero
    var start = ExactDecimal.zero
    for t in first..<(first + ladderCount[meter]) {
      let upto = tierUpto[t]
      let top = upto.map { ExactDecimal.minimum(quantity, $0) } ?? quantity
      if top > start {
        let inTier = top - start
        let cost = per == .one ? inTier * tierRate[t] : (inTier * tierRate[t]) / per
        charged(t - first, start, inTier, cost)
        total += cost
      }
      guard let end = upto, quantity > end else { break }
      start = end
    }
    return total
  }

  /// The total of every account meter after the free tier; `quantities` are drawn down in place.
  func total(_ quantities: UnsafeMutableBufferPointer<ExactDecimal>) -> ExactDecimal {
    drawFreeTier(quantities)
    var total = ExactDecimal.zero
    for meter in 0..<ladderStart.count { total += cost(meter: meter, of: quantities[meter]) }
    return total
  }
}
