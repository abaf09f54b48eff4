import BillcastCore
import BillcastEngine
import Testing

/// Estimates are exact through formulas in the profile, in the tables and across both.
@Suite("Exact estimates")
struct ExactEstimateTests {
  @Test func aDurationThatIsExactlyTwoMillisecondsIsBilledAsTwo() throws {
    // Lambda bills ceil(duration_ms). 1,000,000 requests × 2 ms / 1000 × 128/1024 GB = 250 GB-s,
    // × $0.0000166667 = $0.004166675. Billed as 3 ms it would be 375 GB-s and $0.0062500125.
    let text = Fixtures.profile(
      [
        ("direct", "aws.lambda", [("requests", "1000000"), ("duration_ms", "2 / 3 * 3"), ("memory_mb", "128")]),
        ("via-variable", "aws.lambda", [("requests", "1000000"), ("duration_ms", "d"), ("memory_mb", "128")]),
        ("via-third", "aws.lambda", [("requests", "1000000"), ("duration_ms", "third * 6"), ("memory_mb", "128")]),
      ],
      workload: [("d", "2 / 3 * 3"), ("third", "1 / 3")])
    let r = try Fixtures.price(text)
    for c in ["direct", "via-variable", "via-third"] {
      #expect(r.line(c, "duration").quantity == Interval(250), "\(c)")
      #expect(r.line(c, "duration").cost == Span(d("0.004166675"), d("0.004166675")), "\(c)")
    }
    // The workload shows 1/3 as the narrowest decimal interval that holds it.
    #expect(r.workload.first { $0.0 == "third" }?.1 == Interval(d("0.333333333333333333"), d("0.333333333333333334")))
  }

  @Test func aThirdOfThreeBillionIsABillion() throws {
    // 1/3 × 3e9 = 1,000,000,000 requests exactly; × $0.20 per 1M = $200.00.
    let text = Fixtures.profile([
      ("fn", "aws.lambda", [("requests", "1/3*3e9"), ("duration_ms", "1"), ("memory_mb", "128")])
    ])
    let r = try Fixtures.price(text)
    #expect(r.line("fn", "requests").quantity == Interval(1_000_000_000))
    #expect(r.line("fn", "requests").cost == Span(d("200"), d("200")))
  }
}
