import BillcastCore
import BillcastEngine
import BillcastPricing
import BillcastProfile
import BillcastTestSupport
import Testing

/// The generator makes the cases the properties need: a property that holds only because the
/// generator never makes a shared meter, a second tier or a free-tier draw proves nothing.
@Suite("Properties: the generator")
struct GeneratorCoverageTests {
  @Test func casesExerciseEveryFeatureThePropertiesGuard() throws {
    var ranges = 0, shared = 0, secondTier = 0, drawn = 0, keyed = 0, billedAs = 0, scenarios = 0, exhausted = 0
    let seeds = GeneratedCase.seeds(1, count: CostPropertyTests.cases)
    for seed in seeds {
      let c = try GeneratedCase(seed: seed)
      let estimate = try c.estimate(freeTier: .alwaysFree)
      let meters = estimate.results.flatMap(\.meters)
      if !c.profile.rangeIndices.isEmpty { ranges += 1 }
      if meters.contains(where: { $0.shares.filter { $0.quantity.high > .zero }.count > 1 }) { shared += 1 }
      if meters.contains(where: { $0.chargesHigh.count > 1 }) { secondTier += 1 }
      if meters.contains(where: { $0.freeTier.contains { $0.drawn.high > .zero } }) { drawn += 1 }
      if meters.contains(where: { $0.key.key != nil }) { keyed += 1 }
      // A meter of another service billed as the shared account meter.
      let billedAsShared = estimate.results.contains { r in
        r.meters.contains { m in
          m.key.service == "gen.shared"
            && m.shares.contains { share in
              r.components.contains { $0.component == share.component && $0.service != "gen.shared" }
            }
        }
      }
      if billedAsShared { billedAs += 1 }
      if estimate.results.contains(where: { $0.scenario == "peak" }) { scenarios += 1 }
      if meters.contains(where: { m in m.freeTier.contains { $0.drawn.high > .zero } && m.billable.high > .zero }) {
        exhausted += 1
      }
    }
    // Each feature in at least a fifth of the cases (the counts at the time of writing are in the note).
    let floor = seeds.count / 5
    #expect(
      ranges >= floor && shared >= floor && secondTier >= floor && drawn >= floor,
      "\(ranges) \(shared) \(secondTier) \(drawn)")
    #expect(
      keyed >= floor / 2 && billedAs >= floor && scenarios >= floor && exhausted >= floor,
      "\(keyed) \(billedAs) \(scenarios) \(exhausted)")
  }
}
