import BillcastCore
import BillcastPricing
import BillcastTestSupport
import Testing

@Suite("Pricing tables")
struct PricingTableTests {
  @Test func repositoryTablesLoadAndEveryPriceIsSourced() throws {
    let catalog = try TestSupport.testCatalog()
    #expect(catalog.table(id: "aws/us-east-1") != nil && catalog.table(id: "firebase/global") != nil)
    for table in catalog.tables {
      for service in table.services {
        for meter in service.meters {
          guard case .price(let price) = meter.billing else { continue }
          let ladders: [TierLadder]
          switch price {
          case .ladder(let l): ladders = [l]
          case .keyed(_, let ls): ladders = Array(ls.values)
          }
          for tier in ladders.flatMap(\.tiers) {
            let source = try #require(table.sources[tier.source], "\(service.id)/\(meter.name)")
            #expect(source.url.hasPrefix("https://") || source.url.hasPrefix("http://"))
          }
        }
      }
    }
    // The services the issue asks for are all there.
    for id in [
      "aws.lambda", "aws.apigateway.http", "aws.apigateway.rest", "aws.apigateway.websocket", "aws.cloudfront",
      "aws.s3",
      "aws.aurora-serverless-v1", "aws.aurora-serverless-v2", "aws.route53", "aws.cloudwatch", "aws.secretsmanager",
      "aws.eventbridge", "aws.nat-gateway", "aws.vpc-endpoint", "aws.data-transfer", "firebase.auth",
    ] {
      #expect(catalog.service(id, region: "us-east-1") != nil, "\(id)")
    }
  }

  @Test func publishedRatesAreTheOnesInTheTable() throws {
    let catalog = try TestSupport.testCatalog()
    func rate(_ service: String, _ meter: String, key: String? = nil, tier: Int = 0) -> ExactDecimal? {
      guard case .price(let p)? = catalog.service(service, region: "us-east-1")?.meter(meter)?.billing else {
        return nil
      }
      return p.ladder(for: key)?.tiers[tier].rate
    }
    // aws.amazon.com/lambda/pricing/: $0.20 per 1M requests, $0.0000166667 per GB-s (x86), $0.0000133334 (Arm).
    #expect(rate("aws.lambda", "requests") == TestSupport.d("0.2"))
    #expect(rate("aws.lambda", "duration", key: "x86_64") == TestSupport.d("0.0000166667"))
    #expect(rate("aws.lambda", "duration", key: "arm64") == TestSupport.d("0.0000133334"))
    // CloudFront: $0.0075 per 10K HTTP, $0.0100 per 10K HTTPS requests; $0.085/GB for the first 10 TB.
    #expect(rate("aws.cloudfront", "http-requests") == TestSupport.d("0.0075"))
    #expect(rate("aws.cloudfront", "https-requests") == TestSupport.d("0.01"))
    #expect(rate("aws.cloudfront", "transfer-out") == TestSupport.d("0.085"))
    // Aurora Serverless v1: $0.06 per ACU-hour.
    #expect(rate("aws.aurora-serverless-v1", "capacity") == TestSupport.d("0.06"))
  }

  static let minimal =
    TestSupport.pricingTableHeader + """
        test.svc:
          name: Test
          inputs:
            requests: {unit: requests, hard: {min: 0}}
            kind: {values: [a, b], default: a}
          meters:
      """

  @Test func everyProblemIsReportedAtOnceWithItsLocation() {
    let text =
      Self.minimal + """

              ok:
                unit: requests
                quantity: requests
                price: {rate: 1, per: 1000, source: page}
              unsourced:
                unit: requests
                quantity: requests
                price: {rate: 1}
              typo:
                unit: requests
                quantity: reqests * 2
                price: {rate: 1, source: pgae}
              steps:
                unit: requests
                quantity: requests
                price:
                  source: page
                  tiers:
                    - {upto: 100, rate: 2}
                    - {upto: 50, rate: 1}
                    - {rate: -1}
              keyed:
                unit: requests
                quantity: requests
                price:
                  by: kind
                  values:
                    a: {rate: 1, source: page}
              silent:
                unit: requests
                quantity: requests
        free_tier:
          pool:
            kind: forever
            allowance: 10
            unit: requests
            source: page
            draws: [test.svc/nope]
        """
    let diagnostics = TestSupport.pricingDiagnostics(text)
    let messages = diagnostics.map(\.description)
    let expected = [
      "missing required key 'source'",
      "the formula names 'reqests', which is not a numeric input of this service (did you mean 'requests'?)",
      "unknown source 'pgae' (did you mean 'page'?)",
      "tiers must ascend: 50 is not above the previous tier's 100",
      "must not be negative, found -1",
      "no price for kind = b",
      "missing 'price' (or 'billed_as'): a meter without a price would bill $0 silently",
      "'forever' is not one of always-free, legacy-12-month",
      "test.svc has no meter 'nope'",
    ]
    for e in expected {
      #expect(messages.contains { $0.contains(e) }, "missing: \(e)\n\(messages.joined(separator: "\n"))")
    }
    #expect(diagnostics.allSatisfy { $0.file == "table.yaml" && $0.line != nil })
    // Errors come in file order.
    let lines = diagnostics.compactMap(\.line)
    #expect(lines == lines.sorted())
  }

  @Test func meterKeys() {
    #expect(
      MeterKey("aws.lambda/duration[x86_64]") == MeterKey(service: "aws.lambda", meter: "duration", key: "x86_64"))
    #expect(MeterKey("aws.lambda/requests")?.key == nil)
    #expect(MeterKey("aws.lambda") == nil && MeterKey("a/b[]") == nil)
  }
}

@Suite("Tier ladders on a date")
struct TierLadderDateTests {
  /// Lambda's x86_64 duration in us-east-1 had one rate before 2022-08-01 (the test catalog's `before`):
  /// the earlier ladder is the same Price List product, so it keeps the identity but not the current SKU.
  @Test func anEarlierLadderKeepsItsPriceListIdentity() throws {
    let catalog = try TestSupport.testCatalog()
    let table = try #require(catalog.table(id: "aws/us-east-1"))
    let service = try #require(table.services.first { $0.id == "aws.lambda" })
    let meter = try #require(service.meters.first { $0.name == "duration" })
    guard case .price(.keyed(_, let ladders)) = meter.billing else {
      Issue.record("aws.lambda/duration is not keyed by architecture")
      return
    }
    let ladder = try #require(ladders["x86_64"])
    let earlier = ladder.on(try #require(CalendarDate("2022-07-31")))
    // One tier then, $0.0000166667 per GB-s, against three tiers now.
    #expect(earlier.tiers.count == 1 && ladder.tiers.count == 3)
    #expect(earlier.priceList?.offer == "AWSLambda")
    #expect(earlier.priceList?.usageType == "Lambda-GB-Second")
    #expect(earlier.sku == nil)
  }
}
