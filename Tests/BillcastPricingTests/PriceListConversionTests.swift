import BillcastCore
import Testing

@testable import BillcastPricing

/// Converting an offer's dimensions to a rates entry: AWS's unit to the meter's, its rate to the model's `per`.
@Suite("Price List conversion")
struct PriceListConversionTests {
  static func d(_ begin: String, _ end: String?, _ unit: String, _ usd: String) -> OfferDimension {
    OfferDimension(
      rateCode: "X", begin: ExactDecimal(begin)!, end: end.map { ExactDecimal($0)! }, unit: unit,
      usd: ExactDecimal(usd)!)
  }

  static func product(_ dimensions: [OfferDimension]) -> OfferProduct {
    OfferProduct(sku: "SKU", region: "eu-west-1", usageType: "U", attributes: [:], dimensions: dimensions, offset: 0)
  }

  @Test(
    "gp3 throughput: the offer's 45.056 per GiBps-mo is 45.056 / 1024 = 0.044 per MiB/s-month (ligoj's EU (Ireland) CSV row)"
  )
  func scale() throws {
    let identity = PriceListIdentity(
      offer: "AmazonEC2", usageType: "EBS:VolumeP-Throughput.gp3", unit: "GiBps-mo",
      scale: ExactDecimal("0.0009765625")!)
    let price = RegionalPrice(
      key: MeterKey(service: "aws.ebs", meter: "extra-throughput"), per: .one, unit: "MBps-month", priceList: identity)
    let tiers = try PriceListMatch.tiers(
      of: Self.product([Self.d("0", nil, "GiBps-mo", "45.0560000000")]), for: price, identity
    ).get()
    #expect(tiers == [RateTier(upto: nil, rate: ExactDecimal("0.044")!)])
  }

  @Test("Lambda requests: 0.0000002000 per request is $0.20 per 1,000,000; tier bounds stay in requests")
  func per() throws {
    let identity = PriceListIdentity(offer: "AmazonApiGateway", usageType: "ApiGatewayHttpRequest", unit: "Requests")
    let price = RegionalPrice(
      key: MeterKey(service: "aws.apigateway.http", meter: "requests"), per: ExactDecimal(1_000_000), unit: "requests",
      priceList: identity)
    // HTTP API: $1.00 per million up to 300M, then $0.90 (API Gateway's pricing page).
    let tiers = try PriceListMatch.tiers(
      of: Self.product([
        Self.d("300000000", nil, "Requests", "0.0000009000"), Self.d("0", "300000000", "Requests", "0.0000010000"),
      ]), for: price, identity
    ).get()
    #expect(
      tiers == [RateTier(upto: ExactDecimal(300_000_000), rate: .one), RateTier(upto: nil, rate: ExactDecimal("0.9")!)])
  }

  @Test("ranges that do not follow on, a wrong unit, or a bound inside the last tier are refused, not guessed")
  func refusals() {
    let identity = PriceListIdentity(offer: "AWSLambda", usageType: "Lambda-GB-Second", unit: "Lambda-GB-Second")
    let price = RegionalPrice(
      key: MeterKey(service: "aws.lambda", meter: "duration", key: "x86_64"), per: .one, unit: "GB-s",
      priceList: identity)
    func reason(_ dimensions: [OfferDimension]) -> String? {
      if case .failure(let r) = PriceListMatch.tiers(of: Self.product(dimensions), for: price, identity) {
        return r.text
      }
      return nil
    }
    #expect(
      reason([
        Self.d("0", "6000000000", "Lambda-GB-Second", "0.0000166667"),
        Self.d("7000000000", nil, "Lambda-GB-Second", "0.000015"),
      ])
        == "its ranges do not follow on: one begins at 7000000000 where 6000000000 was expected")
    #expect(
      reason([Self.d("0", nil, "Hrs", "0.0000166667")])
        == "the offer's unit is 'Hrs', the model's price_list says 'Lambda-GB-Second'")
    #expect(
      reason([Self.d("0", "6000000000", "Lambda-GB-Second", "0.0000166667")]) == "only its last range may end at Inf")
    #expect(reason([]) == "no on-demand price dimensions")
    // An empty range is the offer's fault, reported against the offer: written, it would be a
    // rates file's `upto: 0` that the table then refuses (issue 24, round 2, item 37).
    #expect(
      reason([
        Self.d("0", "0", "Lambda-GB-Second", "0.0000166667"), Self.d("0", nil, "Lambda-GB-Second", "0.000015"),
      ]) == "its range from 0 to 0 is empty: a range must end after it begins")
  }

  @Test("usage types lose only their own region's prefix")
  func prefixes() {
    #expect(PriceListRegions.strip("EU-Lambda-GB-Second", region: "eu-west-1") == "Lambda-GB-Second")
    #expect(PriceListRegions.strip("USE1-ApiGatewayHttpRequest", region: "us-east-1") == "ApiGatewayHttpRequest")
    #expect(PriceListRegions.strip("Request", region: "us-east-1") == "Request")
    // CloudFront's Europe group
    #expect(PriceListRegions.strip("EU-DataTransfer-Out-Bytes", region: "us-east-1") == "EU-DataTransfer-Out-Bytes")
    #expect(PriceListRegions.strip("Global-Request", region: nil) == "Global-Request")
    #expect(PriceListRegions.normalised("Pre Installed S/W") == PriceListRegions.normalised("preInstalledSw"))
  }

  @Test("two products that match one identity with different prices: the rate is reported, not guessed")
  func ambiguous() {
    let identity = PriceListIdentity(offer: "AmazonRDS", usageType: "Aurora:StorageUsage", unit: "GB-Mo")
    let price = RegionalPrice(
      key: MeterKey(service: "aws.aurora-serverless-v2", meter: "storage", key: "standard"), per: .one,
      unit: "GB-month", priceList: identity)
    func product(_ sku: String, _ usd: String) -> OfferProduct {
      OfferProduct(
        sku: sku, region: "eu-west-1", usageType: "Aurora:StorageUsage", attributes: [:],
        dimensions: [Self.d("0", nil, "GB-Mo", usd)], offset: 0)
    }
    let offer = Offer(
      path: "o.json", layout: .bulkJSON, offerCode: "AmazonRDS", version: "1", publicationDate: "2026-11-01T00:00:00Z",
      products: [product("B", "0.11"), product("A", "0.10")])
    let match = PriceListMatch(offers: [offer], prices: [price])
    #expect(match.rates.isEmpty)
    #expect(
      match.lacking.map(\.reason) == [
        "ambiguous: SKUs A and B both match usage type Aurora:StorageUsage with different prices; the model's price_list needs an attribute that tells them apart"
      ])
    // The same price under two SKUs (one per engine, say) is one rate: the first SKU in order.
    let same = Offer(
      path: "o.json", layout: .bulkJSON, offerCode: "AmazonRDS", version: "1", publicationDate: "2026-11-01T00:00:00Z",
      products: [product("B", "0.11"), product("A", "0.11")])
    let one = PriceListMatch(offers: [same], prices: [price])
    #expect(
      one.rates.map(\.sku) == ["A"] && one.rates.first?.tiers == [RateTier(upto: nil, rate: ExactDecimal("0.11")!)])
  }

  @Test(
    "also_usage_types: a meter billed as two products (CloudFront's US- and CA- requests) matches either, and a price that differs is reported"
  )
  func alsoUsageTypes() {
    let identity = PriceListIdentity(
      offer: "AmazonCloudFront", usageType: "US-Requests-Tier1", unit: "Requests",
      alsoUsageTypes: ["CA-Requests-Tier1"])
    let price = RegionalPrice(
      key: MeterKey(service: "aws.cloudfront", meter: "http-requests"), per: ExactDecimal(10000), unit: "requests",
      priceList: identity)
    func product(_ sku: String, _ usageType: String, _ usd: String) -> OfferProduct {
      OfferProduct(
        sku: sku, region: "global", usageType: usageType, attributes: [:],
        dimensions: [Self.d("0", nil, "Requests", usd)], offset: 0)
    }
    func offer(_ products: [OfferProduct]) -> Offer {
      Offer(
        path: "o.json", layout: .bulkJSON, offerCode: "AmazonCloudFront", version: "1",
        publicationDate: "2025-04-25T20:56:06Z", products: products)
    }
    // Canada's product alone is the meter's: $0.00000075 per request x 10,000 = $0.0075 per 10,000.
    let canada = PriceListMatch(offers: [offer([product("ZG98", "CA-Requests-Tier1", "0.00000075")])], prices: [price])
    #expect(
      canada.rates.map(\.sku) == ["ZG98"]
        && canada.rates.first?.tiers == [RateTier(upto: nil, rate: ExactDecimal("0.0075")!)])
    // Both at one price: one rate, the first SKU in order; the origin-proxy product is not the meter's.
    let both = PriceListMatch(
      offers: [
        offer([
          product("NJD4", "US-Requests-Tier1", "0.00000075"), product("29K2", "CA-Requests-Tier1", "0.00000075"),
          product("SUYU", "US-Requests-HTTP-Proxy", "0.000002"),
        ])
      ], prices: [price])
    #expect(both.rates.map(\.sku) == ["29K2"])
    // Canada at another price than the United States: reported, not guessed.
    let apart = PriceListMatch(
      offers: [
        offer([product("NJD4", "US-Requests-Tier1", "0.00000075"), product("29K2", "CA-Requests-Tier1", "0.0000009")])
      ],
      prices: [price])
    #expect(apart.rates.isEmpty && apart.lacking.first?.reason.hasPrefix("ambiguous: SKUs 29K2 and NJD4") == true)
    // Nothing of either: the reason names both usage types.
    let none = PriceListMatch(offers: [offer([product("SUYU", "US-Requests-HTTP-Proxy", "0.000002")])], prices: [price])
    #expect(
      none.lacking.map(\.reason) == [
        "no on-demand product with usage type US-Requests-Tier1 or CA-Requests-Tier1 in AmazonCloudFront for global"
      ])
  }
}
