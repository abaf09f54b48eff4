import ArgumentParser
import BillcastCore
import BillcastPricing
import BillcastReport
import Foundation

/// billcast's exit statuses (docs/cli.md's table lists them).
enum ExitStatus {
  /// A check failed: a budget was exceeded, a diff moved more than `--fail-above`, a price differs.
  static let checkFailed: Int32 = 1
  /// Invalid input: a profile, pricing table, template or saved report has errors.
  static let invalidInput: Int32 = 2
  /// A report could not be written (a full disk, a closed pipe, a directory given as `--output`).
  static let writeFailed: Int32 = 74
}

/// Prints diagnostics to standard error and exits with status 2 (invalid input).
func exitWithDiagnostics(_ error: DiagnosticError) -> ExitCode {
  ReportFile.writeStandardError(DiagnosticText.render(error.diagnostics))
  return ExitCode(ExitStatus.invalidInput)
}
