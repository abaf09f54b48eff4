import BillcastTestSupport
import Foundation
import Testing

/// `pricing import` keeps a rate's history by date (issue 24, round 2, item 8): an older offer
/// never replaces a newer rate, it is dated into the history; two offers of one region are two
/// dated facts, not an ambiguous pool; importing the same offer again changes nothing; a term
/// without an `effectiveDate` cannot be placed, and is refused.
@Suite("Price List history")
struct PriceListHistoryTests {
  let rates = "after/aws/rates/us-east-1.yaml"

  func text(_ dir: URL) throws -> String {
    try String(contentsOf: dir.appendingPathComponent(rates), encoding: .utf8)
  }

  /// The total of the busy-function profile (10M requests × 100 ms × 1 GB) priced on a date.
  func total(_ dir: URL, asOf date: String) throws -> String? {
    let run = try CLI.run(["estimate", "p.yaml", "--pricing", "after", "--as-of", date, "--format", "json"], in: dir)
    let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
    let results = object?["results"] as? [[String: Any]]
    return (results?.first?["total"] as? [String: String])?["high"]
  }

  /// A requests offer published on `published` whose term took effect on `effective`.
  func offer(_ usd: String, published: String, effective: String) -> OfferFixture {
    var product = OfferFixture.Product.requests(usd: usd)
    product.effective = effective + "T00:00:00Z"
    var offer = OfferFixture(products: [product])
    offer.published = published + "T00:00:00Z"
    offer.version = published.replacingOccurrences(of: "-", with: "") + "000000"
    return offer
  }

  @Test("an older offer is dated into the history in its place; the newer rate stays; again, nothing changes")
  func olderOfferIsDatedIntoTheHistory() throws {
    let dir = try PriceListCommandTests.workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    try DiffCommandTests.profile(withAPI: false).write(
      to: dir.appendingPathComponent("p.yaml"), atomically: true, encoding: .utf8)
    // $0.20 per million requests until 2026-11-15, then $0.30 (published 2026-11-20) …
    try offer("0.0000003000", published: "2026-11-20", effective: "2026-11-15").write("new.json", in: dir)
    let new = try CLI.run(["pricing", "import", "new.json", "--pricing", "after"], in: dir)
    #expect(new.status == 0, "\(new.stderr)")
    // … and an older offer (published 2026-11-10): $0.25 from 2026-11-01.
    try offer("0.0000002500", published: "2026-11-10", effective: "2026-11-01").write("old.json", in: dir)
    let old = try CLI.run(["pricing", "import", "old.json", "--pricing", "after"], in: dir)
    #expect(old.status == 0, "\(old.stderr)")
    #expect(
      old.stdout.contains(
        "  dated      aws.lambda/requests: 0.25 from 2026-11-01 (dated into the history; the current rate is newer) (SKU GU2ZS9HVP6QTQ7KE)"
      ), "\(old.stdout)")
    let updated = try text(dir)
    #expect(
      updated.contains(
        """
          aws.lambda/requests:
            rate: 0.3
            source: pl-awslambda-us-east-1-20261120000000
            sku: GU2ZS9HVP6QTQ7KE
            before:
              - {until: 2026-11-01, rate: 0.2, source: lambda-pricing}
              - {until: 2026-11-15, rate: 0.25, source: pl-awslambda-us-east-1-20261110000000}

        """), "\(updated)")
    // 10M requests, 1M free: 9 × the rate per million, on top of $10.00002 of duration.
    #expect(try total(dir, asOf: "2026-10-15") == "11.80002")
    #expect(try total(dir, asOf: "2026-11-05") == "12.25002")
    #expect(try total(dir, asOf: "2026-11-20") == "12.70002")
    let again = try CLI.run(["pricing", "import", "old.json", "new.json", "--pricing", "after"], in: dir)
    #expect(again.status == 0, "\(again.stderr)")
    #expect(again.stdout.hasSuffix("nothing to write: the rates files already hold these rates\n"), "\(again.stdout)")
    #expect(try text(dir) == updated)
  }

  @Test("an older offer for the date of the current rate does not replace it: the newer offer's rate stays")
  func olderOfferDoesNotReplaceANewerRate() throws {
    let dir = try PriceListCommandTests.workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    let changed = PriceListCommandTests.fixture("AWSLambda-us-east-1-changed.json")
    let original = PriceListCommandTests.fixture("AWSLambda-us-east-1.json")
    #expect(try CLI.run(["pricing", "import", changed, "--pricing", "after"], in: dir).status == 0)
    let imported = try text(dir)
    // The offer of 2026-11-01 has the term of the same date as the 2026-11-15 offer, with the old price.
    let older = try CLI.run(["pricing", "import", original, "--pricing", "after"], in: dir)
    #expect(older.status == 0, "\(older.stderr)")
    #expect(
      older.stdout.contains(
        "  older      aws.lambda/duration[x86_64]: 0.0000166667 to 6000000000, 0.000015 to 15000000000, then 0.0000133334 from 2026-11-01 not applied: a newer offer gave the rate for that date (SKU TG3M4CAGBA3NYQBH)"
      ), "\(older.stdout)")
    #expect(older.stdout.contains("0 added, 0 changed, 8 unchanged, 1 superseded, 0 lacking"))
    #expect(try text(dir) == imported)
  }

  @Test("two offers of one region in one import are two dated facts, not one ambiguous SKU; in either order")
  func twoOffersInOneImport() throws {
    let changed = PriceListCommandTests.fixture("AWSLambda-us-east-1-changed.json")
    let original = PriceListCommandTests.fixture("AWSLambda-us-east-1.json")
    var results: [String] = []
    for files in [[changed], [original, changed], [changed, original]] {
      let dir = try PriceListCommandTests.workspace()
      defer { try? FileManager.default.removeItem(at: dir) }
      let run = try CLI.run(["pricing", "import"] + files + ["--pricing", "after"], in: dir)
      #expect(run.status == 0, "\(run.stderr)")
      #expect(!run.stdout.contains("ambiguous"), "\(run.stdout)")
      results.append(try text(dir))
    }
    #expect(results[1] == results[0] && results[2] == results[0])
  }

  @Test("a term without an effectiveDate is refused, located in the offer: it cannot be placed in the history")
  func undatedTermIsRefused() throws {
    let dir = try PriceListCommandTests.workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    let original = try text(dir)
    var product = OfferFixture.Product.requests(usd: "0.0000003000")
    product.effective = nil
    try OfferFixture(products: [product]).write("undated.json", in: dir)
    let run = try CLI.run(["pricing", "import", "undated.json", "--pricing", "after"], in: dir)
    #expect(run.status == 2 && run.stdout.isEmpty)
    #expect(
      run.stderr
        == "undated.json:7:25: error: the on-demand term of SKU GU2ZS9HVP6QTQ7KE has no effectiveDate: without it the rate cannot be placed in the entry's history\n",
      "\(run.stderr)")
    #expect(try text(dir) == original)
  }
}
