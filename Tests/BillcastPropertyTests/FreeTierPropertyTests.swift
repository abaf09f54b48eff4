import BillcastCore
import BillcastEngine
import BillcastPricing
import BillcastProfile
import BillcastTestSupport
import Testing

/// Properties of free-tier pools over generated tables and profiles.
@Suite("Properties: free tier")
struct FreeTierPropertyTests {
  /// With always-free pools, compared with list prices:
  /// - no pool gives more than its allowance, summed over every meter that draws from it, at either end;
  /// - a meter never draws more than its quantity, and what is billed is the quantity less what was drawn;
  /// - free tier never makes a line negative and never raises a cost;
  /// - it saves at most what it drew at the ladder's highest rate.
  @Test func freeTierNeverGoesNegativeOrBeyondItsAllowance() throws {
    for seed in GeneratedCase.seeds(5, count: CostPropertyTests.cases) {
      let c = try GeneratedCase(seed: seed)
      let free = try c.estimate(freeTier: .alwaysFree)
      let list = try c.estimate(freeTier: Account.FreeTier.none)
      let allowance = Dictionary(uniqueKeysWithValues: c.table.pools.map { ($0.id, ExactDecimal($0.allowance)!) })
      for r in free.results {
        let paid = try #require(list.result(r.scenario, r.architecture))
        #expect(r.total.low <= paid.total.low && r.total.high <= paid.total.high, "\(r.total) > \(paid.total)\n\(c)")
        var drawnLow: [String: ExactDecimal] = [:], drawnHigh: [String: ExactDecimal] = [:]
        for m in r.meters {
          var low = ExactDecimal.zero, high = ExactDecimal.zero
          for d in m.freeTier {
            #expect(d.drawn.low >= .zero && d.drawn.high >= .zero, "\(m.key) draws a negative amount\n\(c)")
            drawnLow[d.pool, default: .zero] += d.drawn.low
            drawnHigh[d.pool, default: .zero] += d.drawn.high
            low += d.drawn.low
            high += d.drawn.high
          }
          #expect(low <= m.quantity.low && high <= m.quantity.high, "\(m.key) draws more than its quantity\n\(c)")
          #expect(
            m.billable.low == m.quantity.low - low && m.billable.high == m.quantity.high - high,
            "\(m.key) billable\n\(c)")
          let listMeter = try #require(paid.meters.first { $0.key == m.key })
          #expect(
            m.cost.low <= listMeter.cost.low && m.cost.high <= listMeter.cost.high,
            "\(m.key) costs more with free tier\n\(c)")
          // cost(q) − cost(q − drawn) ≤ drawn × the highest marginal rate (+ 10^-15 for the rounding of rate / per at 18 digits).
          let highest = m.ladder.tiers.map { $0.rate / m.ladder.per }.max() ?? .zero
          #expect(
            listMeter.cost.high - m.cost.high <= high * highest + ExactDecimal(raw: 1000),
            "\(m.key) saves more than its draw at the highest rate\n\(c)")
        }
        for (pool, limit) in allowance {
          #expect(
            (drawnLow[pool] ?? .zero) <= limit && (drawnHigh[pool] ?? .zero) <= limit,
            "\(pool) gives more than \(limit)\n\(c)")
        }
        for component in r.components {
          for line in component.lines {
            #expect(
              line.cost.low >= .zero && line.cost.high >= .zero, "\(component.component)/\(line.meter) negative\n\(c)")
            #expect(
              line.freeTier.low >= .zero && line.freeTier.high >= .zero,
              "\(component.component)/\(line.meter) free tier\n\(c)")
          }
        }
      }
    }
  }
}
