import BillcastCore
import BillcastPricing
import BillcastTestSupport
import Testing

/// A keyed price's `each`: one price for every value `values` does not list, its Price List
/// identity naming the value as `{INPUT}` (EC2's `BoxUsage:{instance_type}`).
@Suite("Keyed prices with each")
struct KeyedPriceEachTests {
  static let text =
    TestSupport.pricingTableHeader + """
          test.svc:
            name: Test
            inputs:
              n: {unit: hours, hard: {min: 0}}
              size: {values: [m5.large, t2.small, c7i.large]}
            meters:
              hours:
                unit: hours
                quantity: n
                price:
                  by: size
                  each:
                    rate: 0.1
                    source: page
                    price_list:
                      offer: AmazonEC2
                      usage_type: BoxUsage:{size}
                      unit: Hrs
                      attributes: {operation: RunInstances, instanceType: '{size}'}
                  values:
                    c7i.large: {rate: 0.2, source: page}

      """

  @Test("every value gets a ladder: each's, with the value in its identity, or its own")
  func eachFillsTheValues() throws {
    let collector = DiagnosticCollector()
    let catalog = PricingCatalog.read([try YAMLDocument.parse(Self.text, path: "t.yaml")], diagnostics: collector)
    #expect(collector.errors.isEmpty, "\(collector.errors.map(\.description))")
    let meter = try #require(catalog.tables.first?.services.first?.meters.first)
    guard case .price(.keyed(by: let by, let ladders)) = meter.billing else {
      Issue.record("not a keyed price")
      return
    }
    #expect(by == "size")
    #expect(ladders.keys.sorted() == ["c7i.large", "m5.large", "t2.small"])
    #expect(ladders["m5.large"]?.priceList?.usageType == "BoxUsage:m5.large")
    #expect(ladders["m5.large"]?.priceList?.attributes["instanceType"] == "m5.large")
    #expect(ladders["t2.small"]?.priceList?.usageType == "BoxUsage:t2.small")
    #expect(ladders["t2.small"]?.tiers.first?.rate == ExactDecimal("0.1"))
    #expect(ladders["c7i.large"]?.tiers.first?.rate == ExactDecimal("0.2"))
    #expect(ladders["c7i.large"]?.priceList == nil)
  }

  @Test("did-you-mean keeps an instance type's size, or says nothing")
  func honestSizes() {
    let types = ["t3.micro", "m7g.medium", "m7g.large", "m7g.xlarge", "m5a.4xlarge", "c7i.large"]
    // m7g.xlarge is two edits from m5.4xlarge but a quarter of its size: never offered.
    #expect(Spelling.suggestion(for: "m5.4xlarge", among: types.filter { $0 != "m5a.4xlarge" }) == nil)
    #expect(Spelling.suggestion(for: "m5.4xlarge", among: types) == "m5a.4xlarge")
    // A misspelt size is corrected within its family.
    #expect(Spelling.suggestion(for: "m7g.xlrage", among: types) == "m7g.xlarge")
    #expect(Spelling.suggestion(for: "t3.mirco", among: types) == "t3.micro")
    // A size no type has is no typo of another size: m5.5xlarge is not m5.2xlarge.
    #expect(Spelling.suggestion(for: "m5.5xlarge", among: ["m5.large", "m5.2xlarge", "m5.4xlarge"]) == nil)
    // Undotted names and other dotted names are as before.
    #expect(Spelling.suggestion(for: "aws.lamda", among: ["aws.lambda", "aws.sqs"]) == "aws.lambda")
    #expect(Spelling.suggestion(for: "duraton_ms", among: ["duration_ms"]) == "duration_ms")
  }
}
