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
      PricingCommand.self, InitCommand.self, SchemaCommand.self,
    ])

  /// Creates the command.
  package init() {}
}

/// billcast's version, as `--version` prints it and the release archive is named.
package enum BillcastVersion {
  /// The release number (`scripts/release.sh` names the archive after it).
  package static let number = "0.2.0"

  /// `0.2.0 (built-in pricing effective 2026-11-30, version af50bbcfab85)`.
  package static var text: String {
    "\(number) (built-in pricing effective \(BuiltInPricing.effective), version \(BuiltInPricing.version))"
  }
}
