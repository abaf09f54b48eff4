import BillcastTestSupport
import Foundation
import Testing

/// `billcast pricing verify` and `import` against offer files in AWS's three layouts.
///
/// The fixtures (Fixtures/offers, written by scripts/make-offer-fixtures.py) hold AWS Lambda's
/// us-east-1 products with the SKUs and usage types seen in Price List copies
/// (docs/research/price-list-identities.md 3.2) and the rates of Tests/Fixtures/pricing/aws/rates/us-east-1.yaml,
/// plus products an importer must pass over (Lambda@Edge, the free tier's `Global-Request`).
/// The "changed" file prices x86 tier 1 at $0.0000170000 instead of $0.0000166667.
@Suite("billcast pricing verify and import")
struct PriceListCommandTests {
  static func fixture(_ name: String) -> String { TestSupport.path("Tests/BillcastCLITests/Fixtures/offers/" + name) }

  /// A folder with two copies of the frozen test catalog: `before` and `after`.
  static func workspace() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("billcast-import-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    for side in ["before", "after"] {
      try FileManager.default.copyItem(
        atPath: TestSupport.testPricingPath, toPath: dir.appendingPathComponent(side).path)
    }
    return dir
  }

  /// The lines only in `a` and only in `b`, counting repeats (a multiset difference), sorted.
  static func lineChanges(_ a: String, _ b: String) -> (removed: [String], added: [String]) {
    var counts: [Substring: Int] = [:]
    for line in a.split(separator: "\n") { counts[line, default: 0] += 1 }
    for line in b.split(separator: "\n") { counts[line, default: 0] -= 1 }
    let removed = counts.filter { $0.value > 0 }.flatMap { Array(repeating: String($0.key), count: $0.value) }.sorted()
    let added = counts.filter { $0.value < 0 }.flatMap { Array(repeating: String($0.key), count: -$0.value) }.sorted()
    return (removed, added)
  }

  @Test(
    "an offer with the tables' rates verifies in every layout: 9 rates (requests twice) from 8 products",
    arguments: [
      "AWSLambda-us-east-1.json", "AWSLambda-us-east-1.csv", "AWSLambda-us-east-1.jsonl",
    ])
  func verifyMatches(file: String) throws {
    let run = try CLI.run(["pricing", "verify", Self.fixture(file)])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("8 products kept"))
    #expect(run.stdout.hasSuffix("0 differ, 9 match, 0 lacking\n"), "\(run.stdout)")
  }

  @Test(
    "one changed Lambda rate: verify names it (exit 1), import changes exactly it, diff shows it, a second import changes nothing"
  )
  func oneChangedRate() throws {
    let dir = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    let changed = Self.fixture("AWSLambda-us-east-1-changed.json")
    let verify = try CLI.run(["pricing", "verify", changed, "--pricing", "after"], in: dir)
    #expect(verify.status == 1)
    #expect(verify.stdout.contains("differs  us-east-1 aws.lambda/duration[x86_64]"))
    #expect(verify.stdout.contains("SKU TG3M4CAGBA3NYQBH, offer of 2026-11-15T00:00:00Z"))
    #expect(verify.stdout.contains("tier 1: 0.0000166667 → 0.000017"))
    #expect(verify.stdout.hasSuffix("1 differ, 8 match, 0 lacking\n"))

    let rates = dir.appendingPathComponent("after/aws/rates/us-east-1.yaml")
    let original = try String(contentsOf: rates, encoding: .utf8)
    let imported = try CLI.run(["pricing", "import", changed, "--pricing", "after"], in: dir)
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(
      imported.stdout.contains(
        "changed    aws.lambda/duration[x86_64]: tier 1 0.0000166667 → 0.000017 (SKU TG3M4CAGBA3NYQBH); the old rate is kept until 2026-11-01"
      ))
    #expect(imported.stdout.contains("0 added, 1 changed, 8 unchanged, 0 lacking"))
    let updated = try String(contentsOf: rates, encoding: .utf8)
    // Exactly that entry's source, SKU and tier 1, and the offer as a new source dated by its publication.
    let (removed, added) = Self.lineChanges(original, updated)
    #expect(
      removed == [
        "      - {upto: 6000000000, rate: 0.0000166667, source: lambda-pricing}", "    source: lambda-pricelist",
      ])
    #expect(added.contains("      - {upto: 6000000000, rate: 0.000017}"))
    #expect(added.contains("    sku: TG3M4CAGBA3NYQBH"))
    #expect(added.contains("    read: 2026-11-15"))
    #expect(
      added.contains(
        "    url: https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AWSLambda/20261115000000/us-east-1/index.json"
      ))
    // The old ladder stays in force before the new term's effective date (2026-11-01), after the history already there.
    #expect(
      added.contains(
        "      - {until: 2026-11-01, source: lambda-pricelist, tiers: [{upto: 6000000000, rate: 0.0000166667}, {upto: 15000000000, rate: 0.000015}, {rate: 0.0000133334}]}"
      ))
    #expect(added.count == 9)  // source, sku, tier 1, the earlier ladder, and the five lines of the new source
    #expect(updated.contains("- {until: 2022-08-01, rate: 0.0000166667, source: lambda-tiers-blog}"))  // history kept

    // 10M requests × 100 ms × 1 GB: 600,000 GB-s billable after 400,000 free; × $0.0000166667 = $10.00002,
    // × $0.000017 = $10.20: the change is $0.19998.
    try DiffCommandTests.profile(withAPI: false).write(
      to: dir.appendingPathComponent("p.yaml"), atomically: true, encoding: .utf8)
    let diff = try CLI.run(
      ["diff", "p.yaml", "--before-pricing", "before", "--after-pricing", "after", "--format", "json"], in: dir)
    #expect(diff.status == 0)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(diff.stdout.utf8)) as? [String: Any])
    let lines = try #require(object["lines"] as? [[String: Any]])
    #expect(lines.count == 1 && (lines.first?["change"] as? [String: String])?["high"] == "0.19998")

    // With the after pricing alone, a date before the change still prices with the old rate: the same $0.19998.
    let byDate = try CLI.run(
      [
        "diff", "p.yaml", "--pricing", "after", "--before-as-of", "2026-10-31", "--after-as-of", "2026-11-01",
        "--format", "json",
      ], in: dir)
    #expect(byDate.status == 0, "\(byDate.stderr)")
    let dated = try #require(try JSONSerialization.jsonObject(with: Data(byDate.stdout.utf8)) as? [String: Any])
    #expect(((dated["lines"] as? [[String: Any]])?.first?["change"] as? [String: String])?["high"] == "0.19998")

    let again = try CLI.run(["pricing", "import", changed, "--pricing", "after"], in: dir)
    #expect(again.status == 0)
    #expect(again.stdout.contains("0 added, 0 changed, 9 unchanged, 0 lacking"))
    #expect(again.stdout.hasSuffix("nothing to write: the rates files already hold these rates\n"))
    #expect(try String(contentsOf: rates, encoding: .utf8) == updated)
  }

  @Test("a truncated offer exits 2 with a located error and writes nothing")
  func truncated() throws {
    let dir = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    let whole = try Data(contentsOf: URL(fileURLWithPath: Self.fixture("AWSLambda-us-east-1-changed.json")))
    let cut = dir.appendingPathComponent("cut.json")
    try whole.prefix(9000).write(to: cut)
    let rates = dir.appendingPathComponent("after/aws/rates/us-east-1.yaml")
    let original = try Data(contentsOf: rates)
    for command in ["import", "verify"] {
      let run = try CLI.run(["pricing", command, "cut.json", "--pricing", "after"], in: dir)
      #expect(run.status == 2 && run.stdout.isEmpty)
      #expect(
        run.stderr.hasPrefix("cut.json:267:13: error: the file ends inside a string: it is truncated"), "\(run.stderr)")
    }
    #expect(try Data(contentsOf: rates) == original)
    // A CSV cut mid-row, and a get-products line cut short.
    let csv = try String(contentsOfFile: Self.fixture("AWSLambda-us-east-1.csv"), encoding: .utf8)
    try String(csv.prefix(2000)).write(to: dir.appendingPathComponent("cut.csv"), atomically: true, encoding: .utf8)
    let csvRun = try CLI.run(["pricing", "import", "cut.csv", "--pricing", "after"], in: dir)
    #expect(csvRun.status == 2 && csvRun.stderr.contains("cut.csv:"), "\(csvRun.stderr)")
    let lines = try String(contentsOfFile: Self.fixture("AWSLambda-us-east-1.jsonl"), encoding: .utf8)
    try String(lines.prefix(1500)).write(to: dir.appendingPathComponent("cut.jsonl"), atomically: true, encoding: .utf8)
    let linesRun = try CLI.run(["pricing", "import", "cut.jsonl", "--pricing", "after"], in: dir)
    #expect(
      linesRun.status == 2 && linesRun.stderr.contains("cut.jsonl:2:1: error: this line is not a whole JSON document"),
      "\(linesRun.stderr)")
    #expect(try Data(contentsOf: rates) == original)
  }

  @Test("an offer for a region without a rates file creates one; eu-west-1's EU- prefix is removed to match")
  func newRegion() throws {
    let dir = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    let rates = dir.appendingPathComponent("after/aws/rates/eu-west-1.yaml")
    try? FileManager.default.removeItem(at: rates)
    let run = try CLI.run(
      ["pricing", "import", Self.fixture("AWSLambda-eu-west-1.jsonl"), "--pricing", "after"], in: dir)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("9 added, 0 changed, 0 unchanged, 0 lacking"))
    let text = try String(contentsOf: rates, encoding: .utf8)
    #expect(text.contains("id: aws/eu-west-1\nprovider: aws\nregion: eu-west-1\neffective: 2026-11-01\n"))
    #expect(
      text.contains(
        "  aws.lambda/requests: {rate: 0.2, source: pl-awslambda-eu-west-1-20261101000000, sku: GU2ZS9HVP6QTQ7KE}"))
    // Lambda is now priced in eu-west-1: 10M requests × 100 ms × 1 GB as in the diff test:
    // $10.00002 duration + (10M − 1M) × $0.20/1M = $1.80 requests = $11.80002.
    let profile = DiffCommandTests.profile(withAPI: false).replacingOccurrences(
      of: "region: us-east-1", with: "region: eu-west-1")
    try profile.write(to: dir.appendingPathComponent("p.yaml"), atomically: true, encoding: .utf8)
    let estimate = try CLI.run(["estimate", "p.yaml", "--pricing", "after", "--format", "json"], in: dir)
    #expect(estimate.status == 0, "\(estimate.stderr)")
    #expect(estimate.stdout.contains("\"high\": \"11.80002\""))
  }

  @Test("a component that needs a rate its region lacks is an error naming the rates it needs")
  func absentService() throws {
    let dir = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    let rates = dir.appendingPathComponent("after/aws/rates/eu-west-1.yaml")
    try """
    format: billcast.rates/1
    id: aws/eu-west-1
    provider: aws
    region: eu-west-1
    effective: 2026-11-30
    sources: {}
    rates:
      aws.lambda/requests: {rate: 0.20, source: lambda-pricing}

    """.write(to: rates, atomically: true, encoding: .utf8)
    let profile = DiffCommandTests.profile(withAPI: false).replacingOccurrences(
      of: "region: us-east-1", with: "region: eu-west-1")
    try profile.write(to: dir.appendingPathComponent("p.yaml"), atomically: true, encoding: .utf8)
    let run = try CLI.run(["estimate", "p.yaml", "--pricing", "after"], in: dir)
    #expect(run.status == 2 && run.stdout.isEmpty)
    // The component runs on x86 without the `provisioned` switch: it needs the x86 duration and
    // ephemeral-storage rates (their quantities follow the workload), not the arm64 ones or provisioned
    // requests; nor provisioned concurrency's, whose quantity is 0 without provisioned instances
    // (`unused-without-rate`, a warning: see RegionTests).
    #expect(
      run.stderr.contains(
        "error: architectures.functions.components.fn.service: aws.lambda cannot be priced in eu-west-1 for this component: after/aws/rates/eu-west-1.yaml has no rate for aws.lambda/duration[x86_64], aws.lambda/ephemeral-storage; billcast never borrows another region's rates"
      ), "\(run.stderr)")
    // A misspelt entry is an error in the rates file, with a suggestion.
    try (String(contentsOf: rates, encoding: .utf8) + "  aws.lambda/request: {rate: 0.20, source: lambda-pricing}\n")
      .write(to: rates, atomically: true, encoding: .utf8)
    let misspelt = try CLI.run(["pricing", "validate", "after"], in: dir)
    #expect(misspelt.status == 2)
    #expect(
      misspelt.stderr.contains(
        "after/aws/rates/eu-west-1.yaml:9:3: error: rates.aws.lambda/request: no model price takes the rate 'aws.lambda/request' (did you mean 'aws.lambda/requests'?)"
      ), "\(misspelt.stderr)")
  }

  @Test("validate --max-age fails on a table confirmed longer ago, naming it and its date")
  func maxAge() throws {
    let dir = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    let rates = dir.appendingPathComponent("after/aws/rates/eu-west-1.yaml")
    let text = try String(contentsOf: rates, encoding: .utf8)
    let effective = try #require(text.range(of: #"effective: \d{4}-\d\d-\d\d"#, options: .regularExpression))
    try text.replacingCharacters(in: effective, with: "effective: 2020-01-01").write(
      to: rates, atomically: true, encoding: .utf8)
    let run = try CLI.run(["pricing", "validate", "after", "--max-age", "120"], in: dir)
    #expect(run.status == 2 && run.stdout.isEmpty)
    #expect(
      run.stderr.contains(
        "after/aws/rates/eu-west-1.yaml:6:5: error: id: aws/eu-west-1 was last confirmed on 2020-01-01, "),
      "\(run.stderr)")
    #expect(run.stderr.contains("days ago: more than --max-age 120"))
    #expect(!run.stderr.contains("aws/us-east-1 was"))
    let negative = try CLI.run(["pricing", "validate", "after", "--max-age", "-1"], in: dir)
    #expect(negative.status == 64)
  }

  @Test("import --dry-run prints what would change and writes nothing")
  func dryRun() throws {
    let dir = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    let rates = dir.appendingPathComponent("after/aws/rates/us-east-1.yaml")
    let original = try Data(contentsOf: rates)
    let run = try CLI.run(
      ["pricing", "import", Self.fixture("AWSLambda-us-east-1-changed.csv"), "--pricing", "after", "--dry-run"], in: dir
    )
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("0 added, 1 changed, 8 unchanged, 0 lacking"))
    #expect(run.stdout.hasSuffix("would write after/aws/rates/us-east-1.yaml\n"), "\(run.stdout)")
    #expect(try Data(contentsOf: rates) == original)
  }

  @Test("an offer whose publicationDate is not a date is refused: it would date every rate imported from it")
  func undatedOffer() throws {
    let dir = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    let lines = try String(contentsOfFile: Self.fixture("AWSLambda-us-east-1.jsonl"), encoding: .utf8)
    try lines.replacingOccurrences(
      of: "\"publicationDate\":\"2026-11-01T00:00:00Z\"", with: "\"publicationDate\":\"soon\""
    )
    .write(to: dir.appendingPathComponent("undated.jsonl"), atomically: true, encoding: .utf8)
    let run = try CLI.run(["pricing", "import", "undated.jsonl", "--pricing", "after"], in: dir)
    #expect(run.status == 2 && run.stdout.isEmpty)
    #expect(run.stderr.hasPrefix("undated.jsonl:1:1: error: publicationDate 'soon' is not a date"), "\(run.stderr)")
  }
}
