import BillcastTestSupport
import Foundation
import Testing

/// The binary prices with its built-in tables where no pricing directory is found, as a release user sees it.
///
/// These tests are about the built-in tables themselves (they are the live pricing/, and price as
/// it does), so they run without the frozen test catalog and assert no rate.
@Suite struct BuiltInPricingCLITests {
  static let example = TestSupport.path("examples/job-posting-analyzer.yaml")

  /// A new empty directory with no `pricing` directory in it or above it.
  func emptyDirectory() throws -> URL {
    let dir = URL(fileURLWithPath: "/tmp/billcast-builtin-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: Self.example, toPath: dir.appendingPathComponent("profile.yaml").path)
    return dir
  }

  @Test func anEmptyFolderPricesWithTheBuiltInTables() throws {
    let dir = try emptyDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let builtIn = try CLI.run(["estimate", "profile.yaml"], in: dir, environment: CLI.findsItsPricing)
    let repository = try CLI.run(["estimate", Self.example], environment: CLI.findsItsPricing)
    #expect(builtIn.status == 0, "\(builtIn.stderr)")
    // The header says where the prices came from; every other line is the repository's, figure for figure.
    let header = builtIn.stdout.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(header[2].hasPrefix("Pricing (built into billcast): aws/global (effective "))
    #expect(
      builtIn.stdout.replacingOccurrences(of: "Pricing (built into billcast):", with: "Pricing (from pricing):")
        == repository.stdout)
  }

  @Test func versionNamesTheBuiltInPricingsDate() throws {
    let run = try CLI.run(["--version"])
    #expect(run.status == 0)
    #expect(run.stdout.hasPrefix("0.2.0 (built-in pricing effective "), "\(run.stdout)")
    #expect(run.stdout.contains(", version "), "\(run.stdout)")
  }

  @Test func exportWritesTheTablesThatThenPriceTheSame() throws {
    let dir = try emptyDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let export = try CLI.run(["pricing", "export", "tables"], in: dir, environment: CLI.findsItsPricing)
    #expect(export.status == 0, "\(export.stderr)")
    // Every pricing file of pricing/ (a service's resources.yaml and fixtures.yaml are not pricing files).
    let pricingFiles = FileManager.default.enumerator(atPath: TestSupport.path("pricing"))!.compactMap { $0 as? String }
      .filter { $0.hasSuffix(".yaml") && !$0.hasSuffix("resources.yaml") && !$0.hasSuffix("fixtures.yaml") }
    #expect(export.stdout.hasPrefix("Wrote \(pricingFiles.count) pricing files (built-in pricing "), "\(export.stdout)")
    let exported = try CLI.run(["estimate", "profile.yaml", "--pricing", "tables"], in: dir)
    #expect(
      exported.stdout.replacingOccurrences(of: "Pricing (from tables):", with: "Pricing (from pricing):")
        == (try CLI.run(["estimate", Self.example], environment: CLI.findsItsPricing)).stdout)
    // A second export would replace the user's files: it refuses, naming each one.
    let again = try CLI.run(["pricing", "export", "tables"], in: dir)
    #expect(again.status == 2)
    #expect(
      again.stderr.contains("billcast: error: tables/aws/global.yaml exists; export does not replace pricing files"))
  }

  @Test func importNeedsADirectoryToWriteInto() throws {
    let dir = try emptyDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let run = try CLI.run(["pricing", "import", "offer.json"], in: dir, environment: CLI.findsItsPricing)
    #expect(run.status == 64)
    #expect(run.stderr.contains("import writes into a pricing directory, and none was found: give --pricing DIR"))
    #expect(run.stdout.isEmpty)
  }

  @Test func validateWithoutADirectoryChecksTheBuiltInTables() throws {
    let dir = try emptyDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let run = try CLI.run(["pricing", "validate"], in: dir, environment: CLI.findsItsPricing)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.hasPrefix("built-in pricing "))
    #expect(run.stdout.contains(": 6 tables, "))
  }
}
