import ArgumentParser
import BillcastBuiltIn
import BillcastPricing

/// The `billcast` command: estimates and forecasts monthly cloud bills.
package struct BillcastCommand: ParsableCommand {
  /// The command's name, summary, version and subcommands.
  package static let configuration = CommandConfiguration(
    commandName: "billcast",
    abstract: "Estimate, compare and forecast monthly cloud bills from a usage profile.",
    version: BillcastVersion.text,
    subcommands: [
      EstimateCommand.self, CompareCommand.self, ForecastCommand.self, DiffCommand.self, CheckCommand.self,
      ReconcileCommand.self, PricingCommand.self, InitCommand.self, SchemaCommand.self,
    ])

  /// Creates the command.
  package init() {}
}
