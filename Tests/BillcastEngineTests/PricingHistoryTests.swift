import BillcastCore
import BillcastEngine
import Testing

/// Prices as of earlier dates use the billing rules in force then (the frozen test catalog's dated entries in
/// Tests/Fixtures/pricing/aws/).
@Suite("Pricing history")
struct PricingHistoryTests {
  @Test("Lambda: 100 ms rounding before 2020-12-01, 1 ms after")
  func lambdaRounding() throws {
    // 1M invocations of 120 ms at 1,024 MB, no free tier.
    let text = Fixtures.profile(
      [("fn", "aws.lambda", [("requests", "1000000"), ("duration_ms", "120"), ("memory_mb", "1024")])],
      asOf: "2021-01-01")
    // 1 ms rounding: 1M × 0.120 s × 1 GB = 120,000 GB-s × $0.0000166667 = $2.000004.
    let after = try Fixtures.price(text)
    #expect(after.line("fn", "duration").quantity == Interval(120_000))
    #expect(after.line("fn", "duration").cost.high == d("2.000004"))
    // 100 ms rounding: 120 ms bills as 200 ms: 200,000 GB-s × $0.0000166667 = $3.33334; $1.333336 more.
    let before = try Fixtures.price(text, asOf: CalendarDate("2020-06-01"))
    #expect(before.line("fn", "duration").quantity == Interval(200_000))
    #expect(before.line("fn", "duration").cost.high == d("3.33334"))
    #expect(before.line("fn", "duration").cost.high - after.line("fn", "duration").cost.high == d("1.333336"))
  }

  @Test("Lambda duration was one rate before tiers (August 2022): 7 billion GB-s")
  func lambdaTiers() throws {
    // 7,000,000,000 GB-s: 7e9 requests × 1 s × 1 GB… as 70M requests × 100,000 ms × 1 GB.
    let text = Fixtures.profile(
      [("fn", "aws.lambda", [("requests", "70000000"), ("duration_ms", "100000"), ("memory_mb", "1024")])],
      asOf: "2022-09-01")
    // Tiered: 6e9 × $0.0000166667 + 1e9 × $0.000015 = 100,000.2 + 15,000 = $115,000.20.
    #expect(try Fixtures.price(text).line("fn", "duration").cost.high == d("115000.2"))
    // Before 2022-08-01: 7e9 × $0.0000166667 = $116,666.90.
    #expect(
      try Fixtures.price(text, asOf: CalendarDate("2022-07-01")).line("fn", "duration").cost.high == d("116666.9"))
  }

  @Test("CloudFront's free tier: 50 GB for 12 months before 2021-12-01, 1 TB always free after")
  func cloudFrontFreeTier() throws {
    let text = Fixtures.profile(
      [("cdn", "aws.cloudfront", [("transfer_out_gb", "200"), ("https_requests", "0")])], freeTier: "legacy",
      opened: "2021-01-01", asOf: "2021-06-01")
    // Before: (200 − 50) × $0.085 = $12.75.
    #expect(try Fixtures.price(text).total == Interval(d("12.75")))
    // After (still in the account's first year): 200 GB within the 1,024 GB always free.
    #expect(try Fixtures.price(text, asOf: CalendarDate("2021-12-01")).total == Interval.zero)
  }

  @Test("data transfer out: 1 GB free before 2021-12-01, 100 GB after")
  func dataTransfer() throws {
    let text = Fixtures.profile(
      [("out", "aws.data-transfer", [("internet_out_gb", "101")])], freeTier: "always-free", asOf: "2021-11-01")
    // (101 − 1) × $0.09 = $9.00; then (101 − 100) × $0.09 = $0.09.
    #expect(try Fixtures.price(text).total == Interval(d("9")))
    #expect(try Fixtures.price(text, asOf: CalendarDate("2021-12-01")).total == Interval(d("0.09")))
  }
}
