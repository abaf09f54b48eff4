import ArgumentParser
import Foundation
import BillcastCore
import BillcastPricing
import BillcastReport

/// `billcast pricing verify FILE...`: every rate that differs from AWS's offers; exit 1 if any does.
struct PricingVerifyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "verify",
    abstract:
      "List every rate that differs from AWS Price List offer files; exit 1 if any differs or cannot be read, 0 if all match.",
    discussion: """
      Exit 2 when an offer file is invalid or gives no rate the tables hold (an empty offer, another \
      service): a verification that compared nothing does not pass.
      """)

  @Argument(help: "Offer files: a region's index.json or index.csv, or get-products output.")
  var files: [String]

  @OptionGroup var pricingOptions: PricingOptions

  func run() throws {
    let verification: PriceListVerification
    let offers: [Offer]
    do throws(DiagnosticError) {
      let catalog = try pricingOptions.loadCatalog(near: nil)
      offers = try Self.readOffers(files, catalog: catalog)
      verification = try PriceListVerification(
        offers: offers, catalog: catalog, directory: pricingOptions.directory(near: nil) ?? "pricing")
    } catch {
      throw exitWithDiagnostics(error)
    }
    try writeReport(PriceListReport.verifyText(verification, offers: offers), to: nil)
    if !verification.passes { throw ExitCode(ExitStatus.checkFailed) }
  }

  /// Reads every offer file, reporting every file's problem at once.
  static func readOffers(_ files: [String], catalog: PricingCatalog) throws(DiagnosticError) -> [Offer] {
    let needs = OfferNeeds(
      catalog.tables.flatMap(\.regionalPrices), usageTypes: PriceListImport.regionalUsageTypes(catalog))
    var offers: [Offer] = []
    var problems: [Diagnostic] = []
    for file in files {
      // A multi-gigabyte offer takes seconds: show how far it is read, on a terminal.
      let line = ProgressLine.onTerminal("billcast pricing: reading \((file as NSString).lastPathComponent)")
      defer { line?.finish() }
      do throws(DiagnosticError) {
        offers.append(
          try OfferReader.read(path: file, needs: needs, progress: line.map { line in { line.update($0) } }))
      } catch {
        problems += error.diagnostics
      }
    }
    if !problems.isEmpty { throw DiagnosticError(problems) }
    return offers
  }
}
