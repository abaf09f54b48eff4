import BillcastCore
import BillcastEngine
import BillcastPricing
import BillcastProfile
import Foundation

/// Shared helpers for billcast's tests: the repository's paths, and loading YAML from strings.
public enum TestSupport {
  /// The first lines of a test pricing table (id `test/r`, region `r`, one source `page`),
  /// ending with `services:`; a test appends its services, indented two spaces.
  public static let pricingTableHeader = """
    format: billcast.pricing/1
    id: test/r
    provider: test
    region: r
    currency: USD
    effective: 2026-01-01
    sources:
      page: {url: https://example.com/pricing, read: 2026-01-01, grade: P}
    services:

    """

  /// One service for tables under ``pricingTableHeader``: `test.svc`, a numeric input `n` and a
  /// meter `requests` = n at `rate` dollars each.
  public static func testService(rate: String) -> String {
    """
      test.svc:
        name: Test
        inputs:
          n: {unit: requests, hard: {min: 0}}
        meters:
          requests:
            unit: requests
            quantity: n
            price: {rate: \(rate), per: 1, source: page}

    """
  }

  /// The repository's root directory.
  public static let repositoryRoot: URL = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
      url = url.deletingLastPathComponent()
      if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
    }
    fatalError("Package.swift not found above \(#filePath)")
  }()

  /// A path inside the repository.
  public static func path(_ relative: String) -> String { repositoryRoot.appendingPathComponent(relative).path }

  /// The frozen test catalog's directory, relative to the repository's root: a copy of
  /// `pricing/` that every test prices against, so that a rate edited in `pricing/` changes no
  /// file under `Tests/` (docs/testing.md says when to refresh it: never for a rate change).
  public static let testPricingRelativePath = "Tests/Fixtures/pricing"

  /// The frozen test catalog's directory (absolute).
  public static var testPricingPath: String { path(testPricingRelativePath) }

  /// The frozen test catalog's tables (``testPricingPath``).
  public static func testCatalog() throws -> PricingCatalog {
    try PricingCatalog.load(directory: testPricingPath)
  }

  /// A catalog read from YAML texts (one per table); throws every problem found.
  public static func catalog(_ texts: String..., file: String = "table.yaml") throws -> PricingCatalog {
    let collector = DiagnosticCollector()
    var documents: [YAMLDocument] = []
    for (i, text) in texts.enumerated() {
      documents.append(try YAMLDocument.parse(text, path: texts.count == 1 ? file : "table\(i).yaml"))
    }
    let catalog = PricingCatalog.read(documents, diagnostics: collector)
    try collector.throwIfErrors()
    return catalog
  }

  /// The diagnostics a set of pricing-table texts produce.
  public static func pricingDiagnostics(_ text: String, file: String = "table.yaml") -> [Diagnostic] {
    do {
      _ = try catalog(text, file: file)
      return []
    } catch let error as DiagnosticError {
      return error.diagnostics
    } catch {
      return []
    }
  }

  /// A profile read from YAML text.
  public static func profile(_ text: String, file: String = "profile.yaml") throws -> Profile {
    try Profile.read(try YAMLDocument.parse(text, path: file))
  }

  /// The diagnostics a profile text produces (loading only).
  public static func profileDiagnostics(_ text: String, file: String = "profile.yaml") -> [Diagnostic] {
    do {
      _ = try profile(text, file: file)
      return []
    } catch let error as DiagnosticError {
      return error.diagnostics
    } catch {
      return []
    }
  }

  /// Prices a profile text against a catalog.
  public static func estimate(
    _ profileText: String, catalog: PricingCatalog, asOf: CalendarDate? = nil, freeTier: Account.FreeTier? = nil,
    today: CalendarDate = CalendarDate("2026-11-25")!
  ) throws -> Estimate {
    let resolved = try ResolvedProfile.resolve(try profile(profileText), catalog: catalog)
    return try Estimator.estimate(resolved, options: EstimateOptions(asOf: asOf, today: today, freeTier: freeTier))
  }

  /// An exact decimal from text (test literals).
  public static func d(_ text: String) -> ExactDecimal {
    guard let v = ExactDecimal(text) else { fatalError("bad decimal literal \(text)") }
    return v
  }
}
