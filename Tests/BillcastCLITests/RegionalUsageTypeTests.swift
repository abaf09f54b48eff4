import BillcastTestSupport
import Foundation
import Testing

/// A rates entry's own `usage_type:`: eu-west-1 writes Secrets Manager's API calls
/// `EU-AWSSecretsManager-APIRequests` where every other region has `<prefix>-AWSSecretsManagerAPIRequest`
/// (issue 25, item 1), and `pricing verify` must match the row AWS publishes there.
@Suite("billcast pricing verify with a region's own usage type")
struct RegionalUsageTypeTests {
  /// AWSSecretsManager's eu-west-1 rows as its offer of 2026-09-11 has them (euw1-wcs-secrets):
  /// $0.40 per secret, $0.0000050000 per API request.
  static func offer(apiUsageType: String) -> OfferFixture {
    func product(_ sku: String, _ usageType: String, _ unit: String, _ usd: String) -> OfferFixture.Product {
      OfferFixture.Product(
        sku: sku, usageType: usageType, unit: unit, usd: usd, effective: "2026-09-01T00:00:00Z",
        regionCode: "eu-west-1",
        location: "EU (Ireland)")
    }
    return OfferFixture(
      offerCode: "AWSSecretsManager", version: "20260911124610", published: "2026-09-11T12:46:10Z",
      products: [
        product("7XGGDB26HD68ED7A", "EU-AWSSecretsManager-Secrets", "Secrets", "0.4000000000"),
        product("EGBHGCHDFAQWM4B6", apiUsageType, "API Requests", "0.0000050000"),
      ])
  }

  @Test("eu-west-1's irregular API-request row matches the rates entry that names it: both rates verify")
  func irregularRowMatches() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("billcast-usage-type-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let name = try Self.offer(apiUsageType: "EU-AWSSecretsManager-APIRequests").write("secrets.json", in: dir)
    let run = try CLI.run(["pricing", "verify", name, "--pricing", TestSupport.path("pricing")], in: dir)
    #expect(run.status == 0, "\(run.stderr)")
    // $0.0000050000 per request x 10,000 (the model's per) = $0.05, the table's rate; $0.40 per secret.
    #expect(run.stdout.hasSuffix("0 differ, 2 match, 0 lacking\n"), "\(run.stdout)")

    // The regular form is not eu-west-1's: the entry's own usage type does not match it.
    let regular = try Self.offer(apiUsageType: "EU-AWSSecretsManagerAPIRequest").write("regular.json", in: dir)
    let other = try CLI.run(["pricing", "verify", regular, "--pricing", TestSupport.path("pricing")], in: dir)
    #expect(other.stdout.contains("0 differ, 1 match, 1 lacking"), "\(other.stdout)")
    #expect(other.stdout.contains("AWSSecretsManager-APIRequests"), "\(other.stdout)")
  }

  @Test("pricing show --format json prints the region's own usage type and the identity's unconfirmed reason")
  func showPrintsThem() throws {
    let run = try CLI.run([
      "pricing", "show", "aws.secretsmanager", "--region", "eu-west-1", "--format", "json", "--pricing",
      TestSupport.path("pricing"),
    ])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("\"usage_type\": \"AWSSecretsManager-APIRequests\""), "\(run.stdout)")
    #expect(run.stdout.contains("\"unconfirmed\": \"unit: \\\"API Requests\\\" was seen in billing exports"))
    // The secrets meter's identity is confirmed: null.
    #expect(run.stdout.contains("\"unconfirmed\": null"))
  }
}
