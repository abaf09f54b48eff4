import ArgumentParser
import BillcastBuiltIn
import BillcastCore
import BillcastEngine
import BillcastPricing
import BillcastProfile
import Foundation

/// `billcast pricing validate [DIR]`: every table well-formed and sourced; the examples' services priced.
struct PricingValidateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract:
      "Check pricing tables: well-formed, every price sourced and dated, tiers ascending, dates in order; exit 2 on any problem."
  )

  @Argument(
    help: ArgumentHelp(
      "The pricing directory (default: ./pricing if it exists, else the built-in tables).", valueName: "dir"),
    completion: .directory)
  var directory: String?

  @Option(
    name: .long,
    help: ArgumentHelp("Also check that the tables price every service the profiles here use.", valueName: "dir"))
  var examples: String?

  @Option(
    name: .customLong("max-age"),
    help: ArgumentHelp("Fail on a table last confirmed more than this many days before today.", valueName: "days"))
  var maxAge: Int?

  func validate() throws {
    if let maxAge, maxAge < 0 { throw ValidationError("--max-age must be 0 or more days, found \(maxAge)") }
  }

  func run() throws {
    do {
      let directory = self.directory ?? (PricingOptions.isDirectory("pricing") ? "pricing" : nil)
      let catalog = try PricingOptions.load(directory: directory)
      // Each source is dated by the file that lists it: a directory's files, or the built-in ones.
      let fileEffective =
        directory.map { PricingValidation.fileEffectiveDates(PricingCatalog.yamlFiles(under: $0)) }
        ?? PricingValidation.fileEffectiveDates(
          texts: BuiltInPricing.contents.map { (BuiltInPricing.pathPrefix + $0.path, $0.text) })
      var problems = PricingValidation.check(catalog, today: CalendarDate.today(), fileEffective: fileEffective)
      if let maxAge {
        for table in catalog.tables {
          let age = CalendarDate.today().daysSince1970 - table.effective.daysSince1970
          guard age > maxAge else { continue }
          let location = table.idLocation ?? SourceLocation(file: table.path)
          problems.append(
            location.diagnostic(
              .error,
              "\(table.id) was last confirmed on \(table.effective), \(age) days ago: more than --max-age \(maxAge); check its prices (billcast pricing verify) and update 'effective'"
            ))
        }
      }
      if let examples {
        let listing: [String]
        do {
          listing = try FileManager.default.contentsOfDirectory(atPath: examples)
        } catch {
          let reason = FileStatus.of(examples).map { $0.isDirectory ? "it cannot be listed" : "it is not a directory" }
          let why: String
          switch reason {
          case .success(let text): why = text
          case .failure(let error): why = error.description
          }
          throw DiagnosticError([Diagnostic(file: examples, message: "cannot read the examples directory: \(why)")])
        }
        let files = listing.filter { $0.hasSuffix(".yaml") }.sorted()
        if files.isEmpty {
          throw DiagnosticError([
            Diagnostic(file: examples, message: "the examples directory has no profiles (*.yaml) to check")
          ])
        }
        for file in files {
          let path = (examples as NSString).appendingPathComponent(file)
          do {
            _ = try ResolvedProfile.resolve(Profile.reading(path: path), catalog: catalog)
          } catch {
            problems += error.diagnostics
          }
        }
      }
      if !problems.isEmpty { throw DiagnosticError(problems) }
      let s = PricingValidation.summary(catalog)
      try writeReport(
        "\(directory ?? "built-in pricing \(BuiltInPricing.version)"): \(s.tables) tables, \(s.services) services, \(s.meters) meters, \(s.prices) prices from \(s.sources) sources, \(s.pools) free-tier pools, \(s.identities) Price List identities (\(s.confirmed) confirmed, \(s.unconfirmed) unconfirmed): all well-formed and sourced"
          + (examples.map { "; every service the profiles in \($0) use is priced" } ?? "") + "\n", to: nil)
    } catch let error as DiagnosticError {
      throw exitWithDiagnostics(error)
    }
  }
}
