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

  /// A one-component profile priced against the live tables.
  static func profile(
    _ service: String, _ inputs: [(String, String)], asOf: String, region: String = "us-east-1",
    freeTier: String = "none"
  ) -> String {
    var text = """
      format: billcast.profile/1
      name: test
      region: \(region)
      as_of: \(asOf)
      account:
        free_tier: \(freeTier)
      architectures:
        a:
          components:
            c:
              service: \(service)
              inputs:

      """
    for (k, v) in inputs { text += "            \(k): \"\(v)\"\n" }
    return text
  }

  static func cost(_ text: String, _ meter: String) throws -> ExactDecimal {
    let estimate = try TestSupport.estimate(text, catalog: try live.get())
    let component = estimate.results[0].components.first { $0.component == "c" }!
    return component.lines.first { $0.meter == meter }?.cost.high ?? .zero
  }

  /// Whether pricing `text` fails with a diagnostic containing `words`.
  static func fails(_ text: String, saying words: String) -> Bool {
    do {
      _ = try TestSupport.estimate(text, catalog: try live.get())
      return false
    } catch {
      return (error as? DiagnosticError)?.diagnostics.contains { $0.message.contains(words) } ?? false
    }
  }

  @Test("Lambda's configurable ephemeral storage is not available before 2022-03-24")
  func ephemeralStorage() throws {
    let text = {
      Self.profile(
        "aws.lambda", [("requests", "1000000"), ("duration_ms", "1000"), ("ephemeral_storage_mb", "1024")], asOf: $0)
    }
    #expect(Self.fails(text("2022-03-01"), saying: "aws.lambda/ephemeral-storage) is not available before 2022-03-24"))
    // From the launch: 1M × 1 s × (1,024 − 512) / 1,024 GB = 500,000 GB-s × $0.0000000309 = $0.01545.
    #expect(try Self.cost(text("2022-03-24"), "ephemeral-storage") == d("0.01545"))
    // The default 512 MB (no configured storage) prices as before at any date.
    let plain = Self.profile("aws.lambda", [("requests", "1000000"), ("duration_ms", "1000")], asOf: "2020-01-01")
    #expect(try Self.cost(plain, "ephemeral-storage") == .zero)
  }

  @Test("Lambda Provisioned Concurrency is not available before 2019-12-03")
  func provisionedConcurrency() throws {
    let text = {
      Self.profile(
        "aws.lambda",
        [
          ("requests", "0"), ("duration_ms", "100"), ("provisioned", "yes"), ("provisioned_concurrency", "1"),
          ("provisioned_hours", "1"),
        ], asOf: $0)
    }
    #expect(
      Self.fails(text("2019-11-01"), saying: "Provisioned Concurrency (meters aws.lambda/provisioned-concurrency"))
    // From the launch: 1 × 128 MB / 1,024 × 1 h × 3,600 s = 450 GB-s × $0.0000041667 = $0.001875015.
    #expect(try Self.cost(text("2019-12-03"), "provisioned-concurrency") == d("0.001875015"))
  }

  @Test("CloudFront Functions are not available before 2021-05-03; their free allowance from 2021-12-01")
  func cloudFrontFunctions() throws {
    let text = {
      Self.profile(
        "aws.cloudfront", [("transfer_out_gb", "0"), ("https_requests", "0"), ("function_invocations", "1000000")],
        asOf: $0, freeTier: "always-free")
    }
    #expect(
      Self.fails(
        text("2021-04-01"),
        saying: "CloudFront Functions (meter aws.cloudfront/functions) is not available before 2021-05-03"))
    // May to November 2021: the allowance is unknown, so no free allowance: 1M × $0.10 per 1M = $0.10.
    #expect(try Self.cost(text("2021-06-01"), "functions") == d("0.1"))
    // From 2021-12-01: 1M within the 2M free every month.
    #expect(try Self.cost(text("2021-12-01"), "functions") == .zero)
  }
}
