import BillcastCore
@testable import BillcastEngine
import BillcastProfile
import BillcastReport
import BillcastTestSupport
import Foundation
import Testing

@Suite("Forecast")
struct ForecastTests {
  func forecast(_ text: String, samples: Int = 0, seed: UInt64 = 1) throws -> Forecast {
    let resolved = try ResolvedProfile.resolve(try TestSupport.profile(text), catalog: try Fixtures.catalog())
    return try Forecaster.forecast(
      resolved, options: ForecastOptions(today: CalendarDate("2026-11-25")!, samples: samples, seed: seed))
  }

  static func profile(account: String, forecast: String, components: String, workload: String = "  x: 1\n") -> String {
    """
    format: billcast.profile/1
    name: small
    region: us-east-1
    account: \(account)
    workload:
    \(workload)architectures:
      a:
        components:
    \(components)
    forecast:
    \(forecast)
    """
  }

  @Test("legacy account, 14 months: flat for months 1-12, then the 12-month offers end in month 13")
  func legacyExpiry() throws {
    let text = Self.profile(
      account: "{free_tier: legacy, opened: 2025-01-01}",
      forecast: "  start: 2025-01\n  months: 14\n",
      components: "      bucket: {service: aws.s3, inputs: {storage_gb: 10, put_requests: 0, get_requests: 0}}\n")
    let f = try forecast(text, samples: 200)
    let months = f.architectures[0].monthly.map { $0!.p50 }
    // Months 1-12 (2025-01 … 2025-12): (10 GB − 5 GB free) × $0.023 = $0.115.
    #expect(months[0..<12].allSatisfy { $0 == TestSupport.d("0.115") })
    // Month 13 (2026-01, the account's thirteenth month): 10 GB × $0.023 = $0.23; the jump is $0.115.
    #expect(months[12] == TestSupport.d("0.23") && months[13] == TestSupport.d("0.23"))
    #expect(months[12] - months[11] == TestSupport.d("0.115"))
    #expect(f.events.contains { $0.month == 13 && $0.kind == .freeTierEnds })
    // Cumulative: 12 × 0.115 + 2 × 0.23 = 1.38 + 0.46 = 1.84.
    #expect(f.architectures[0].cumulative.last!!.p50 == TestSupport.d("1.84"))
  }

  @Test("$200 of credits against a $30 bill: months 1-6 covered, $10 due in month 7, $30 after")
  func creditsRunOut() throws {
    let text = Self.profile(
      account: "{free_tier: credits, opened: 2025-08-01, credits: 200}",
      forecast: "  start: 2025-08\n  months: 9\n",
      components: "      api: {service: aws.apigateway.http, inputs: {requests: 30000000}}\n")
    let f = try forecast(text)
    let due = f.architectures[0].monthly.map { $0!.p50 }
    // 30M requests × $1.00/1M = $30 a month; 6 × $30 = $180 leaves $20 for month 7.
    #expect(due == [0, 0, 0, 0, 0, 0, 10, 30, 30].map { ExactDecimal($0) })
    #expect(f.events.contains { $0.month == 7 && $0.kind == .creditsSpent })
    #expect(f.architectures[0].credits[6] == Interval(20))
  }

  @Test("$200 of credits against a $10 bill expire after 12 months with $80 unspent")
  func creditsExpire() throws {
    let text = Self.profile(
      account: "{free_tier: credits, opened: 2025-08-01, credits: 200}",
      forecast: "  start: 2025-08\n  months: 14\n",
      components: "      api: {service: aws.apigateway.http, inputs: {requests: 10000000}}\n")
    let f = try forecast(text)
    let due = f.architectures[0].monthly.map { $0!.p50 }
    // 10M × $1.00/1M = $10; months 1-12 (to 2026-07) covered, $120 spent; from 2026-08-01 they have expired.
    #expect(due[0..<12].allSatisfy { $0.isZero })
    #expect(due[12] == 10 && due[13] == 10)
    #expect(f.events.contains { $0.month == 13 && $0.kind == .creditsExpire })
  }

  @Test("compound growth and accumulation, month by month")
  func growthAndAccumulation() throws {
    let text = Self.profile(
      account: "{free_tier: none}",
      forecast: "  start: 2026-01\n  months: 3\n  growth:\n    views: 15%\n  accumulate:\n    stored_gb: 0.5\n",
      components: """
              fn: {service: aws.lambda, inputs: {requests: views * 1000, duration_ms: 0}}
              bucket: {service: aws.s3, inputs: {storage_gb: stored_gb, put_requests: 0, get_requests: 0}}

        """,
      workload: "  views: 1000\n  stored_gb: 10\n")
    let f = try forecast(text)
    let m = f.architectures[0].monthly.map { $0!.p50 }
    // Requests: 1,000 × 1,000 × 1.15^(m−1) × $0.20/1M = $0.20, $0.23, $0.2645.
    // Storage: (10, 10.5, 11) GB × $0.023 = $0.23, $0.2415, $0.253.
    #expect(m == [TestSupport.d("0.43"), TestSupport.d("0.4715"), TestSupport.d("0.5175")])
  }

  static let uncertain = profile(
    account: "{free_tier: always-free}",
    forecast:
      "  start: 2026-01\n  months: 12\n  growth:\n    views: {compound: 0.05..0.15}\n  distributions:\n    views: log-normal\n    ms: triangular\n",
    components:
      "      fn: {service: aws.lambda, inputs: {requests: views * 20, duration_ms: ms, memory_mb: 1024}}\n      api: {service: aws.apigateway.http, inputs: {requests: views * 20}}\n",
    workload: "  views: 10000..200000\n  ms: 100..900\n")

  @Test func percentilesAreOrderedAndInsideTheEnvelope() throws {
    let f = try forecast(Self.uncertain, samples: 2000)
    for series in [f.architectures[0].monthly, f.architectures[0].cumulative] {
      for figures in series.compactMap({ $0 }) {
        #expect(figures.p10 <= figures.p50 && figures.p50 <= figures.p90)
        #expect(figures.envelope.contains(figures.sampled), "\(figures.sampled) outside \(figures.envelope)")
      }
    }
  }

  @Test func theSameSeedGivesTheSameBytesAndAnotherSeedOnlySamplingError() throws {
    let a = ForecastJSON.render(try forecast(Self.uncertain, samples: 2000, seed: 7))
    let b = ForecastJSON.render(try forecast(Self.uncertain, samples: 2000, seed: 7))
    #expect(a == b)
    let c = try forecast(Self.uncertain, samples: 2000, seed: 8)
    let d = try forecast(Self.uncertain, samples: 2000, seed: 7)
    for m in 0..<12 {
      let x = c.architectures[0].monthly[m]!, y = d.architectures[0].monthly[m]!
      #expect(x.p50 != y.p50 || m == 0 || x.p10 != y.p10)
      // The medians of 2,000 draws differ by a few percent of the p10-p90 spread at most.
      let spread = y.p90 - y.p10
      #expect((x.p50 - y.p50).magnitude <= spread / 10, "month \(m + 1): \(x.p50) vs \(y.p50), spread \(spread)")
    }
  }

  @Test func deterministicMathMatchesTheLibrary() {
    for x in [0.001, 0.5, 1.0, 2.718281828, 10.0, 12345.678] {
      #expect(abs(Sampling.log(x) - Foundation.log(x)) < 1e-12 * max(1, abs(Foundation.log(x))))
    }
    for y in [-5.0, -0.5, 0.0, 0.7, 3.0, 10.0] {
      #expect(abs(Sampling.exp(y) - Foundation.exp(y)) < 1e-12 * Foundation.exp(y))
    }
  }
}
