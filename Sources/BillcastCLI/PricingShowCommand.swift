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
  @OptionGroup var output: OutputOptions<ListingFormats>

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
    switch output.kind {
    case .json: try output.write(PricingReport.showJSON(svc, table: table, pools: pools))
    case .markdown, .table, .csv, .html:  // csv and html are not offered
      try output.write(PricingReport.showText(svc, table: table, pools: pools, markdown: output.kind == .markdown))
    }
  }
}
