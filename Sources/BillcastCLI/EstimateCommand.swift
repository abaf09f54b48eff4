import ArgumentParser
import BillcastCore
import BillcastEngine
import BillcastProfile
import BillcastReport

/// `billcast estimate PROFILE`: the monthly bill of every scenario × architecture.
struct EstimateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "estimate",
    abstract: "Price a usage profile: the monthly cost of each scenario × architecture, service by service.")

  @OptionGroup var profile: ProfileOptions

  @Flag(name: .long, help: "Show each line's arithmetic: usage − free tier, tier × rate, each component's share.")
  var explain = false

  @OptionGroup var output: OutputOptions<AllFormats>

  func run() throws {
    let estimate: Estimate
    do {
      estimate = try Estimator.estimate(try profile.resolve(), options: profile.estimateOptions)
    } catch {
      throw exitWithDiagnostics(error)
    }
    switch output.kind {
    case .table: try output.write(EstimateText.render(estimate, explain: explain))
    case .markdown: try output.write(EstimateMarkdown.render(estimate, explain: explain))
    case .json: try output.write(EstimateJSON.render(estimate))
    case .csv: try output.write(EstimateCSV.render(estimate))
    case .html: try output.write(EstimateHTML.render(estimate))
    }
  }
}

extension Account.FreeTier: ExpressibleByArgument {}
