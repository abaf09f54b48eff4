import ArgumentParser

/// The `billcast` command: estimates and forecasts monthly cloud bills.
public struct BillcastCommand: ParsableCommand {
  /// The command's name, summary, version and subcommands.
  public static let configuration = CommandConfiguration(
    commandName: "billcast",
    abstract: "Estimate, compare and forecast monthly cloud bills from a usage profile.",
    version: "0.1.0",
    subcommands: [EstimateCommand.self, CompareCommand.self, ForecastCommand.self, DiffCommand.self, CheckCommand.self, PricingCommand.self, InitCommand.self])

  /// Creates the command.
  public init() {}
}
