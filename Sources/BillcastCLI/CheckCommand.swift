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

  @OptionGroup var output: OutputOptions<Format>

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
          today: CalendarDate.today(), architectures: profile.architectures.selected,
          freeTier: profile.account.freeTier, samples: 0))
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
    try output.write(output.format.render(check))
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
    try output.write(output.format.render(parts))
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

extension CheckCommand {
  /// The formats `check` writes: no HTML page.
  enum Format: String, ReportFormats {
    case table, markdown, json, csv

    /// One profile's budget check in this format (a table colours each limit that is over).
    func render(_ check: BudgetCheck) -> RenderedReport {
      switch self {
      case .table: .table(highlight: .budgets) { BudgetReport.text(check) }
      case .markdown: .markdown(BudgetReport.text(check, markdown: true))
      case .json: .document(BudgetReport.json(check))
      case .csv: .document(BudgetReport.csv(check))
      }
    }

    /// Several projects' budget checks, a section each.
    func render(_ parts: [ProjectsReport.Part<BudgetCheck>]) -> RenderedReport {
      switch self {
      case .table: .table(highlight: .budgets) { ProjectsReport.checks(parts, markdown: false) }
      case .markdown: .markdown(ProjectsReport.checks(parts, markdown: true))
      case .json: .document(ProjectsReport.json(parts, value: BudgetReport.value))
      case .csv: .document(ProjectsReport.csv(parts, table: BudgetReport.csv))
      }
    }
  }
}
