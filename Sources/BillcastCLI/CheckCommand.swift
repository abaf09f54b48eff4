import ArgumentParser
import BillcastCore
import BillcastEngine
import BillcastProfile
import BillcastReport
import Foundation

/// `billcast check PROFILE`: the profile's budgets against its estimate (or every forecast month); exit 1 if any is over.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Check the profile's budgets; exit 1 if any is exceeded.")

  @OptionGroup var profile: ProfileOptions

  @Flag(
    name: .long,
    help: "Check every month of the profile's forecast (its deterministic envelope) instead of the estimate.")
  var forecast = false

  @OptionGroup var output: OutputOptions<CheckFormats>

  /// The check of one resolved profile: its estimate's, or each month's of its forecast.
  func check(_ resolved: ResolvedProfile) throws(DiagnosticError) -> BudgetCheck {
    if resolved.profile.budgets.isEmpty {
      throw DiagnosticError([
        Diagnostic(
          file: resolved.profile.path, line: 1, column: 1,
          message: "the profile has no budgets to check (add a 'budgets' list)")
      ])
    }
    if forecast {
      let f = try Forecaster.forecast(
        resolved,
        options: ForecastOptions(
          today: today(), architectures: profile.architecture.isEmpty ? nil : profile.architecture,
          freeTier: profile.freeTier, samples: 0))
      return BudgetCheck.check(f, budgets: resolved.profile.budgets)
    }
    return BudgetCheck.check(
      try Estimator.estimate(resolved, options: profile.estimateOptions), budgets: resolved.profile.budgets)
  }

  func run() throws {
    let projects: [ProjectList.Project]?
    do { projects = try profile.projects() } catch { throw exitWithDiagnostics(error) }
    if let projects { return try run(projects) }
    let check: BudgetCheck
    do {
      check = try self.check(try profile.resolve())
    } catch {
      throw exitWithDiagnostics(error)
    }
    switch output.kind {
    case .json: try output.write(BudgetReport.json(check))
    case .markdown: try output.write(BudgetReport.text(check, markdown: true))
    case .csv: try output.write(BudgetReport.csv(check))
    default: try output.write(BudgetReport.text(check), highlight: .budgets)
    }
    try Self.fail(check.over)
  }

  /// Several projects: every one checked on all cores, one report; exit 1 if any limit is exceeded.
  func run(_ projects: [ProjectList.Project]) throws {
    let parts: [ProjectsReport.Part<BudgetCheck>]
    do {
      parts = try ProjectRunner.map(projects) { project throws(DiagnosticError) in
        let resolved = try profile.resolve(path: project.path)
        return ProjectRunner.part(project, profileName: resolved.profile.name, try check(resolved))
      }
    } catch {
      throw exitWithDiagnostics(error)
    }
    switch output.kind {
    case .json: try output.write(ProjectsReport.json(parts, value: BudgetReport.value))
    case .markdown: try output.write(ProjectsReport.checks(parts, markdown: true))
    case .csv: try output.write(ProjectsReport.csv(parts, table: BudgetReport.csv))
    default: try output.write(ProjectsReport.checks(parts, markdown: false), highlight: .budgets)
    }
    try Self.fail(parts.flatMap(\.report.over))
  }

  /// Exits 1, naming the first limit exceeded, when any is.
  static func fail(_ over: [BudgetCheck.Item]) throws {
    guard let first = over.first else { return }
    let month = first.month.map { " in month \($0)" } ?? ""
    ReportFile.writeStandardError(
      ("billcast: budget '\(TerminalText.excerpt(first.budget))' exceeded\(month): \(first.scenario) \(first.architecture) \(first.scope) is \(Money.text(first.figure)) against \(Money.text(first.limit)), over by \(Money.text(first.overrun))\(over.count > 1 ? " (and \(over.count - 1) more)" : "")\n")
    )
    throw ExitCode(ExitStatus.checkFailed)
  }
}
