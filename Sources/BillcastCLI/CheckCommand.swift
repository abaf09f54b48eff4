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

  @Flag(name: .long, help: "Check every month of the profile's forecast (its deterministic envelope) instead of the estimate.")
  var forecast = false

  @OptionGroup var output: OutputOptions<CheckFormats>

  func run() throws {
    let check: BudgetCheck
    do {
      let resolved = try profile.resolve()
      if resolved.profile.budgets.isEmpty {
        throw DiagnosticError([Diagnostic(file: resolved.profile.path, line: 1, column: 1, message: "the profile has no budgets to check (add a 'budgets' list)")])
      }
      if forecast {
        let f = try Forecaster.forecast(resolved, options: ForecastOptions(today: today(), architectures: profile.architecture.isEmpty ? nil : profile.architecture, freeTier: profile.freeTier, samples: 0))
        check = BudgetCheck.check(f, budgets: resolved.profile.budgets)
      } else {
        check = BudgetCheck.check(try Estimator.estimate(resolved, options: profile.estimateOptions), budgets: resolved.profile.budgets)
      }
    } catch let error as DiagnosticError {
      throw exitWithDiagnostics(error)
    }
    switch output.kind {
    case .json: try output.write(BudgetReport.json(check))
    case .markdown: try output.write(BudgetReport.text(check, markdown: true))
    case .csv: try output.write(BudgetReport.csv(check))
    default: try output.write(BudgetReport.text(check), highlight: .budgets)
    }
    if !check.over.isEmpty {
      let first = check.over[0]
      let month = first.month.map { " in month \($0)" } ?? ""
      ReportFile.writeStandardError(("billcast: budget '\(TerminalText.excerpt(first.budget))' exceeded\(month): \(first.scenario) \(first.architecture) \(first.scope) is \(Money.text(first.figure)) against \(Money.text(first.limit)), over by \(Money.text(first.overrun))\(check.over.count > 1 ? " (and \(check.over.count - 1) more)" : "")\n"))
      throw ExitCode(ExitStatus.checkFailed)
    }
  }
}
