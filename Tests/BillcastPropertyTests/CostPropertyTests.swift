import BillcastCore
import BillcastEngine
import BillcastPricing
import BillcastProfile
import BillcastTestSupport
import Testing

/// Properties of the calculator over generated pricing tables and profiles.
///
/// Each property prices hundreds of cases made by a seeded generator (the seeds are fixed, so a
/// failure names a case that fails again). The note on issue 6 says how each was shown to fail
/// when the code it guards is broken.
@Suite("Properties: cost")
struct CostPropertyTests {
  static let cases = 1_000

  /// Cost is never negative: every line, component, account meter and total, at both ends.
  @Test func costIsNonNegative() throws {
    for seed in GeneratedCase.seeds(1, count: Self.cases) {
      let c = try GeneratedCase(seed: seed)
      let estimate = try c.estimate()
      for r in estimate.results {
        #expect(r.total.low >= .zero, "\(c)")
        for m in r.meters { #expect(m.cost.low >= .zero && m.billable.low >= .zero, "\(m.key) \(c)") }
        for component in r.components {
          for line in component.lines {
            #expect(line.cost.low >= .zero && line.cost.high >= .zero, "\(component.component)/\(line.meter) \(c)")
          }
        }
      }
    }
  }

  /// Raising any one number or range of the profile never lowers a total or an account meter's cost.
  @Test func costIsNonDecreasingInEveryQuantity() throws {
    for seed in GeneratedCase.seeds(2, count: Self.cases) {
      let c = try GeneratedCase(seed: seed)
      var random = PropertyRandom(seed: seed)
      let index = random.int(0...(c.profile.values.count - 1))
      let amount = ExactDecimal(random.decimalText(upTo: random.pick([1, 100, 10_000]), decimals: 3))!
      let before = try c.estimate()
      let after = try c.estimate(.raised(index: index, by: amount))
      for r in before.results {
        let raised = try #require(after.result(r.scenario, r.architecture))
        #expect(
          raised.total.low >= r.total.low && raised.total.high >= r.total.high,
          "value \(index) + \(amount): \(r.total) → \(raised.total)\n\(c)")
        for m in r.meters {
          guard let n = raised.meters.first(where: { $0.key == m.key }) else { continue }
          #expect(n.quantity.low >= m.quantity.low && n.quantity.high >= m.quantity.high, "\(m.key) quantity\n\(c)")
          #expect(n.cost.low >= m.cost.low && n.cost.high >= m.cost.high, "\(m.key): \(m.cost) → \(n.cost)\n\(c)")
        }
      }
    }
  }

  /// Pricing a point drawn inside every range gives figures inside the range estimate's low–high:
  /// each total, each account meter, and each line that is its account meter's only user.
  @Test func pointsInsideTheRangesPriceInsideTheEstimate() throws {
    for seed in GeneratedCase.seeds(3, count: Self.cases) {
      let c = try GeneratedCase(seed: seed)
      var random = PropertyRandom(seed: seed)
      let ranged = try c.estimate()
      for _ in 0..<2 {
        let points = c.profile.points(&random)
        let point = try c.estimate(.points(points))
        for r in ranged.results {
          let p = try #require(point.result(r.scenario, r.architecture))
          // A point's total is a point, or (where a formula's exact value has no 18-digit decimal)
          // the narrowest interval that holds it: either way inside the range estimate.
          #expect(
            r.total.contains(p.total.low) && r.total.contains(p.total.high),
            "\(r.scenario)/\(r.architecture): \(p.total) outside \(r.total)\n\(c)")
          for m in r.meters {
            let pm = try #require(p.meters.first { $0.key == m.key })
            #expect(
              m.cost.contains(pm.cost.low) && m.cost.contains(pm.cost.high) && m.quantity.contains(pm.quantity.low)
                && m.quantity.contains(pm.quantity.high), "\(m.key)\n\(c)")
            guard m.shares.count == 1, let share = m.shares.first, let pointShare = pm.shares.first else { continue }
            #expect(share.cost.hull.contains(pointShare.cost.low), "\(share.component)/\(m.key)\n\(c)")
          }
        }
      }
    }
  }

  /// The compiled cost model (break-even, sensitivity, Monte Carlo) gives the estimator's totals at
  /// both ends of the ranges and at points inside them.
  @Test func costModelAgreesWithTheEstimator() throws {
    for seed in GeneratedCase.seeds(4, count: Self.cases) {
      let c = try GeneratedCase(seed: seed)
      var random = PropertyRandom(seed: seed)
      let resolved = try c.resolved()
      let estimate = try c.estimate()
      let points = c.profile.points(&random)
      let pointResolved = try c.resolved(.points(points))
      let pointEstimate = try c.estimate(.points(points))
      for r in estimate.results {
        for (end, expected) in [(CompiledFormula.RangePoint.low, r.total.low), (.high, r.total.high)] {
          let model = try CostModel(
            resolved: resolved, architecture: r.architecture, scenario: r.scenario, asOf: estimate.asOf,
            situation: estimate.freeTier, point: end)
          let total = try model.total()
          #expect(
            Self.agree(total, expected), "\(r.scenario)/\(r.architecture) at \(end): \(total) against \(expected)\n\(c)"
          )
        }
        let model = try CostModel(
          resolved: pointResolved, architecture: r.architecture, scenario: r.scenario, asOf: estimate.asOf,
          situation: estimate.freeTier, point: .mid)
        let total = try model.total()
        #expect(
          Self.agree(total, pointEstimate.result(r.scenario, r.architecture)!.total.low),
          "\(r.scenario)/\(r.architecture) at a point\n\(c)")
      }
    }
  }

  /// Whether the compiled model's total and the estimator's agree: exactly, or, where a formula's
  /// exact value has no 18-digit decimal, to 10^-12 of the amount (the model rounds each step to
  /// nearest, the estimator rounds the exact value outward; both are 10^-18 steps apart).
  static func agree(_ model: ExactDecimal, _ estimator: ExactDecimal) -> Bool {
    if model == estimator { return true }
    // × 10^-12
    let tolerance = ExactDecimal.maximum(ExactDecimal.one, estimator.magnitude) * ExactDecimal(raw: 1_000_000)
    return (model - estimator).magnitude <= tolerance
  }
}
