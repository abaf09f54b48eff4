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
    let projects: [ProjectList.Project]?
    do { projects = try profile.projects() } catch { throw exitWithDiagnostics(error) }
    if let projects { return try run(projects) }
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

extension EstimateCommand {
  /// Several projects: every one priced on all cores, one report with a section each.
  func run(_ projects: [ProjectList.Project]) throws {
    if output.kind == .html { throw ValidationError("html is one project's page: give one profile") }
    let parts: [ProjectsReport.Part<Estimate>]
    do {
      parts = try ProjectRunner.map(projects) { project throws(DiagnosticError) in
        let estimate = try Estimator.estimate(try profile.resolve(path: project.path), options: profile.estimateOptions)
        return ProjectRunner.part(project, profileName: estimate.profileName, estimate)
      }
    } catch {
      throw exitWithDiagnostics(error)
    }
    switch output.kind {
    case .table, .html: try output.write(ProjectsReport.estimates(parts, markdown: false, explain: explain))
    case .markdown: try output.write(ProjectsReport.estimates(parts, markdown: true, explain: explain))
    case .json: try output.write(ProjectsReport.json(parts, value: EstimateJSON.value))
    case .csv: try output.write(ProjectsReport.csv(parts, table: EstimateCSV.render))
    }
  }
}

extension Account.FreeTier: ExpressibleByArgument {}
