import BillcastCore
import BillcastEngine
import BillcastPricing
import BillcastTestSupport
import Testing

/// CloudFront's requests priced by edge group in the live tables (issue 25, item 3), rates from AWS's CloudFront
/// price map published 2025-04-25 (source cf-pricewatcher-2025-04-25).
@Suite("Live CloudFront by geography")
struct LiveCloudFrontGeographyTests {
  static func cost(_ inputs: [(String, String)], freeTier: String = "none") throws -> ExactDecimal {
    let text = LiveDatedRulesTests.profile(
      "aws.cloudfront",
      [("transfer_out_gb", "0")] + (inputs.contains { $0.0 == "https_requests" } ? [] : [("https_requests", "0")])
        + inputs, asOf: "2026-11-01",
      freeTier: freeTier)
    let estimate = try TestSupport.estimate(text, catalog: try LiveDatedRulesTests.live.get())
    return estimate.results[0].total.high
  }

  @Test(
    "1,000,000 requests in each edge group at that group's rate per 10,000",
    arguments: [
      // (group suffix, HTTP cost, HTTPS cost): 1,000,000 / 10,000 = 100 units of 10,000 requests.
      ("", "0.75", "1"),  // United States, Mexico, Canada: 100 × $0.0075 / 100 × $0.0100
      ("_europe", "0.9", "1.2"),  // 100 × $0.0090 / 100 × $0.0120
      ("_south_america", "1.6", "2.2"),  // 100 × $0.0160 / 100 × $0.0220
      ("_australia_nz", "0.9", "1.25"),  // 100 × $0.0090 / 100 × $0.0125
      ("_japan", "0.9", "1.2"),
      ("_asia_pacific", "0.9", "1.2"),
      ("_india", "0.9", "1.2"),
      ("_south_africa_middle_east", "0.9", "1.2"),
    ])
  func requestsByGroup(group: String, http: String, https: String) throws {
    // https_requests is required: 0 unless it is the group priced.
    #expect(try Self.cost([("http_requests" + group, "1000000")]) == d(http))
    #expect(try Self.cost([("https_requests" + group, "1000000")]) == d(https))
  }

  @Test("every edge group's requests draw on the always-free 10,000,000")
  func freeRequests() throws {
    // 4M in South America + 4M in Japan + 3M in Australia = 11M; the free 10M are drawn in the pool's order
    // (South America's HTTPS before Japan's, Japan's before Australia's), so the last 1M is Australia's:
    // 100 × $0.0125 = $1.25.
    let total = try Self.cost(
      [
        ("https_requests_south_america", "4000000"), ("https_requests_japan", "4000000"),
        ("https_requests_australia_nz", "3000000"),
      ], freeTier: "always-free")
    #expect(total == d("1.25"))
  }

  @Test("GET/HEAD request identities do not claim the origin-proxy products")
  func identities() throws {
    let catalog = try LiveDatedRulesTests.live.get()
    let service = try #require(catalog.service("aws.cloudfront", region: "us-east-1"))
    var seen = 0
    for meter in service.meters where meter.name.hasPrefix("http") && meter.name.contains("requests") {
      guard case .price(.ladder(let ladder)) = meter.billing, let identity = ladder.priceList else {
        Issue.record("\(meter.name) has no Price List identity")
        continue
      }
      seen += 1
      #expect(identity.usageType.contains("-Requests-Tier"), "\(meter.name): \(identity.usageType)")
      #expect(!identity.attributes.values.contains { $0.contains("Proxy") }, "\(meter.name): \(identity.attributes)")
    }
    // HTTP and HTTPS for North America, Europe and the six other groups.
    #expect(seen == 16)
  }
}
