import ArgumentParser
import BillcastCore
import BillcastPricing
import BillcastReport

/// `billcast pricing list`: every table and service.
struct PricingListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List the pricing tables and their services.")

  @OptionGroup var pricingOptions: PricingOptions
  @OptionGroup var output: OutputOptions<ListingFormats>

  func run() throws {
    let catalog: PricingCatalog
    do { catalog = try pricingOptions.loadCatalog(near: nil) } catch { throw exitWithDiagnostics(error) }
    switch output.kind {
    case .json: try output.write(PricingReport.listJSON(catalog))
    case .markdown: try output.write(PricingReport.listMarkdown(catalog))
    case .table, .csv, .html: try output.write(PricingReport.listText(catalog))  // not offered
    }
  }
}
