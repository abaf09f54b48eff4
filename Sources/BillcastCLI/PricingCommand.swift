import ArgumentParser

/// `billcast pricing`: what the pricing tables hold.
struct PricingCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "pricing",
    abstract: "Show what the pricing tables hold, with their sources.",
    subcommands: [
      PricingListCommand.self, PricingShowCommand.self, PricingValidateCommand.self, PricingImportCommand.self,
      PricingVerifyCommand.self, PricingExportCommand.self,
    ])
}
