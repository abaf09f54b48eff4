import BillcastTestSupport
import Foundation
import Testing

/// `billcast pricing import` of get-products lines converted from AWS data that is not a Price
/// List offer (scripts/ec2-offer-from-price-map.py): no SKU, and a `billcastSource` naming the
/// data read, which becomes the rates' source.
@Suite("billcast pricing import of a converted price map")
struct PriceMapImportTests {
  static let line = """
    {"serviceCode":"AmazonEC2","version":"pricemap-20250520004152","publicationDate":"2025-05-20T00:41:52Z",\
    "billcastSource":{"url":"https://b0.p.awsstatic.com/pricing/2.0/meteredUnitMaps/ec2/USD/current/ec2.json",\
    "note":"AWS's EC2 on-demand price map."},"product":{"productFamily":"Compute Instance","sku":"",\
    "attributes":{"location":"US East (N. Virginia)","regionCode":"us-east-1","instanceType":"m5.large",\
    "usagetype":"BoxUsage:m5.large","operation":"RunInstances","capacitystatus":"Used","preInstalledSw":"NA"}},\
    "terms":{"OnDemand":{"map":{"effectiveDate":"2025-05-20T00:41:52Z","priceDimensions":{"map":{"beginRange":"0",\
    "endRange":"Inf","unit":"Hrs","description":"m5.large","pricePerUnit":{"USD":"0.0960000000"}}}}}}}

    """

  @Test("the rate is added with no SKU, citing the map")
  func importsWithoutSKU() throws {
    let dir = try PriceListCommandTests.workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    let offer = dir.appendingPathComponent("ec2-price-map-us-east-1.jsonl")
    try Self.line.write(to: offer, atomically: true, encoding: .utf8)
    let run = try CLI.run(["pricing", "import", offer.path, "--pricing", "after"], in: dir)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("added      aws.ec2/instance-hours[m5.large]: 0.096\n"), "\(run.stdout)")
    let rates = try String(
      contentsOf: dir.appendingPathComponent("after/aws/rates/us-east-1.yaml"), encoding: .utf8)
    #expect(
      rates.contains(
        "  aws.ec2/instance-hours[m5.large]: {rate: 0.096, source: pl-amazonec2-us-east-1-pricemap-20250520004152}\n"))
    #expect(
      rates.contains("    url: https://b0.p.awsstatic.com/pricing/2.0/meteredUnitMaps/ec2/USD/current/ec2.json\n"))
    #expect(rates.contains("    read: 2025-05-20\n"))
    #expect(
      rates.contains(
        "AWS's EC2 on-demand price map. Imported by billcast pricing import from ec2-price-map-us-east-1.jsonl."))
  }

  @Test("a SKU that is there must still be an AWS SKU")
  func badSKUStillRefused() throws {
    let dir = try PriceListCommandTests.workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    let offer = dir.appendingPathComponent("bad.jsonl")
    try Self.line.replacingOccurrences(of: "\"sku\":\"\"", with: "\"sku\":\"A B\"").write(
      to: offer, atomically: true, encoding: .utf8)
    let run = try CLI.run(["pricing", "import", offer.path, "--pricing", "after"], in: dir)
    #expect(run.status == 2)
    #expect(run.stderr.contains("is not an AWS SKU"))
  }
}
