@testable import BillcastBuiltIn
import BillcastCore
@testable import BillcastPricing
import BillcastTestSupport
import Foundation
import Testing

/// The tables compiled into billcast are the repository's `pricing/`, byte for byte, and load as they do.
@Suite struct BuiltInPricingTests {
  @Test func theBuiltInFilesAreThePricingDirectoryByteForByte() throws {
    let root = TestSupport.path("pricing")
    let onDisk = PricingCatalog.yamlFiles(under: root).map { String($0.dropFirst(root.count + 1)) }.sorted()
    #expect(BuiltInPricing.contents.map(\.path) == onDisk)
    for file in BuiltInPricing.contents {
      let text = try String(contentsOfFile: root + "/" + file.path, encoding: .utf8)
      #expect(file.text == text, "\(file.path) differs from the built-in copy")
    }
  }

  @Test("the snapshot compiled into billcast is of the built-in tables, and decodes to exactly what their YAML gives")
  func theCompiledSnapshotIsTheYAMLsTables() throws {
    #expect(
      BuiltInPricing.snapshotTables.map(\.id) == [
        "aws/eu-central-1", "aws/eu-west-1", "aws/global", "aws/us-east-1", "aws/us-west-2", "firebase/global",
      ])
    // Every region alone, none (the global tables only) and all: every stored property of every table.
    for wanted: Set<String>? in [nil, [], ["us-east-1"], ["us-west-2"], ["eu-west-1"], ["eu-central-1"]] {
      let compiled = try #require(BuiltInPricing.compiledCatalog(regions: wanted))
      let yaml = try BuiltInPricing.read(limits: .standard, regions: { wanted }, cache: nil)
      #expect(compiled.tables.map(\.id) == yaml.tables.map(\.id), "\(String(describing: wanted))")
      #expect(PricingSnapshotTests.canonical(compiled.tables) == PricingSnapshotTests.canonical(yaml.tables))
    }
    // Only the region asked for is decoded, with the global tables.
    #expect(
      BuiltInPricing.compiledCatalog(regions: ["eu-west-1"])?.tables.map(\.id) == [
        "aws/eu-west-1", "aws/global", "firebase/global",
      ])
    // Stricter limits, or compiled: false, read the YAML (the same tables).
    let strict = try BuiltInPricing.catalog(limits: YAMLLimits(maximumDepth: 63), regions: { ["us-east-1"] })
    #expect(
      strict.tables.map(\.sha256) == (try BuiltInPricing.catalog(regions: { ["us-east-1"] })).tables.map(\.sha256))
  }

  @Test func theBuiltInCatalogIsTheDirectorysCatalog() throws {
    let builtIn = try BuiltInPricing.catalog()
    // The live pricing/ (the built-in tables are its copy), not the frozen test catalog; no rate is asserted.
    let directory = try PricingCatalog.load(directory: TestSupport.path("pricing"))
    // Same tables, composed from the same bytes: the same ids and digests; only the paths say where from.
    #expect(builtIn.tables.map(\.id) == directory.tables.map(\.id))
    #expect(builtIn.tables.map(\.sha256) == directory.tables.map(\.sha256))
    #expect(builtIn.tables.allSatisfy { $0.path.hasPrefix("built-in:aws/") || $0.path == "built-in:firebase.yaml" })
    // The version `--version` prints is the earliest date any table was confirmed.
    #expect(BuiltInPricing.effective == directory.tables.map(\.effective).min())
  }

  @Test func theVersionIsADigestOfThePathsAndTheirContents() throws {
    // embed-pricing-snapshot: sha256 over "path\0sha256(text)\n" for each file in path order.
    let material = BuiltInPricing.contents.map { "\($0.path)\u{0}\(SHA256.hex($0.text.utf8))\n" }.joined()
    #expect(BuiltInPricing.version == String(SHA256.hex(material.utf8).prefix(12)))
  }

  @Test func onlyTheRequestedRegionIsComposed() throws {
    let catalog = try BuiltInPricing.catalog(regions: { ["eu-west-1"] })
    #expect(catalog.tables.map(\.id) == ["aws/eu-west-1", "aws/global", "firebase/global"])
  }
}

/// `OfferReader.read(progress:)` reports how much of an offer file is read, ending at all of it.
@Suite struct OfferProgressTests {
  @Test func progressRisesToTheWholeFile() throws {
    let catalog = try TestSupport.testCatalog()
    let needs = OfferNeeds(catalog.tables.flatMap(\.regionalPrices))
    let shares = Shares()
    // A 14,468-byte offer is read in one chunk of 1 MB: one report, of the whole file.
    let offer = try OfferReader.read(
      path: TestSupport.path("Tests/BillcastCLITests/Fixtures/offers/AWSLambda-us-east-1.json"), needs: needs
    ) { shares.add($0) }
    #expect(shares.all == [1.0])
    // Reading with and without a progress callback keeps the same products.
    let plain = try OfferReader.read(
      path: TestSupport.path("Tests/BillcastCLITests/Fixtures/offers/AWSLambda-us-east-1.json"), needs: needs)
    #expect(offer.products.map(\.sku) == plain.products.map(\.sku) && !offer.products.isEmpty)
  }

  final class Shares: @unchecked Sendable {
    var all: [Double] = []
    func add(_ share: Double) { all.append(share) }
  }
}
