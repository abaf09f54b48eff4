import ArgumentParser
import BillcastCore
import BillcastPricing
import BillcastReport

/// `billcast pricing list`: every table and service.
struct PricingListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List the pricing tables and their services.")

  @OptionGroup var pricingOptions: PricingOptions
  @OptionGroup var output: OutputOptions<Format>

  func run() throws {
    let catalog: PricingCatalog
    do { catalog = try pricingOptions.loadCatalog(near: nil) } catch { throw exitWithDiagnostics(error) }
    try output.write(output.format.render(catalog))
  }
}

extension PricingListCommand {
  /// The formats `pricing list` writes: text, Markdown or JSON.
  enum Format: String, ReportFormats {
    case table, markdown, json

    /// The catalog's tables and services in this format.
    func render(_ catalog: PricingCatalog) -> RenderedReport {
      switch self {
      case .table: .table { PricingReport.listText(catalog) }
      case .markdown: .markdown(PricingReport.listMarkdown(catalog))
      case .json: .document(PricingReport.listJSON(catalog))
      }
    }
  }
}
