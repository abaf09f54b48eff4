import BillcastCore
import BillcastEngine
import BillcastTestSupport
import Testing

/// What an audit of the tables found (issue 10), each priced by hand from AWS's published rules.
@Suite("Audit fixes")
struct AuditFixTests {
  @Test("arm64 Lambda: one rate from its launch until the tiers of August 2022, and not before its launch")
  func arm64() throws {
    // 10,000,000,000 GB-s: 100M requests × 100,000 ms × 1 GB, no free tier.
    let text = Fixtures.profile(
      [
        (
          "fn", "aws.lambda",
          [("requests", "100000000"), ("duration_ms", "100000"), ("memory_mb", "1024"), ("architecture", "arm64")]
        )
      ], asOf: "2022-03-01")
    // 2022-03-01: 10e9 × $0.0000133334 = $133,334.00 (the tiers would give 7.5e9 × $0.0000133334 +
    // 2.5e9 × $0.0000120001 = $100,000.50 + $30,000.25 = $130,000.75).
    let before = try Fixtures.price(text)
    #expect(before.line("fn", "duration").cost.high == d("133334"))
    #expect(
      try Fixtures.price(text, asOf: CalendarDate("2022-08-01")).line("fn", "duration").cost.high == d("130000.75"))
    // Before 2021-09-29 arm64 did not exist: like a service before its launch, an error that says so.
    #expect {
      try Fixtures.price(text, asOf: CalendarDate("2021-06-01"))
    } throws: { error in
      (error as? DiagnosticError)?.diagnostics.contains {
        $0.message == "AWS Lambda with architecture arm64 is available from 2021-09-29; the date priced is 2021-06-01"
      } ?? false
    }
    // x86_64 was there all along.
    let x86 = text.replacingOccurrences(of: "architecture: \"arm64\"", with: "architecture: \"x86_64\"")
    #expect(try Fixtures.price(x86, asOf: CalendarDate("2021-06-01")).total.high > .zero)
  }

  @Test("CloudFront's first 1,000 invalidation paths are free for every account, even with --free-tier none")
  func invalidations() throws {
    let text = Fixtures.profile([
      ("cdn", "aws.cloudfront", [("transfer_out_gb", "0"), ("https_requests", "0"), ("invalidation_paths", "1500")])
    ])
    // (1,500 − 1,000) × $0.005 = $2.50, with no free tier at all.
    #expect(try Fixtures.price(text).line("cdn", "invalidations").cost.high == d("2.5"))
  }

  @Test(
    "public IPv4 from 2024-02-01: each internet-facing ALB node, each NAT gateway, each Fargate task with a public IP")
  func publicIPv4() throws {
    let text = Fixtures.profile(
      [
        ("alb", "aws.elb", [("lcus", "0"), ("availability_zones", "3")]),
        ("nat", "aws.nat-gateway", [("gateways", "2"), ("processed_gb", "0")]),
        ("task", "aws.ecs-fargate", [("vcpu", "0.25"), ("memory_gb", "0.5"), ("tasks", "2"), ("public_ip", "yes")]),
      ], asOf: "2024-03-01")
    let after = try Fixtures.price(text)
    // An estimate's month is 730 hours: 1 ALB × 3 AZs × 730 × $0.005 = $10.95; 2 gateways × 730 × $0.005 = $7.30;
    // 2 tasks × 730 × $0.005 = $7.30.
    #expect(after.line("alb", "public-ipv4").cost.high == d("10.95"))
    #expect(after.line("nat", "public-ipv4").cost.high == d("7.3"))
    #expect(after.line("task", "public-ipv4").cost.high == d("7.3"))
    // In January 2024 there was no charge.
    let before = try Fixtures.price(text, asOf: CalendarDate("2024-01-01"))
    #expect(!before.component("alb").lines.contains { $0.meter == "public-ipv4" && $0.cost.high != .zero })
  }

  @Test("load balancer: 750 ALB-hours and 15 LCU-hours a month in a legacy account's first 12 months")
  func loadBalancerFreeTier() throws {
    let text = Fixtures.profile(
      [("alb", "aws.elb", [("lcus", "1"), ("scheme", "internal")])], freeTier: "legacy", opened: "2024-06-01",
      asOf: "2024-10-01")
    // 730 ALB-hours, all within 750: $0. LCUs: (730 − 15) × $0.008 = 715 × $0.008 = $5.72.
    let inYear = try Fixtures.price(text)
    #expect(inYear.line("alb", "alb-hours").cost.high == .zero)
    #expect(inYear.line("alb", "lcu-hours").cost.high == d("5.72"))
    // After the first year: 730 × $0.0225 = $16.425 and 730 × $0.008 = $5.84.
    let later = try Fixtures.price(text, asOf: CalendarDate("2025-07-01"))
    #expect(later.line("alb", "alb-hours").cost.high == d("16.425"))
    #expect(later.line("alb", "lcu-hours").cost.high == d("5.84"))
  }

  @Test("data transfer out: 15 GB more in a legacy account's first year before 2021-12-01")
  func dataTransferYearOne() throws {
    let text = Fixtures.profile(
      [("out", "aws.data-transfer", [("internet_out_gb", "101")])], freeTier: "legacy", opened: "2021-01-01",
      asOf: "2021-11-01")
    // (101 − 1 − 15) × $0.09 = 85 × $0.09 = $7.65.
    #expect(try Fixtures.price(text).total == Interval(d("7.65")))
  }

  @Test("Provisioned Concurrency without the switch, or the switch without concurrency, is an error")
  func provisionedConcurrency() throws {
    for inputs in [[("provisioned_concurrency", "5"), ("provisioned_hours", "730")], [("provisioned", "yes")]] {
      let text = Fixtures.profile([("fn", "aws.lambda", [("requests", "1000"), ("duration_ms", "100")] + inputs)])
      #expect(throws: DiagnosticError.self) { try Fixtures.price(text) }
    }
    // Both together price as AWS's worked examples do: no on-demand duration besides the provisioned rate.
    let text = Fixtures.profile([
      (
        "fn", "aws.lambda",
        [
          ("requests", "1000"), ("duration_ms", "100"), ("provisioned", "yes"), ("provisioned_concurrency", "5"),
          ("provisioned_hours", "730"),
        ]
      )
    ])
    let result = try Fixtures.price(text)
    #expect(result.component("fn").lines.allSatisfy { $0.meter != "duration" || $0.cost.high == .zero })
  }

  @Test("CloudWatch: vended logs were tiered before 2025-05-01; Lambda's logs paid the custom rate until then")
  func vendedLogs() throws {
    func cost(_ logType: String, _ asOf: String) throws -> ExactDecimal {
      let text = Fixtures.profile(
        [("logs", "aws.cloudwatch", [("log_type", logType), ("log_ingest_gb", "20480")])], asOf: asOf)
      return try Fixtures.price(text).line("logs", "log-ingest").cost.high
    }
    // 20 TB: 10,240 × $0.50 + 10,240 × $0.25 = $5,120 + $2,560 = $7,680 on the tiers; 20,480 × $0.50 = $10,240 flat.
    #expect(try cost("vended", "2025-04-01") == d("7680"))
    #expect(try cost("lambda", "2025-04-01") == d("10240"))
    #expect(try cost("lambda", "2025-05-01") == d("7680"))
  }

  @Test("CloudFront: Europe is a geography of its own, with its own ladder and request rates")
  func cloudFrontEurope() throws {
    let text = Fixtures.profile([
      (
        "cdn", "aws.cloudfront",
        [
          ("transfer_out_gb", "10240"), ("transfer_out_gb_europe", "10240"), ("https_requests", "0"),
          ("https_requests_europe", "1000000"),
        ]
      )
    ])
    let r = try Fixtures.price(text)
    // Each 10 TB on its own first tier: 10,240 × $0.085 = $870.40 twice. One input of 20,480 GB would have
    // put half on the second tier: 10,240 × $0.085 + 10,240 × $0.080 = $1,689.60, $51.20 less.
    #expect(r.line("cdn", "transfer-out").cost.high == d("870.4"))
    #expect(r.line("cdn", "transfer-out-europe").cost.high == d("870.4"))
    // 1,000,000 HTTPS requests in Europe: 100 × $0.012 = $1.20 (at the US rate it would be $1.00).
    #expect(r.line("cdn", "https-requests-europe").cost.high == d("1.2"))
  }
}
