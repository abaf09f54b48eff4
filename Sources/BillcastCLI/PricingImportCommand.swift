import ArgumentParser
import Foundation
import BillcastCore
import BillcastPricing
import BillcastReport

/// `billcast pricing import FILE...`: AWS Price List offers into the regions' rates files.
struct PricingImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Update the rates files from AWS Price List offer files (Bulk JSON, CSV or get-products lines).",
    discussion: """
      Each rate a model needs is found by its Price List identity, converted to the meter's unit, and \
      written to pricing/PROVIDER/rates/REGION.yaml with the offer as its source. Nothing is written \
      unless every file reads and the tables still load; then every file is staged beside its target \
      and all are renamed into place, or none is (exit 74). A rates file that is a symbolic link, or \
      that another user owns, is not replaced (as root, the owner and mode are kept).
      """)

  @Argument(help: "Offer files: a region's index.json or index.csv, or get-products output (one product per line).")
  var files: [String]

  @OptionGroup var pricingOptions: PricingOptions

  @Flag(name: .long, help: "Print what would change without writing.")
  var dryRun = false

  func run() throws {
    guard let directory = pricingOptions.directory(near: nil) else {
      throw ValidationError(
        "import writes into a pricing directory, and none was found: give --pricing DIR (to start from the built-in tables, write them out with 'billcast pricing export DIR')"
      )
    }
    let plan: PriceListImport
    let offers: [Offer]
    do throws(DiagnosticError) {
      let catalog = try pricingOptions.loadCatalog(near: nil)
      offers = try PricingVerifyCommand.readOffers(files, catalog: catalog)
      plan = try PriceListImport(offers: offers, catalog: catalog, directory: directory)
      try plan.validate(directory: directory)
    } catch {
      throw exitWithDiagnostics(error)
    }
    if !dryRun {
      // All or nothing: every file staged beside its target, then all renamed into place.
      do throws(WriteFailure) {
        try FileSet.write(plan.files, mode: .replace)
      } catch {
        ReportFile.writeStandardError("billcast: error: \(error)\n")
        throw ExitCode(ExitStatus.writeFailed)
      }
    }
    try writeReport(PriceListReport.importText(plan, offers: offers, wrote: !dryRun), to: nil)
  }
}
