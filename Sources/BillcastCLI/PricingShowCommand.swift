import ArgumentParser
import BillcastCore
import BillcastPricing
import BillcastReport

/// `billcast pricing show SERVICE`: one service's inputs, meters, prices and sources.
struct PricingShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show", abstract: "Show one service: inputs, meters, prices, free tier, notes and sources.")

  @Argument(help: "The service id, like aws.lambda.")
  var service: String

  @Option(name: .long, help: "The region.")
  var region: String = "us-east-1"

  @OptionGroup var pricingOptions: PricingOptions
  @OptionGroup var output: OutputOptions<Format>

  func run() throws {
    let catalog: PricingCatalog
    do { catalog = try pricingOptions.loadCatalog(near: nil) } catch { throw exitWithDiagnostics(error) }
    guard let svc = catalog.service(service, region: region),
      let table = catalog.table(holding: service, region: region)
    else {
      throw exitWithDiagnostics(
        DiagnosticError([
          Diagnostic(
            file: "billcast",
            message:
              "no service '\(TerminalText.excerpt(service))' in \(region)\(Spelling.hint(for: service, among: catalog.serviceIDs(region: region)))"
          )
        ]))
    }
    let pools = catalog.freeTierPools(region: region).filter { $0.draws.contains { $0.service == service } }
    try output.write(output.format.render(svc, table: table, pools: pools))
  }
}

extension PricingShowCommand {
  /// The formats `pricing show` writes: text, Markdown or JSON.
  enum Format: String, ReportFormats {
    case table, markdown, json

    /// One service of `table`, with the free-tier pools it draws from, in this format.
    func render(_ service: Service, table: PricingTable, pools: [FreeTierPool]) -> RenderedReport {
      switch self {
      case .table: .table { PricingReport.showText(service, table: table, pools: pools, markdown: false) }
      case .markdown: .markdown(PricingReport.showText(service, table: table, pools: pools, markdown: true))
      case .json: .document(PricingReport.showJSON(service, table: table, pools: pools))
      }
    }
  }
}
