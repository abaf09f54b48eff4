import BillcastCore
import BillcastEngine
import Testing

/// AWS's own worked examples from https://aws.amazon.com/lambda/pricing/ (read 2026-11-25
/// from a verbatim copy of the page), recomputed by the engine from the pricing tables.
@Suite("Lambda pricing page examples")
struct LambdaWorkedExampleTests {
  @Test("Example 1, mobile application backend: 3M requests, 120 ms, 1536 MB, free tier applied → $2.73")
  func mobileBackend() throws {
    let text = Fixtures.profile(
      [("fn", "aws.lambda", [("requests", "3000000"), ("duration_ms", "120"), ("memory_mb", "1536")])],
      freeTier: "always-free")
    let r = try Fixtures.price(text)
    // Page: 3M × 120 ms = 360,000 s; × 1536/1024 GB = 540,000 GB-s; − 400,000 free = 140,000 GB-s.
    #expect(r.line("fn", "duration").quantity == Interval(540_000))
    #expect(r.line("fn", "duration").freeTier == Span(400_000, 400_000))
    // 140,000 × $0.0000166667 = $2.333338 ("$2.33"); (3M − 1M free) × $0.20/M = $0.40.
    #expect(r.line("fn", "duration").cost == Span(d("2.333338"), d("2.333338")))
    #expect(r.line("fn", "requests").cost == Span(d("0.4"), d("0.4")))
    #expect(r.total == Interval(d("2.733338")))  // page: $2.73
  }

  @Test("Example 2: 7.44M requests, 2 s, 1 GB, no free tier → $249.49")
  func noFreeTier() throws {
    let text = Fixtures.profile([
      ("fn", "aws.lambda", [("requests", "7440000"), ("duration_ms", "2000"), ("memory_mb", "1024")])
    ])
    let r = try Fixtures.price(text)
    // 7.44M × 2 s × 1 GB = 14,880,000 GB-s × $0.0000166667 = $248.000496; 7.44M × $0.20/M = $1.488.
    #expect(r.line("fn", "duration").cost.high == d("248.000496"))
    #expect(r.line("fn", "requests").cost.high == d("1.488"))
    #expect(r.total == Interval(d("249.488496")))  // page: $1.49 + $248.00 = $249.49
  }

  @Test("Example 3, ephemeral storage: 6M requests, 280 ms, 4096 MB, 2048 MB /tmp → $106.41")
  func ephemeralStorage() throws {
    let text = Fixtures.profile(
      [
        (
          "fn", "aws.lambda",
          [
            ("requests", "6000000"), ("duration_ms", "280"), ("memory_mb", "4096"), ("ephemeral_storage_mb", "2048"),
          ]
        )
      ], freeTier: "always-free")
    let r = try Fixtures.price(text)
    // 6M × 0.28 s × 4 GB = 6,720,000 GB-s − 400,000 = 6,320,000 × $0.0000166667 = $105.333544.
    #expect(r.line("fn", "duration").cost.high == d("105.333544"))
    // 5M billable requests × $0.20/M = $1.
    #expect(r.line("fn", "requests").cost.high == d("1"))
    // 1,680,000 s × 1536/1024 GB = 2,520,000 GB-s × $0.0000000309 = $0.077868 ("$0.08").
    #expect(r.line("fn", "ephemeral-storage").cost.high == d("0.077868"))
    #expect(r.total == Interval(d("106.411412")))  // page: $106.41
  }

  @Test("Provisioned Concurrency example: PC for 8 h plus on-demand → $19.96")
  func provisionedConcurrency() throws {
    let text = Fixtures.profile(
      [
        (
          "warm", "aws.lambda",
          [
            ("provisioned", "yes"), ("provisioned_concurrency", "100"), ("provisioned_hours", "8"),
            ("requests", "500000"), ("duration_ms", "100"), ("memory_mb", "1536"),
          ]
        ),
        ("cold", "aws.lambda", [("requests", "2500000"), ("duration_ms", "120"), ("memory_mb", "1536")]),
      ], freeTier: "always-free")
    let r = try Fixtures.price(text)
    // 100 × 1.5 GB × 28,800 s = 4,320,000 GB-s × $0.0000041667 = $18.000144 (page: $18).
    #expect(r.line("warm", "provisioned-concurrency").cost.high == d("18.000144"))
    // 500,000 × 0.1 s × 1.5 GB = 75,000 GB-s × $0.0000097222 = $0.729165 (page: $0.73).
    #expect(r.line("warm", "provisioned-duration").cost.high == d("0.729165"))
    // 2.5M × 0.12 s × 1.5 GB = 450,000 GB-s − 400,000 free = 50,000 × $0.0000166667 = $0.833335 (page: $0.83).
    #expect(r.line("cold", "duration").cost.high == d("0.833335"))
    // Requests: the free tier does not cover the PC function's 500,000 ($0.10); 2.5M − 1M on-demand ($0.30).
    // The page charges (3M − 1M) × $0.20/M = $0.40: the same total.
    #expect(r.line("warm", "provisioned-requests").cost.high + r.line("cold", "requests").cost.high == d("0.4"))
    #expect(r.total == Interval(d("19.962644")))  // page: $19.96
  }
}

/// API Gateway's worked examples, https://aws.amazon.com/api-gateway/pricing/ (read 2026-11-25).
@Suite("API Gateway pricing page examples")
struct APIGatewayWorkedExampleTests {
  @Test("HTTP API, 512 KB metering: 25 uploads a minute of 4.5 MB → 9.72M requests → $9.72")
  func httpMetering() throws {
    // 25 × 60 × 24 × 30 = 1,080,000 calls; 4.5 MB = 4608 KB = 9 × 512 KB → 9,720,000 metered requests.
    let text = Fixtures.profile([
      ("api", "aws.apigateway.http", [("requests", "25 * 60 * 24 * 30"), ("request_kb", "4608")])
    ])
    let r = try Fixtures.price(text)
    #expect(r.line("api", "requests").quantity == Interval(9_720_000))
    #expect(r.total == Interval(d("9.72")))
  }

  @Test("HTTP API tiers: 432M requests → 300M × $1.00/M + 132M × $0.90/M = $418.80")
  func httpTiers() throws {
    let text = Fixtures.profile([("api", "aws.apigateway.http", [("requests", "432000000")])])
    #expect(try Fixtures.price(text).total == Interval(d("418.8")))
  }

  @Test("REST API, 15 billion calls: 333M × $3.50 + 667M × $2.80 + 14B × $2.38 = $36,353.10")
  func restTiers() throws {
    let text = Fixtures.profile([("api", "aws.apigateway.rest", [("requests", "15e9")])])
    #expect(try Fixtures.price(text).line("api", "requests").cost.high == d("36353.1"))
  }

  @Test("WebSocket chat: 18M messages × $1.00/M + 21.6M connection-minutes × $0.25/M = $23.40")
  func websocket() throws {
    let text = Fixtures.profile([
      (
        "chat", "aws.apigateway.websocket",
        [
          ("messages", "(100 + 500) * 1000 * 30"), ("message_kb", "3"), ("connection_minutes", "1000 * 12 * 60 * 30"),
        ]
      )
    ])
    #expect(try Fixtures.price(text).total == Interval(d("23.4")))
  }
}
