import BillcastCore
import BillcastEngine
import BillcastProfile
import BillcastTestSupport
import Foundation
import Testing

@Suite("Compare")
struct CompareTests {
  func compare(
    _ text: String, vary: String? = nil, to: ExactDecimal = 0, freeTier: Account.FreeTier? = nil,
    point: CompiledFormula.RangePoint = .mid
  ) throws -> Comparison {
    let resolved = try ResolvedProfile.resolve(try TestSupport.profile(text), catalog: try Fixtures.catalog())
    return try Comparer.compare(
      resolved,
      options: CompareOptions(
        estimate: EstimateOptions(today: CalendarDate("2026-11-25")!, freeTier: freeTier), vary: vary, from: 0, to: to,
        point: point))
  }

  static let linear = """
    format: billcast.profile/1
    name: linear
    region: us-east-1
    as_of: 2026-11-01
    account: {free_tier: none}
    workload:
      page_views: 1000
    architectures:
      functions:
        components:
          fn:
            service: aws.lambda
            inputs: {requests: page_views * 10, duration_ms: 0}
      server:
        components:
          vm:
            service: aws.ec2
            inputs: {instance_type: t3.micro, public_ipv4: 0}
    """

  @Test("break-even by hand: 10 requests a view × $0.20/1M against a $7.592 t3.micro")
  func breakEvenByHand() throws {
    let c = try compare(Self.linear, vary: "page_views", to: 10_000_000)
    let b = try #require(c.breakEven.first)
    // functions: pv × 10 × $0.20 / 1,000,000 = pv × $0.000002; server: 730 h × $0.0104 = $7.592.
    // Equal at pv = 7.592 / 0.000002 = 3,796,000 (a tie goes to the architecture listed first);
    // from 3,796,001 the server is cheaper: functions $7.592002 against $7.592.
    #expect(b.crossings.count == 1)
    let x = try #require(b.crossings.first)
    #expect(x.at == 3_796_001)
    #expect(x.from == "functions" && x.to == "server")
    #expect(x.fromCostAt == TestSupport.d("7.592002") && x.toCostAt == TestSupport.d("7.592"))
    #expect(x.fromCostBefore == TestSupport.d("7.592") && x.toCostBefore == TestSupport.d("7.592"))
    #expect(b.segments.map(\.cheapest) == ["functions", "server"])
    #expect(b.segments[0].to == 3_796_000)
    // Linear stretches are accepted whole: far fewer points than the 10M on the grid.
    #expect(b.evaluations < 200)
  }

  @Test func varyingAnUnknownVariableIsAnError() throws {
    do {
      _ = try compare(Self.linear, vary: "page_veiws", to: 10)
      Issue.record("compared")
    } catch let error as DiagnosticError {
      #expect(
        error.diagnostics[0].message.contains(
          "'page_veiws', which is not a workload variable (did you mean 'page_views'?)"))
    }
  }

  static func example() throws -> ResolvedProfile {
    try ResolvedProfile.resolve(
      try Profile.load(path: TestSupport.path("examples/job-posting-analyzer.yaml")), catalog: try Fixtures.catalog())
  }

  @Test("the document's comparison, steady state (always-free): EC2's instance alone is $0.0104 × 730 h = $7.59")
  func documentComparison() throws {
    let resolved = try Self.example()
    let c = try Comparer.compare(
      resolved,
      options: CompareOptions(estimate: EstimateOptions(today: CalendarDate("2026-11-25")!, freeTier: .alwaysFree)))
    let ec2 = try #require(c.estimate.results.first { $0.architecture == "ec2" && $0.scenario == "minimum" })
    #expect(ec2.line("server", "instance-hours").cost.high == TestSupport.d("7.592"))
    // App Runner at 1 vCPU / 2 GB: idle memory 2 GB × $0.007 × 730 h = $10.22 (the document: $7-10).
    let appRunner = try #require(
      c.estimate.results.first { $0.architecture == "app-runner" && $0.scenario == "minimum" })
    #expect(appRunner.line("app", "provisioned-memory").cost.high == TestSupport.d("10.22"))
    #expect(c.cheapest.first { $0.scenario == "minimum" }?.low == "lambda-cloudfront")
  }

  @Test("today's EC2: the instance, its public IPv4 address and an 8 GB gp3 disk = $7.59 + $3.65 + $0.64 = $11.88")
  func todaysEC2() throws {
    let resolved = try ResolvedProfile.resolve(
      try Profile.load(path: TestSupport.path("examples/job-posting-analyzer-today.yaml")),
      catalog: try Fixtures.catalog())
    let c = try Comparer.compare(
      resolved, options: CompareOptions(estimate: EstimateOptions(today: CalendarDate("2026-11-25")!)))
    let ec2 = try #require(c.estimate.results.first { $0.architecture == "ec2" && $0.scenario == "minimum" })
    // 7.592 + 3.65 + 0.64 = 11.882.
    #expect(
      ec2.component("server").cost.high - ec2.line("server", "transfer-out").cost.high + ec2.component("disk").cost.high
        == TestSupport.d("11.882"))
    // App Runner closed to new customers on 2026-04-30: priced, flagged, and never the cheapest.
    #expect(c.closed.contains { $0.architecture == "app-runner" })
    #expect(!c.cheapest.contains { $0.low == "app-runner" || $0.high == "app-runner" })
  }

  @Test("a retired service makes its architecture unavailable, not an error for the comparison")
  func retiredArchitectureIsReported() throws {
    let resolved = try Self.example()
    let c = try Comparer.compare(
      resolved,
      options: CompareOptions(
        estimate: EstimateOptions(asOf: CalendarDate("2026-11-01"), today: CalendarDate("2026-11-25")!)))
    #expect(c.unavailable.map(\.architecture) == ["lambda-cloudfront", "app-runner", "ecs-fargate"])
    #expect(c.unavailable[0].reason.contains("retired on 2025-03-31"))
    #expect(c.estimate.results.allSatisfy { $0.architecture == "ec2" })
  }

  @Test("the compiled cost model agrees with the estimator at both ends of every range")
  func costModelMatchesEstimator() throws {
    let resolved = try Self.example()
    let estimate = try Estimator.estimate(resolved, options: EstimateOptions(today: CalendarDate("2026-11-25")!))
    for r in estimate.results {
      for (point, expected) in [(CompiledFormula.RangePoint.low, r.total.low), (.high, r.total.high)] {
        let model = try CostModel(
          resolved: resolved, architecture: r.architecture, scenario: r.scenario, asOf: estimate.asOf,
          situation: estimate.freeTier, point: point)
        #expect(try model.total() == expected, "\(r.scenario) \(r.architecture) \(point)")
      }
    }
  }

  @Test func sensitivityRanksTheDatabaseHoursFirstForLambda() throws {
    let c = try Comparer.compare(
      try Self.example(),
      options: CompareOptions(
        estimate: EstimateOptions(today: CalendarDate("2026-11-25")!, scenarios: ["active-development"])))
    let s = try #require(c.sensitivity.first { $0.architecture == "lambda-cloudfront" })
    // Aurora at $0.06/ACU-h: 176 h → 243.33 h moves the bill by 67.33 × $0.06 = $4.04.
    #expect(s.rows[0].variable == "db_active_hours")
    #expect((s.rows[0].costAtHigh - s.rows[0].costAtLow).rounded(toFractionDigits: 2) == TestSupport.d("4.04"))
  }
}
