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

  @OptionGroup var output: OutputOptions<Format>

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
    try output.write(output.format.render(estimate, explain: explain))
  }
}

extension EstimateCommand {
  /// Several projects: every one priced on all cores, one report with a section each.
  func run(_ projects: [ProjectList.Project]) throws {
    if output.format == .html { throw ValidationError("html is one project's page: give one profile") }
    let parts: [ProjectsReport.Part<Estimate>]
    do {
      parts = try ProjectRunner.map(projects) { project throws(DiagnosticError) in
        let estimate = try Estimator.estimate(try profile.resolve(path: project.path), options: profile.estimateOptions)
        return ProjectRunner.part(project, profileName: estimate.profileName, estimate)
      }
    } catch {
      throw exitWithDiagnostics(error)
    }
    try output.write(output.format.render(parts, explain: explain))
  }
}

extension EstimateCommand {
  /// The formats `estimate` writes: every one.
  enum Format: String, ReportFormats {
    case table, markdown, json, csv, html

    /// One profile's estimate in this format.
    func render(_ estimate: Estimate, explain: Bool) -> RenderedReport {
      switch self {
      case .table: .table { EstimateText.render(estimate, explain: explain) }
      case .markdown: .markdown(EstimateMarkdown.render(estimate, explain: explain))
      case .json: .document(EstimateJSON.render(estimate))
      case .csv: .document(EstimateCSV.render(estimate))
      case .html: .document(EstimateHTML.render(estimate))
      }
    }

    /// Several projects' estimates, a section each; `html`, one project's page, is refused
    /// before they are priced, and would be the table.
    func render(_ parts: [ProjectsReport.Part<Estimate>], explain: Bool) -> RenderedReport {
      switch self {
      case .table, .html: .table { ProjectsReport.estimates(parts, markdown: false, explain: explain) }
      case .markdown: .markdown(ProjectsReport.estimates(parts, markdown: true, explain: explain))
      case .json: .document(ProjectsReport.json(parts, value: EstimateJSON.value))
      case .csv: .document(ProjectsReport.csv(parts, table: EstimateCSV.render))
      }
    }
  }
}
