import ArgumentParser
import BillcastCore
import BillcastEngine
import BillcastPricing
import BillcastProfile
import BillcastReport

/// `billcast estimate PROFILE`: the monthly bill of every scenario × architecture.
struct EstimateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "estimate",
    abstract: "Price a usage profile: the monthly cost of each scenario × architecture, service by service.")

  @Argument(help: "The usage profile (YAML).")
  var profile: String

  @Option(name: .long, help: "Price only this scenario (repeatable).")
  var scenario: [String] = []

  @Option(name: .long, help: "Price only this architecture (repeatable).")
  var architecture: [String] = []

  @Option(name: .customLong("as-of"), help: ArgumentHelp("Price with the rules in force on this date (YYYY-MM-DD); default: the profile's as_of, else today.", valueName: "date"))
  var asOf: CalendarDate?

  @Option(name: .customLong("free-tier"), help: "Override the account's free tier.")
  var freeTier: Account.FreeTier?

  @Flag(name: .long, help: "Show each line's arithmetic: usage − free tier, tier × rate, each component's share.")
  var explain = false

  @OptionGroup var pricingOptions: PricingOptions
  @OptionGroup var output: OutputOptions

  func run() throws {
    let estimate: Estimate
    do {
      let profile = try Profile.load(path: self.profile)
      let catalog = try pricingOptions.loadCatalog(near: self.profile)
      let resolved = try ResolvedProfile.resolve(profile, catalog: catalog)
      let options = EstimateOptions(
        asOf: asOf, today: today(), freeTier: freeTier,
        scenarios: scenario.isEmpty ? nil : scenario, architectures: architecture.isEmpty ? nil : architecture)
      estimate = try Estimator.estimate(resolved, options: options)
    } catch {
      throw exitWithDiagnostics(error)
    }
    switch output.format {
    case .table: try output.write(EstimateText.render(estimate, explain: explain))
    case .markdown: try output.write(EstimateMarkdown.render(estimate, explain: explain))
    case .json: try output.write(EstimateJSON.render(estimate))
    }
  }
}

extension Account.FreeTier: ExpressibleByArgument {}
