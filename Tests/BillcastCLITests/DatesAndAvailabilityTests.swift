import BillcastTestSupport
import Foundation
import Testing

/// Dates outside what the tables cover, and architectures that leave a forecast.
@Suite("Dates and availability")
struct DatesAndAvailabilityTests {
  /// A one-service table confirmed on 2026-01-01 (TestSupport's header) and a profile that uses it.
  func workspace() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("billcast-stale-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: dir.appendingPathComponent("pricing"), withIntermediateDirectories: true)
    let table = TestSupport.pricingTableHeader + TestSupport.testService(rate: "0.5")
    try table.write(to: dir.appendingPathComponent("pricing/t.yaml"), atomically: true, encoding: .utf8)
    let profile = """
      format: billcast.profile/1
      name: stale
      region: r
      workload: {n: 2}
      architectures:
        a:
          components:
            c: {service: test.svc, inputs: {n: n}}

      """
    try profile.write(to: dir.appendingPathComponent("p.yaml"), atomically: true, encoding: .utf8)
    return dir
  }

  @Test func pricingLongAfterTheTablesWereConfirmedWarnsInEveryFormat() throws {
    let dir = try workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    // The table was confirmed on 2026-01-01; 2026-07-08 is 188 days later (30 + 28 + 31 + 30 + 31
    // + 30 + 8), past the 120 days a table is taken as current.
    let warning = "test/r was last confirmed on 2026-01-01, 188 days before 2026-07-08; prices may have changed since"
    func run(_ arguments: [String]) throws -> CLIRun {
      try CLI.run(arguments, in: dir, environment: CLI.findsItsPricing)
    }
    let table = try run(["estimate", "p.yaml", "--as-of", "2026-07-08"])
    #expect(table.status == 0, "\(table.stderr)")
    #expect(table.stdout.contains("Warning: " + warning), "\(table.stdout)")
    #expect(
      try run(["estimate", "p.yaml", "--as-of", "2026-07-08", "--format", "markdown"]).stdout.contains(
        "- **Warning:** " + warning))
    #expect(
      try run(["estimate", "p.yaml", "--as-of", "2026-07-08", "--format", "json"]).stdout.contains(
        "\"warning\": \"" + warning))
    #expect(
      try run(["estimate", "p.yaml", "--as-of", "2026-07-08", "--format", "html"]).stdout.contains(
        "Warning: " + warning))
    #expect(try run(["compare", "p.yaml", "--as-of", "2026-07-08"]).stdout.contains("Warning: " + warning))
    // 2026-05-01 is exactly 120 days after (31 + 28 + 31 + 30): still current.
    #expect(!(try run(["estimate", "p.yaml", "--as-of", "2026-05-01"]).stdout.contains("Warning:")))
    // A forecast starting 2026-07 warns as of its first day, 2026-07-01: 181 days.
    #expect(
      try run(["forecast", "p.yaml", "--start", "2026-07", "--months", "2", "--samples", "0"]).stdout.contains(
        "Warning: test/r was last confirmed on 2026-01-01, 181 days before 2026-07-01"))
  }

  @Test func servicesAreNotPricedBeforeTheyLaunched() throws {
    // Lambda is priced from its preview of 2014-11-13 (Tests/Fixtures/pricing/aws/, source
    // launch-lambda); Route 53 from 2010-12-05. In 2012 one architecture is left out, and in 1990
    // neither prices.
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("billcast-launch-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let profile = """
      format: billcast.profile/1
      name: old
      region: us-east-1
      as_of: 2012-01-01
      workload: {x: 1}
      architectures:
        fn:
          components:
            f: {service: aws.lambda, inputs: {requests: 1000, duration_ms: 10, memory_mb: 128}}
        dns:
          components:
            z: {service: aws.route53, inputs: {hosted_zones: 1, standard_queries: 0}}

      """
    try profile.write(to: dir.appendingPathComponent("p.yaml"), atomically: true, encoding: .utf8)
    let in2012 = try CLI.run(["estimate", "p.yaml", "--pricing", TestSupport.testPricingPath], in: dir)
    #expect(in2012.status == 0)
    #expect(in2012.stdout.contains("Not priced: fn (AWS Lambda is available from 2014-11-13)"))
    let in1990 = try CLI.run(
      ["estimate", "p.yaml", "--pricing", TestSupport.testPricingPath, "--as-of", "1990-01-01"], in: dir)
    #expect(in1990.status == 2 && in1990.stdout == "")
    #expect(
      in1990.stderr.contains(
        "p.yaml:9:20: error: architectures.fn.components.f.service: AWS Lambda (aws.lambda) is available from 2014-11-13; the date priced is 1990-01-01"
      ))
    #expect(
      in1990.stderr.contains(
        "p.yaml:12:20: error: architectures.dns.components.z.service: Amazon Route 53 (aws.route53) is available from 2010-12-05"
      ))
  }

  @Test func anArchitectureThatBecomesUnavailableLeavesTheCrossovers() throws {
    // In the reference example, Aurora Serverless v1 retires on 2025-03-31: lambda-cloudfront,
    // app-runner and ecs-fargate are unavailable from month 7 (2025-04). Only ec2 is left, which
    // is no crossover.
    let run = try CLI.run(["forecast", "examples/job-posting-analyzer.yaml", "--samples", "0"])
    #expect(run.status == 0)
    #expect(run.stdout.contains("- month 6 (2025-03): lambda-cloudfront's cumulative cost falls below ec2's"))
    #expect(
      !run.stdout.contains("month 7 (2025-04): ec2's cumulative cost falls below lambda-cloudfront's"), "\(run.stdout)")
    #expect(!run.stdout.contains("month 7 (2025-04): ec2 becomes cheaper than lambda-cloudfront each month"))
    #expect(
      run.stdout.contains(
        "- month 7 (2025-04), lambda-cloudfront, app-runner, ecs-fargate: Aurora Serverless v1 was retired on 2025-03-31"
      ))
  }

  @Test func theHTMLShowsAnUnavailableArchitectureAsAGapNotZero() throws {
    let run = try CLI.run(["forecast", "examples/job-posting-analyzer.yaml", "--samples", "0", "--format", "html"])
    #expect(run.status == 0)
    // The breakdown chart (month 24): three architectures are unavailable, ec2 has a bar.
    let chart = try #require(
      run.stdout.range(of: "Cost per service in month 24").map { String(run.stdout[$0.lowerBound...].prefix(20_000)) })
    #expect(chart.components(separatedBy: ">unavailable</text>").count - 1 == 3)
    // no bar (not even a $0 one) for an unavailable architecture
    #expect(!chart.contains("<title>lambda-cloudfront —"))
  }
}
