import BillcastTestSupport
import Foundation
import Testing

/// `billcast diff`: a one-price change in a copy of the pricing tables, two profiles, two saved reports.
@Suite("billcast diff, end to end")
struct DiffCommandTests {
  /// A temporary folder with a copy of the frozen test catalog whose Lambda x86 tier-1 duration rate is $0.0000170000 instead of $0.0000166667.
  static func workspace() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("billcast-diff-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      atPath: TestSupport.testPricingPath, toPath: dir.appendingPathComponent("before").path)
    try FileManager.default.copyItem(
      atPath: TestSupport.testPricingPath, toPath: dir.appendingPathComponent("after").path)
    let table = dir.appendingPathComponent("after/aws/rates/us-east-1.yaml")
    let text = try String(contentsOf: table, encoding: .utf8)
    // The first occurrence is today's x86 tier-1 rate (the second is its history before August 2022).
    let range = try #require(text.range(of: "rate: 0.0000166667"))
    try text.replacingCharacters(in: range, with: "rate: 0.0000170000").write(
      to: table, atomically: true, encoding: .utf8)
    return dir
  }

  /// 10M requests × 100 ms × 1 GB = 1,000,000 GB-s − 400,000 free = 600,000 billable GB-s:
  /// before 600,000 × $0.0000166667 = $10.00002, after × $0.000017 = $10.20, change $0.19998.
  /// Requests: (10M − 1M) × $0.20/1M = $1.80. With an HTTP API ($10.00) the total is $21.80002.
  static func profile(withAPI: Bool) -> String {
    """
    format: billcast.profile/1
    name: busy function
    region: us-east-1
    as_of: 2026-11-01
    account: {free_tier: always-free}
    workload:
      requests: 10000000
    architectures:
      functions:
        components:
          fn: {service: aws.lambda, inputs: {requests: requests, duration_ms: 100, memory_mb: 1024}}
    """ + (withAPI ? "\n      api: {service: aws.apigateway.http, inputs: {requests: requests}}\n" : "\n")
  }

  @Test("one Lambda price: exactly that line changes, and the total by the same amount")
  func onePriceChange() throws {
    let dir = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    try Self.profile(withAPI: true).write(to: dir.appendingPathComponent("p.yaml"), atomically: true, encoding: .utf8)
    let run = try CLI.run(
      ["diff", "p.yaml", "--before-pricing", "before", "--after-pricing", "after", "--format", "json"], in: dir)
    #expect(run.status == 0)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    #expect(object["schema"] as? String == "billcast.diff/1")
    let lines = try #require(object["lines"] as? [[String: Any]])
    #expect(lines.count == 1)
    #expect(lines[0]["service"] as? String == "aws.lambda" && lines[0]["meter"] as? String == "duration")
    #expect((lines[0]["change"] as? [String: String])?["high"] == "0.19998")
    let totals = try #require(object["totals"] as? [[String: Any]])
    #expect((totals[0]["before"] as? [String: String])?["high"] == "21.80002")
    #expect((totals[0]["change"] as? [String: String])?["high"] == "0.19998")
  }

  @Test("--fail-above 1%: $0.19998 on $21.80002 is 0.92% (exit 0); on $11.80002 it is 1.69% (exit 1)")
  func failAbove() throws {
    let dir = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    try Self.profile(withAPI: true).write(
      to: dir.appendingPathComponent("with-api.yaml"), atomically: true, encoding: .utf8)
    try Self.profile(withAPI: false).write(
      to: dir.appendingPathComponent("alone.yaml"), atomically: true, encoding: .utf8)
    let below = try CLI.run(
      ["diff", "with-api.yaml", "--before-pricing", "before", "--after-pricing", "after", "--fail-above", "1%"], in: dir
    )
    #expect(below.status == 0)
    let above = try CLI.run(
      ["diff", "alone.yaml", "--before-pricing", "before", "--after-pricing", "after", "--fail-above", "1%"], in: dir)
    #expect(above.status == 1)
    #expect(above.stderr.contains("1 total moved more than 1%"))
    #expect(above.stdout.contains("+1.7%"))
    // An amount: $0.19998 is above $0.10 and below $0.50.
    #expect(
      try CLI.run(
        ["diff", "alone.yaml", "--before-pricing", "before", "--after-pricing", "after", "--fail-above", "0.10"],
        in: dir
      ).status == 1)
    #expect(
      try CLI.run(
        ["diff", "alone.yaml", "--before-pricing", "before", "--after-pricing", "after", "--fail-above", "0.50"],
        in: dir
      ).status == 0)
  }

  @Test("two profiles, and two saved reports, give the same diff")
  func profilesAndReports() throws {
    let dir = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    try FileManager.default.copyItem(
      atPath: TestSupport.testPricingPath, toPath: dir.appendingPathComponent("pricing").path)
    try Self.profile(withAPI: false).write(
      to: dir.appendingPathComponent("old.yaml"), atomically: true, encoding: .utf8)
    try Self.profile(withAPI: true).write(to: dir.appendingPathComponent("new.yaml"), atomically: true, encoding: .utf8)
    let profiles = try CLI.run(["diff", "old.yaml", "new.yaml", "--format", "markdown"], in: dir)
    #expect(profiles.status == 0)
    // The HTTP API is new: 10M × $1.00/1M = $10.00 on $11.80 (+84.7%). Markdown escapes its dollars.
    #expect(profiles.stdout.contains("| default | functions | \\$11.80 | \\$21.80 | +\\$10.00 | +84.7% |"))
    #expect(profiles.stdout.contains("<details><summary>1 changed line</summary>"))
    for name in ["old", "new"] {
      let report = try CLI.run(["estimate", "\(name).yaml", "--format", "json", "--output", "\(name).json"], in: dir)
      #expect(report.status == 0)
    }
    let reports = try CLI.run(["diff", "old.json", "new.json", "--format", "markdown"], in: dir)
    #expect(reports.status == 0)
    #expect(reports.stdout.contains("| default | functions | \\$11.80 | \\$21.80 | +\\$10.00 | +84.7% |"))
  }

  @Test("a change under half a cent shows to its first significant digit, never as +$0.00 beside a percentage")
  func subCentChange() throws {
    let dir = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    // Route 53 at $0.40 per 1M standard queries: 500 more is +$0.0002, 12,000 more +$0.0048
    // (+$0.005 to its first significant digit), 25,000 more +$0.01.
    func profile(_ queries: Int) -> String {
      """
      format: billcast.profile/1
      name: dns
      region: us-east-1
      as_of: 2026-11-01
      architectures:
        site:
          components:
            dns: {service: aws.route53, inputs: {hosted_zones: 1, standard_queries: \(queries)}}

      """
    }
    for (name, queries) in [("a", 1000), ("b", 1500), ("c", 13000), ("d", 26000)] {
      try profile(queries).write(to: dir.appendingPathComponent("\(name).yaml"), atomically: true, encoding: .utf8)
    }
    let markdown = try CLI.run(["diff", "a.yaml", "b.yaml", "--format", "markdown"], in: dir)
    #expect(markdown.status == 0, "\(markdown.stderr)")
    #expect(markdown.stdout.contains("| \\$0.50 | \\$0.50 | +\\$0.0002 | +0.0% |"), "\(markdown.stdout)")
    #expect(!markdown.stdout.contains("+\\$0.00 |"), "\(markdown.stdout)")
    #expect(try CLI.run(["diff", "b.yaml", "a.yaml"], in: dir).stdout.contains("-$0.0002"))
    #expect(try CLI.run(["diff", "a.yaml", "c.yaml"], in: dir).stdout.contains("+$0.005 "))
    // From half a cent up, cents as before.
    #expect(try CLI.run(["diff", "a.yaml", "d.yaml"], in: dir).stdout.contains("+$0.01 "))
  }

  @Test func aBrokenReportIsInvalidInput() throws {
    let dir = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    try "{\"schema\": \"billcast.estimate/1\", \"results\": [{\"scenario\": \"a\"}]}".write(
      to: dir.appendingPathComponent("a.json"), atomically: true, encoding: .utf8)
    try "not json".write(to: dir.appendingPathComponent("b.json"), atomically: true, encoding: .utf8)
    let run = try CLI.run(["diff", "a.json", "b.json"], in: dir)
    #expect(run.status == 2 && run.stdout == "")
    // Both reports' problems, each where it is (the second side is not skipped).
    #expect(run.stderr.contains("a.json:1:47: error: results[0]: missing scenario or architecture"), "\(run.stderr)")
    #expect(run.stderr.contains("b.json:1:1: error: invalid JSON: expected null"), "\(run.stderr)")
  }
}

@Suite("billcast check, end to end")
struct CheckCommandTests {
  @Test("the document's $8 EC2 budget is exceeded: $7.592 + $0.50 Route 53 + a few cents of Route 53 queries")
  func exceeded() throws {
    let run = try CLI.run(["check", "examples/job-posting-analyzer.yaml"])
    #expect(run.status == 1)
    // 730 h × $0.0104 = $7.592, + $0.50 hosted zone + 500..10,000 queries × $0.40/1M = $8.0922..$8.096: over by $0.10.
    #expect(
      run.stderr.contains(
        "budget 'ec2 × every scenario' exceeded: minimum ec2 total is $8.09–$8.10 against $8.00, over by $0.10"))
    #expect(run.stdout.contains("3 of 6 budget limits are exceeded."))
    #expect(run.stdout.contains("within"))  // lambda-cloudfront under $24
  }

  @Test func met() throws {
    let run = try CLI.run(["check", "examples/job-posting-analyzer-today.yaml"])
    #expect(run.status == 0)
    #expect(run.stdout.hasPrefix("All 7 budget limits are met."))
    let months = try CLI.run(["check", "examples/job-posting-analyzer-today.yaml", "--forecast", "--format", "json"])
    #expect(months.status == 0)
    #expect(months.stdout.contains("\"month\": 24"))
  }

  @Test func budgetsNameRealThings() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("billcast-budget-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let text = """
      format: billcast.profile/1
      name: b
      region: us-east-1
      architectures:
        web:
          components:
            fn: {service: aws.lambda, inputs: {requests: 1, duration_ms: 1}}
      budgets:
        - architecture: wbe
          monthly: 5
        - services: {aws.s3: 1}
      """
    try text.write(to: dir.appendingPathComponent("p.yaml"), atomically: true, encoding: .utf8)
    let run = try CLI.run(["check", "p.yaml", "--pricing", TestSupport.testPricingPath], in: dir)
    #expect(run.status == 2)
    #expect(
      run.stderr.contains(
        "p.yaml:9:19: error: budgets[0].architecture: 'wbe' is not an architecture of this profile (did you mean 'web'?)"
      ))
    #expect(run.stderr.contains("no component of this profile uses 'aws.s3'"))
  }
}

@Suite("billcast pricing validate, end to end")
struct PricingValidateTests {
  @Test func repositoryTablesAreValid() throws {
    let run = try CLI.run(["pricing", "validate", "pricing", "--examples", "examples"])
    #expect(run.status == 0)
    #expect(run.stdout.contains("all well-formed and sourced; every service the profiles in examples use is priced"))
  }

  @Test("every problem, with its location, at once")
  func brokenTable() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("billcast-validate-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let text = """
      format: billcast.pricing/1
      id: test/r
      provider: test
      region: r
      currency: USD
      effective: 2026-01-01
      sources:
        page: {url: https://example.com/p, read: 2026-01-01, grade: X}
      services:
        test.s:
          name: S
          inputs:
            n: {unit: things}
          meters:
            m:
              unit: things
              quantity: n
              price:
                source: page
                tiers:
                  - {upto: 10, rate: 1}
                  - {upto: 5, rate: -1}
                  - {rate: 1}
      """
    try text.write(to: dir.appendingPathComponent("t.yaml"), atomically: true, encoding: .utf8)
    let run = try CLI.run(["pricing", "validate", "."], in: dir)
    #expect(run.status == 2 && run.stdout == "")
    #expect(run.stderr.contains("./t.yaml:8:63: error: sources.page.grade: 'X' is not one of P, PL, S"))
    #expect(
      run.stderr.contains(
        "./t.yaml:22:22: error: services.test.s.meters.m.price.tiers[1].upto: tiers must ascend: 5 is not above the previous tier's 10"
      ))
    #expect(
      run.stderr.contains(
        "./t.yaml:22:31: error: services.test.s.meters.m.price.tiers[1].rate: must not be negative, found -1"))
    #expect(!run.stderr.contains("unknown source"))  // a source with a bad grade is still known
  }
}
