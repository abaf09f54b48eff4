import BillcastCore
import BillcastTestSupport
import Testing

@testable import BillcastPricing

/// The Price List identities of the repository's own `pricing/` (not the frozen test catalog):
/// each names the product AWS bills (issue 25, item 1), and the `unconfirmed:` marker is read
/// and counted.
@Suite("Price List identities")
struct PriceListIdentityDataTests {
  /// The repository's pricing, every region.
  static let live: PricingCatalog? = try? PricingCatalog.load(directory: TestSupport.path("pricing"))

  /// The ladder of a meter (and key) in a region of the live pricing.
  static func ladder(_ key: String, region: String) throws -> TierLadder {
    let catalog = try #require(live)
    let meterKey = try #require(MeterKey(key))
    let service = try #require(catalog.service(meterKey.service, region: region))
    let meter = try #require(service.meter(meterKey.meter))
    guard case .price(let price) = meter.billing else {
      Issue.record("\(key) has no price")
      throw DiagnosticError([])
    }
    return try #require(price.ladder(for: meterKey.key), "\(key) in \(region)")
  }

  @Test("arm64 Lambda requests and ephemeral storage are their own products, with each region's SKU")
  func lambdaArm64() throws {
    // AWS's price map of 2025-04-17 (pricewatcher-lambda-arch-2025-04-17): "Lambda Requests-ARM"
    // K7BX6567RJ67A2KE, "Lambda Storage-Duration-ARM" CH6HMM86MH4K8KCS in us-east-1.
    let requests = try Self.ladder("aws.lambda/requests[arm64]", region: "us-east-1")
    #expect(requests.priceList?.usageType == "Request-ARM")
    #expect(requests.priceList?.unit == "Requests")
    #expect(requests.sku == "K7BX6567RJ67A2KE")
    let x86 = try Self.ladder("aws.lambda/requests[x86_64]", region: "us-east-1")
    #expect(x86.priceList?.usageType == "Request")
    #expect(x86.priceList?.unit == "Request")
    #expect(x86.sku == "GU2ZS9HVP6QTQ7KE")
    let storage = try Self.ladder("aws.lambda/ephemeral-storage[arm64]", region: "us-east-1")
    #expect(storage.priceList?.usageType == "Lambda-Storage-GB-Second-ARM")
    #expect(storage.sku == "CH6HMM86MH4K8KCS")
    // The same rates as x86: $0.20 per million requests, $0.0000000309 per GB-second.
    #expect(requests.tiers.map(\.rate) == [ExactDecimal("0.20")!])
    #expect(storage.tiers.map(\.rate) == [ExactDecimal("0.0000000309")!])
    let skus = [
      ("us-west-2", "6SKZPR8753NAAQ4W", "N9TMQ3FMNJR97GYZ"), ("eu-west-1", "DV2YFXRNHNJFTDP3", "N6RU8DUAHRJJA9F9"),
      ("eu-central-1", "UVYYDZQ83GKQ2K6C", "WSN3KKEEPF26JZR5"),
    ]
    for (region, request, ephemeral) in skus {
      #expect(try Self.ladder("aws.lambda/requests[arm64]", region: region).sku == request)
      #expect(try Self.ladder("aws.lambda/provisioned-requests[arm64]", region: region).sku == request)
      #expect(try Self.ladder("aws.lambda/ephemeral-storage[arm64]", region: region).sku == ephemeral)
    }
    // The free million requests is shared by both architectures.
    let pool = try #require(Self.live?.freeTierPools(region: "us-east-1").first { $0.id == "lambda-requests" })
    #expect(pool.draws.map(\.description) == ["aws.lambda/requests[x86_64]", "aws.lambda/requests[arm64]"])
  }

  @Test("a dashboard of 50 metrics or fewer is DashboardsUsageHour-Basic and the free kind; a larger one is not free")
  func cloudWatchDashboards() throws {
    let basic = try Self.ladder("aws.cloudwatch/dashboards", region: "eu-west-1")
    #expect(basic.priceList?.usageType == "DashboardsUsageHour-Basic")
    #expect(basic.sku == "5P8PBB6MXV325TDC")
    let large = try Self.ladder("aws.cloudwatch/large-dashboards", region: "eu-west-1")
    #expect(large.priceList?.usageType == "DashboardsUsageHour")
    #expect(large.sku == "8AWBXE5MPQY58BK4")
    // Both $3.00 a dashboard-month (AWS's price map, location "Any").
    #expect(large.tiers.map(\.rate) == [ExactDecimal("3.00")!])
    let pool = try #require(Self.live?.freeTierPools(region: "eu-west-1").first { $0.id == "cloudwatch-dashboards" })
    #expect(pool.draws.map(\.description) == ["aws.cloudwatch/dashboards"])
  }

  @Test("Aurora Serverless v2 capacity in the EU names the PostgreSQL products its identity says")
  func auroraPostgreSQL() throws {
    for (region, sku) in [("eu-west-1", "2VM9F7TRVNRGECW6"), ("eu-central-1", "CKUS5WW7VGK5RR9N")] {
      let ladder = try Self.ladder("aws.aurora-serverless-v2/capacity[standard]", region: region)
      #expect(ladder.priceList?.attributes["databaseEngine"] == "Aurora PostgreSQL")
      #expect(ladder.sku == sku, "\(region)")
    }
  }

  @Test("eu-west-1's Secrets Manager API calls carry the region's irregular usage type")
  func secretsManagerEU() throws {
    let eu = try Self.ladder("aws.secretsmanager/api-calls", region: "eu-west-1")
    #expect(eu.usageType == "AWSSecretsManager-APIRequests")
    #expect(eu.priceList?.usageType == "AWSSecretsManagerAPIRequest")
    #expect(try Self.ladder("aws.secretsmanager/api-calls", region: "eu-central-1").usageType == nil)
  }

  static let twoIdentities =
    TestSupport.pricingTableHeader + """
        test.svc:
          name: Test
          inputs:
            n: {unit: requests, hard: {min: 0}}
          meters:
            seen:
              unit: requests
              quantity: n
              price:
                rate: 1
                per: 1
                source: page
                price_list: {offer: AWSTest, usage_type: Seen, unit: Requests, seen: an offer row}
            unseen:
              unit: requests
              quantity: n
              price:
                rate: 1
                per: 1
                source: page
                price_list: {offer: AWSTest, usage_type: Unseen, unit: Requests, unconfirmed: "unit not seen; lead: the offer"}

      """

  @Test("pricing validate's summary counts identities confirmed and unconfirmed")
  func summaryCounts() throws {
    let catalog = try TestSupport.catalog(Self.twoIdentities)
    let summary = PricingValidation.summary(catalog)
    // Two meters with an identity; one says unconfirmed.
    #expect(summary.identities == 2)
    #expect(summary.unconfirmed == 1)
    #expect(summary.confirmed == 1)
    let unseen = catalog.service("test.svc", region: "r")?.meter("unseen")
    guard case .price(.ladder(let ladder)) = unseen?.billing else {
      Issue.record("no ladder")
      return
    }
    #expect(ladder.priceList?.unconfirmed == "unit not seen; lead: the offer")
  }

  @Test("an unconfirmed marker needs a reason")
  func emptyReason() {
    let text = Self.twoIdentities.replacingOccurrences(of: "\"unit not seen; lead: the offer\"", with: "\" \"")
    let problems = TestSupport.pricingDiagnostics(text)
    #expect(problems.contains { $0.message.contains("unconfirmed needs a reason") }, "\(problems)")
  }

  @Test("an identity whose seen text says something is unconfirmed carries unconfirmed:")
  func seenUnconfirmedIsMarked() throws {
    let catalog = try #require(Self.live)
    var unmarked: [String] = []
    for table in catalog.tables {
      for service in table.services {
        for meter in service.meters {
          guard case .price(let price) = meter.billing else { continue }
          for (key, ladder) in price.allLadders {
            guard let id = ladder.priceList, let seen = id.seen else { continue }
            if seen.lowercased().contains("unconfirmed") && id.unconfirmed == nil {
              unmarked.append(MeterKey(service: service.id, meter: meter.name, key: key).description)
            }
          }
        }
      }
    }
    #expect(Set(unmarked).sorted() == [])
  }
}
