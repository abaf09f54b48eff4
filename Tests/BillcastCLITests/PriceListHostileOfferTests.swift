import BillcastTestSupport
import Foundation
import Testing

/// `pricing import` and `verify` against hostile and odd offers (issue 24, round 2): every
/// fault of an offer located in the offer, nothing of an offer written as YAML of its own,
/// nothing printed raw, and no verification that compared nothing passing.
@Suite("Hostile offers")
struct PriceListHostileOfferTests {
  let rates = "after/aws/rates/us-east-1.yaml"

  func text(_ dir: URL, _ path: String) throws -> String {
    try String(contentsOf: dir.appendingPathComponent(path), encoding: .utf8)
  }

  /// The 1-based line and column (in characters) of the `n`th occurrence of `needle` in `text`.
  static func position(of needle: String, in text: String, occurrence n: Int = 1) -> (Int, Int) {
    var rest = text[...]
    var consumed = ""
    for _ in 1..<n {
      let r = rest.range(of: needle)!
      consumed += rest[..<r.upperBound]
      rest = rest[r.upperBound...]
    }
    consumed += rest[..<rest.range(of: needle)!.lowerBound]
    let lines = consumed.split(separator: "\n", omittingEmptySubsequences: false)
    return (lines.count, lines.last!.count + 1)
  }

  @Test("a SKU given twice in products, or a header key twice, is refused at the second, like any JSON billcast reads")
  func duplicateKeysInAnOffer() throws {
    let dir = try PriceListCommandTests.workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    let original = try text(dir, rates)
    // The second product with the requests' SKU would silently win with $0.30 per million.
    let offer = OfferFixture(products: [.requests(), .requests(usd: "0.0000003000")])
    try offer.write("dup.json", in: dir)
    let run = try CLI.run(["pricing", "import", "dup.json", "--pricing", "after"], in: dir)
    #expect(run.status == 2 && run.stdout.isEmpty, "\(run.stdout)")
    // Line 7 is the first product, line 8 the second (column 5, after the indentation).
    #expect(
      run.stderr.hasPrefix(
        "dup.json:8:5: error: duplicate key 'GU2ZS9HVP6QTQ7KE' (first at line 7, column 5); each key may appear once"),
      "\(run.stderr)")
    #expect(try text(dir, rates) == original)

    var header = OfferFixture(products: [.requests(usd: "0.0000003000")])
    header.extraHeader = "\"publicationDate\": \"2027-01-01T00:00:00Z\""
    try header.write("header.json", in: dir)
    let twice = try CLI.run(["pricing", "verify", "header.json", "--pricing", "after"], in: dir)
    #expect(twice.status == 2 && twice.stdout.isEmpty)
    let (line, column) = Self.position(of: "\"publicationDate\"", in: header.json, occurrence: 2)
    #expect(
      twice.stderr.hasPrefix(
        "header.json:\(line):\(column): error: duplicate key 'publicationDate' (first at line 5, column 3)"),
      "\(twice.stderr)")
  }

  @Test("a key twice inside a product is located where it is in the offer, not at the product's start")
  func duplicateKeyInsideAProduct() throws {
    let dir = try PriceListCommandTests.workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    var product = OfferFixture.Product.requests()
    product.extraAttributes = "\"usagetype\": \"Request-ARM\""
    let offer = OfferFixture(products: [product])
    try offer.write("dup.json", in: dir)
    let run = try CLI.run(["pricing", "import", "dup.json", "--pricing", "after"], in: dir)
    #expect(run.status == 2 && run.stdout.isEmpty)
    let (line, column) = Self.position(of: "\"usagetype\"", in: offer.json, occurrence: 2)
    let (_, first) = Self.position(of: "\"usagetype\"", in: offer.json)
    #expect(line == 7)
    #expect(
      run.stderr.hasPrefix(
        "dup.json:7:\(column): error: invalid JSON: duplicate key 'usagetype' (first at line 7, column \(first))"),
      "\(run.stderr)")
  }

  @Test("an out-of-range price names the limit, and a negative one is the offer's fault, located in the offer")
  func outOfRangeAndNegativePrices() throws {
    let dir = try PriceListCommandTests.workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    let original = try text(dir, rates)
    let code = "GU2ZS9HVP6QTQ7KE.JRTCKXETXF.6YS6EN2CT7"
    for usd in ["1e308", String(repeating: "9", count: 42)] {
      try OfferFixture(products: [.requests(usd: usd)]).write("big.json", in: dir)
      let run = try CLI.run(["pricing", "import", "big.json", "--pricing", "after"], in: dir)
      #expect(run.status == 2 && run.stdout.isEmpty)
      // The product's terms are on line 10 (products on 7, "}," on 8, "terms" on 9), from column 25.
      #expect(
        run.stderr.hasPrefix(
          "big.json:10:25: error: pricePerUnit.USD of \(code): '\(usd)' is out of range: a number's magnitude is at most 10^15 (1000000000000000)"
        ), "\(run.stderr)")
      #expect(!run.stderr.contains("not a number"))
    }
    try OfferFixture(products: [.requests(usd: "-0.0000002")]).write("negative.json", in: dir)
    let negative = try CLI.run(["pricing", "import", "negative.json", "--pricing", "after"], in: dir)
    #expect(negative.status == 2 && negative.stdout.isEmpty)
    #expect(
      negative.stderr
        == "negative.json:10:25: error: pricePerUnit.USD of \(code) is -0.0000002: it must not be negative\n",
      "\(negative.stderr)")
    #expect(try text(dir, rates) == original)
  }

  @Test("a SKU or version carrying YAML is refused, located in the offer: a Lambda offer cannot make a t3.micro free")
  func yamlInjectionThroughAnOffer() throws {
    let dir = try PriceListCommandTests.workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    // The attack of the issue: with no t3.micro rate in the file, a SKU that closes the requests
    // entry's flow mapping and opens one for EC2 would add a $0.00 rate.
    let withoutT3 = try text(dir, rates).split(separator: "\n", omittingEmptySubsequences: false).filter {
      !$0.hasPrefix("  aws.ec2/instance-hours[t3.micro]:")
    }.joined(separator: "\n")
    try withoutT3.write(to: dir.appendingPathComponent(rates), atomically: true, encoding: .utf8)
    let sku = "GU2ZS9HVP6QTQ7KE}\n  aws.ec2/instance-hours[t3.micro]: {rate: 0, source: lambda-pricing, sku: X"
    try OfferFixture(products: [.requests(usd: "0.0000003000", sku: sku)]).write("evil.json", in: dir)
    let run = try CLI.run(["pricing", "import", "evil.json", "--pricing", "after"], in: dir)
    #expect(run.status == 2 && run.stdout.isEmpty)
    #expect(
      run.stderr.hasPrefix(
        "evil.json:7:108: error: the SKU 'GU2ZS9HVP6QTQ7KE}\\u{A}  aws.ec2/instance-hours[t3.micro]: {rate:… (94 characters)' is not an AWS SKU (letters and digits only)"
      ), "\(run.stderr)")
    #expect(!run.stderr.contains("\n  aws.ec2"))
    #expect(try text(dir, rates) == withoutT3)

    var version = OfferFixture(products: [.requests(usd: "0.0000003000")])
    version.version = "20261201000000\n    grade: X"
    try version.write("version.json", in: dir)
    let bad = try CLI.run(["pricing", "import", "version.json", "--pricing", "after"], in: dir)
    #expect(bad.status == 2)
    #expect(
      bad.stderr.hasPrefix(
        "version.json:1:1: error: the offer's version '20261201000000\\u{A}    grade: X' is not a version"),
      "\(bad.stderr)")
    #expect(try text(dir, rates) == withoutT3)
  }

  @Test("offer strings are printed with control characters escaped: a file name and a unit cannot drive the terminal")
  func offerStringsAreEscaped() throws {
    let dir = try PriceListCommandTests.workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    var product = OfferFixture.Product.requests()
    product.unit = "Requests\u{1B}[2J"
    let name = "offer\u{1B}[31m.json"
    try OfferFixture(products: [product]).write(name, in: dir)
    let run = try CLI.run(["pricing", "verify", name, "--pricing", "after"], in: dir)
    #expect(!run.stdout.contains("\u{1B}") && !run.stderr.contains("\u{1B}"), "\(run.stdout)")
    #expect(run.stdout.hasPrefix("read offer\\u{1B}[31m.json: AWSLambda version 20261201000000"), "\(run.stdout)")
    #expect(run.stdout.contains("the offer's unit is 'Requests\\u{1B}[2J'"), "\(run.stdout)")
  }

  @Test("verify fails when it compared nothing (an empty offer, another service) or cannot read an offered price")
  func verifyThatComparedNothingFails() throws {
    let dir = try PriceListCommandTests.workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    try OfferFixture(products: []).write("empty.json", in: dir)
    let empty = try CLI.run(["pricing", "verify", "empty.json", "--pricing", "after"], in: dir)
    #expect(empty.status == 2 && empty.stdout.isEmpty, "\(empty.stdout)")
    #expect(
      empty.stderr.hasPrefix(
        "empty.json: error: the offer (AWSLambda, 0 products kept) gives no rate the pricing tables hold: nothing was compared"
      ), "\(empty.stderr)")
    var other = OfferFixture(products: [.requests()])
    other.offerCode = "AmazonFooBar"
    try other.write("other.json", in: dir)
    let service = try CLI.run(["pricing", "verify", "other.json", "--pricing", "after"], in: dir)
    #expect(service.status == 2 && service.stderr.contains("other.json: error: the offer (AmazonFooBar, 0 products"))
    // The requests' product in another unit: the offer has the rate but it cannot be read.
    var product = OfferFixture.Product.requests()
    product.unit = "GB"
    try OfferFixture(products: [product]).write("unit.json", in: dir)
    let unit = try CLI.run(["pricing", "verify", "unit.json", "--pricing", "after"], in: dir)
    #expect(unit.status == 1, "\(unit.stderr)")
    #expect(
      unit.stdout.contains("SKU GU2ZS9HVP6QTQ7KE: the offer's unit is 'GB', the model's price_list says 'Requests'"))
    #expect(
      unit.stdout.hasSuffix("0 differ, 0 match, 9 lacking (2 offered but unreadable: not verified)\n"), "\(unit.stdout)"
    )
  }

  @Test("an import of an offer newer than the table's effective date brings it forward: validate passes on the result")
  func importBringsEffectiveForward() throws {
    let dir = try PriceListCommandTests.workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    var offer = OfferFixture(products: [.requests(usd: "0.0000003000")])
    offer.published = "2026-12-05T00:00:00Z"
    try offer.write("new.json", in: dir)
    let run = try CLI.run(["pricing", "import", "new.json", "--pricing", "after"], in: dir)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("0 added, 2 changed, 0 unchanged, 7 lacking"), "\(run.stdout)")
    let updated = try text(dir, rates)
    #expect(updated.contains("\neffective: 2026-12-05\n"))
    #expect(
      updated.contains("  aws.lambda/requests:\n    rate: 0.3\n    source: pl-awslambda-us-east-1-20261201000000\n"))
    let validate = try CLI.run(["pricing", "validate", "after"], in: dir)
    #expect(validate.status == 0, "\(validate.stderr)")
    // An older offer does not move it back.
    var older = OfferFixture(products: [.requests(usd: "0.0000003000")])
    older.published = "2026-12-02T00:00:00Z"
    older.version = "20261202000000"
    try older.write("older.json", in: dir)
    let again = try CLI.run(["pricing", "import", "older.json", "--pricing", "after"], in: dir)
    #expect(again.status == 0, "\(again.stderr)")
    #expect(try text(dir, rates).contains("\neffective: 2026-12-05\n"))
  }
}
