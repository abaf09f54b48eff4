import BillcastCore
import BillcastEngine
import BillcastProfile
import BillcastReport
import BillcastTestSupport
import Foundation
import Testing

/// The estimate JSON's account meters carry what a bill generator or reader needs: each tier's
/// charge and the meter's Price List identity.
@Suite("Estimate JSON meters")
struct EstimateJSONMeterTests {
  /// The meters of Tests/Fixtures/reconcile/shop.yaml, priced on the frozen catalog as of 2026-09-01, by name.
  func meters() throws -> [String: [String: Any]] {
    let profile = try Profile.load(path: TestSupport.path("Tests/Fixtures/reconcile/shop.yaml"))
    let resolved = try ResolvedProfile.resolve(profile, catalog: try TestSupport.testCatalog())
    let estimate = try Estimator.estimate(resolved, options: EstimateOptions(today: CalendarDate("2026-09-01")!))
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(EstimateJSON.render(estimate).utf8)) as? [String: Any])
    let result = try #require((json["results"] as? [[String: Any]])?.first)
    let list = try #require(result["meters"] as? [[String: Any]])
    return Dictionary(uniqueKeysWithValues: list.map { ($0["meter"] as! String, $0) })
  }

  @Test func tiersGiveEachTiersQuantityRateAndCost() throws {
    let m = try meters()
    // Lambda duration: api 5M × 0.2 s × 1 GB = 1,000,000 GB-s, worker 1M × 1 s × 0.5 GB = 500,000;
    // 400,000 free leaves 1,100,000 in the first tier (up to 6 billion): × $0.0000166667 = $18.33337.
    let duration = try #require(m["aws.lambda/duration[x86_64]"]?["tiers"] as? [String: [[String: String]]])
    #expect(duration["low"] == [["quantity": "1100000", "rate": "0.0000166667", "per": "1", "cost": "18.33337"]])
    #expect(duration["high"] == duration["low"])
    // Requests: 6M, 1M free, 5M at $0.20 per 1M = $1.
    let requests = try #require(m["aws.lambda/requests"]?["tiers"] as? [String: [[String: String]]])
    #expect(requests["low"] == [["quantity": "5000000", "rate": "0.2", "per": "1000000", "cost": "1"]])
    // A meter with nothing used lists its first tier at 0.
    let storage = try #require(m["aws.lambda/ephemeral-storage"]?["tiers"] as? [String: [[String: String]]])
    #expect(storage["low"] == [["quantity": "0", "rate": "0.0000000309", "per": "1", "cost": "0"]])
  }

  @Test func priceListIdentityWhenTheTableNamesIt() throws {
    let m = try meters()
    let duration = try #require(m["aws.lambda/duration[x86_64]"]?["price_list"] as? [String: Any])
    #expect(duration["offer"] as? String == "AWSLambda")
    #expect(duration["usage_type"] as? String == "Lambda-GB-Second")
    #expect(duration["unit"] as? String == "Lambda-GB-Second")
    // Scale 1, no further usage types or attributes, no SKU in the frozen us-east-1 rates: all left out.
    #expect(Set(duration.keys) == ["offer", "usage_type", "unit"])
    let http = try #require(m["aws.apigateway.http/requests"]?["price_list"] as? [String: Any])
    #expect(http["attributes"] as? [String: String] == ["operation": "ApiGatewayHttpApi"])
    #expect(http["usage_type"] as? String == "ApiGatewayHttpRequest")
  }
}
