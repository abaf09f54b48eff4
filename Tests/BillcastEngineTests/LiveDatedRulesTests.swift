import BillcastCore
import BillcastEngine
import BillcastPricing
import BillcastTestSupport
import Testing

/// Dated rules of the live tables in `pricing/` (issue 25, item 2): every region carries the
/// history that the frozen test catalog's us-east-1 has, so an earlier date prices with the rules
/// then in force in each region, not only in us-east-1. These read the live tables on purpose: the
/// history is data, and a region that lacks it is what they catch.
@Suite("Live dated rules")
struct LiveDatedRulesTests {
  static let live: Result<PricingCatalog, Error> = Result {
    try PricingCatalog.load(directory: TestSupport.path("pricing"))
  }

  static func lambda(region: String, architecture: String, requests: String, asOf: String) -> String {
    """
    format: billcast.profile/1
    name: test
    region: \(region)
    as_of: \(asOf)
    account:
      free_tier: none
    architectures:
      a:
        components:
          fn:
            service: aws.lambda
            inputs:
              requests: "\(requests)"
              duration_ms: "100000"
              memory_mb: "1024"
              architecture: \(architecture)

    """
  }

  static func duration(_ text: String) throws -> ExactDecimal {
    let estimate = try TestSupport.estimate(text, catalog: try live.get())
    let line = estimate.results[0].components.first { $0.component == "fn" }!.lines.first { $0.meter == "duration" }!
    return line.cost.high
  }

  @Test(
    "Lambda duration had one rate in every region before the tiers of 2022-08-01",
    arguments: ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1"])
  func lambdaOneRateBeforeTiers(region: String) throws {
    // x86_64: 70M requests × 100 s × 1 GB = 7,000,000,000 GB-s, past the first tier's 6 billion.
    // Tiered (2022-09-01): 6e9 × $0.0000166667 + 1e9 × $0.000015 = $100,000.20 + $15,000 = $115,000.20.
    // One rate (2022-07-01): 7e9 × $0.0000166667 = $116,666.90 (no tier applies).
    let x86 = { Self.lambda(region: region, architecture: "x86_64", requests: "70000000", asOf: $0) }
    #expect(try Self.duration(x86("2022-09-01")) == d("115000.2"))
    #expect(try Self.duration(x86("2022-07-01")) == d("116666.9"))
    // arm64: 80M requests × 100 s × 1 GB = 8,000,000,000 GB-s, past the first tier's 7.5 billion.
    // Tiered: 7.5e9 × $0.0000133334 + 0.5e9 × $0.0000120001 = $100,000.50 + $6,000.05 = $106,000.55.
    // One rate: 8e9 × $0.0000133334 = $106,667.20.
    let arm = { Self.lambda(region: region, architecture: "arm64", requests: "80000000", asOf: $0) }
    #expect(try Self.duration(arm("2022-09-01")) == d("106000.55"))
    #expect(try Self.duration(arm("2022-07-01")) == d("106667.2"))
  }
}
