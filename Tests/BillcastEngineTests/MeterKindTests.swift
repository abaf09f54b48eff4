import Foundation
import BillcastCore
import BillcastEngine
import Testing

/// One hand-computed figure per kind of meter, priced against the frozen test catalog's us-east-1
/// (Tests/Fixtures/pricing/aws/).
@Suite("Meter kinds")
struct MeterKindTests {
  @Test("flat: 2,500 S3 PUT requests × $0.005/1K = $0.0125")
  func flat() throws {
    let text = Fixtures.profile([
      ("b", "aws.s3", [("storage_gb", "0"), ("put_requests", "2500"), ("get_requests", "0")])
    ])
    #expect(try Fixtures.price(text).line("b", "put-requests").cost == Span(d("0.0125"), d("0.0125")))
  }

  @Test("tiered across a boundary: 60,000 GB of S3 storage = 51,200 × $0.023 + 8,800 × $0.022 = $1,371.20")
  func tieredAcrossBoundary() throws {
    let text = Fixtures.profile([
      ("b", "aws.s3", [("storage_gb", "60000"), ("put_requests", "0"), ("get_requests", "0")])
    ])
    let r = try Fixtures.price(text)
    // 51,200 × 0.023 = 1,177.60; 8,800 × 0.022 = 193.60; sum 1,371.20.
    #expect(r.total == Interval(d("1371.2")))
    #expect(r.meters[0].chargesHigh.map(\.quantity) == [51_200, 8_800])
  }

  @Test("free tier partly used: 1.5M Lambda requests − 1M free = 0.5M × $0.20/M = $0.10")
  func freeTierPartlyUsed() throws {
    let text = Fixtures.profile(
      [("fn", "aws.lambda", [("requests", "1500000"), ("duration_ms", "1"), ("memory_mb", "128")])],
      freeTier: "always-free")
    let line = try Fixtures.price(text).line("fn", "requests")
    #expect(line.freeTier == Span(1_000_000, 1_000_000))
    #expect(line.cost == Span(d("0.1"), d("0.1")))
  }

  @Test("free tier fully covering a range: 200,000..800,000 requests cost $0 at both ends")
  func freeTierFullyUsed() throws {
    let text = Fixtures.profile(
      [("fn", "aws.lambda", [("requests", "200000..800000"), ("duration_ms", "100"), ("memory_mb", "128")])],
      freeTier: "always-free")
    let r = try Fixtures.price(text)
    #expect(r.total == Interval.zero)
    #expect(r.line("fn", "requests").freeTier == Span(200_000, 800_000))
  }

  @Test("512 KB metering: 1M HTTP API requests of 513 KB are metered as 2M = $2.00")
  func metering512KB() throws {
    let text = Fixtures.profile([("api", "aws.apigateway.http", [("requests", "1000000"), ("request_kb", "513")])])
    let r = try Fixtures.price(text)
    #expect(r.line("api", "requests").quantity == Interval(2_000_000))
    #expect(r.total == Interval(d("2")))
  }

  @Test("two buckets share one free tier and one ladder: (3 + 4 − 5 free) GB × $0.023 = $0.046, split 3:4")
  func sharedFreeTier() throws {
    let text = Fixtures.profile(
      [
        ("a", "aws.s3", [("storage_gb", "3"), ("put_requests", "0"), ("get_requests", "0")]),
        ("b", "aws.s3", [("storage_gb", "4"), ("put_requests", "0"), ("get_requests", "0")]),
      ], freeTier: "legacy", opened: "2025-01-01", asOf: "2025-06-01")
    let r = try Fixtures.price(text)
    #expect(r.meters.first { $0.key.meter == "storage" }?.cost == Interval(d("0.046")))
    // a: 0.046 × 3/7 = 0.0197142857142857142857… → 0.019714285714285714 (18 digits);
    // b gets the rest, so the shares add up to the total exactly.
    #expect(r.line("a", "storage").cost.high == d("0.019714285714285714"))
    #expect(r.line("b", "storage").cost.high == d("0.026285714285714286"))
    #expect(r.line("a", "storage").cost.high + r.line("b", "storage").cost.high == d("0.046"))
    // Each bucket's share of the 5 GB: 5 × 3/7 and 5 × 4/7.
    #expect(r.line("a", "storage").freeTier.high + r.line("b", "storage").freeTier.high == 5)
  }

  @Test("one pool across keyed ladders, drawn in the table's order: x86_64 first, then arm64")
  func poolAcrossKeys() throws {
    // x86: 1M × 1 s × 0.3 GB… simpler: 300,000 GB-s on x86 (300,000 × 1000 ms × 1 GB)
    // and 200,000 GB-s on arm64. The 400,000 free GB-s cover x86 fully and 100,000 of arm64:
    // 100,000 × $0.0000133334 = $1.33334.
    let text = Fixtures.profile(
      [
        ("x", "aws.lambda", [("requests", "300000"), ("duration_ms", "1000"), ("memory_mb", "1024")]),
        (
          "y", "aws.lambda",
          [("requests", "200000"), ("duration_ms", "1000"), ("memory_mb", "1024"), ("architecture", "arm64")]
        ),
      ], freeTier: "always-free")
    let r = try Fixtures.price(text)
    #expect(r.line("x", "duration").cost.high == .zero)
    #expect(r.line("y", "duration").freeTier.high == 100_000)
    #expect(r.line("y", "duration").cost.high == d("1.33334"))
    // Requests: 500,000 together, under the 1M free: $0.
    #expect(r.total == Interval(d("1.33334")))
  }

  @Test("billed_as: S3 transfer to the internet is priced on the account-wide data-transfer ladder after 100 GB free")
  func billedAs() throws {
    let text = Fixtures.profile(
      [
        (
          "b", "aws.s3",
          [("storage_gb", "0"), ("put_requests", "0"), ("get_requests", "0"), ("transfer_out_gb", "150")]
        )
      ], freeTier: "always-free")
    let r = try Fixtures.price(text)
    // 150 GB − 100 GB free = 50 GB × $0.09 = $4.50.
    #expect(r.line("b", "transfer-out").accountMeter.description == "aws.data-transfer/internet-out")
    #expect(r.total == Interval(d("4.5")))
  }

  @Test("a 12-month offer ends: the same bucket costs 5 GB more in month 13 than in month 12")
  func legacyOffersExpire() throws {
    let text = Fixtures.profile(
      [("b", "aws.s3", [("storage_gb", "10"), ("put_requests", "0"), ("get_requests", "0")])], freeTier: "legacy",
      opened: "2025-01-10", asOf: "2025-12-01")
    // Month 12 (before 2026-01-10): (10 − 5) × $0.023 = $0.115.
    #expect(try Fixtures.price(text).total == Interval(d("0.115")))
    // After the twelfth month: 10 × $0.023 = $0.23.
    #expect(try Fixtures.price(text, asOf: CalendarDate("2026-01-10")).total == Interval(d("0.23")))
  }

  @Test("credits are applied against the total and what is left is due")
  func credits() throws {
    var text = Fixtures.profile(
      [("api", "aws.apigateway.http", [("requests", "300000000")])], freeTier: "credits", opened: "2026-08-01")
    text = text.replacingOccurrences(of: "  opened: 2026-08-01\n", with: "  opened: 2026-08-01\n  credits: 200\n")
    let r = try Fixtures.price(text)
    // 300M × $1.00/M = $300; $200 of credits leave $100 due.
    #expect(r.total == Interval(300))
    #expect(r.creditsApplied == Interval(200))
    #expect(r.amountDue == Interval(100))
  }
}
