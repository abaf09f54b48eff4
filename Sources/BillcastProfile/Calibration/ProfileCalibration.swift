import BillcastCore
import Yams

/// Writes measured values into a profile's text, keeping every other byte of it.
public enum ProfileCalibration {
  /// Rewrites a profile's text with each calibrated value in place; `header` lines are added as comments near the top.
  ///
  /// A value replaces the old one (and the line's old comment becomes `# comment`); a key the
  /// profile lacks is added at the end of its block mapping, with the mappings on its way. A value
  /// under an alias is written where the anchor is, for every use of it. The result is read back
  /// and each value checked before it is returned. Every problem is reported at once.
  public static func rewrite(_ text: String, path: String, values: [CalibratedValue], header: [String])
    throws(DiagnosticError) -> String
  {
    let document = try YAMLDocument.parse(text, path: path)
    let reading = Profile.reading(document)
    guard let profile = reading.profile, !reading.hasErrors else {
      throw DiagnosticError(reading.diagnostics.filter { $0.severity == .error })
    }
    var plan = CalibrationPlan(text: YAMLText(text), root: document.root, profile: profile, path: path)
    for value in values { plan.add(value) }
    if !plan.problems.isEmpty { throw DiagnosticError(sorted(plan.problems)) }
    let result = plan.apply(header: header)
    try readBack(result, path: path, written: plan.written)
    return result
  }

  /// Reads the rewritten text again and checks each value is there: a rewrite that a YAML or
  /// profile reader would see differently is an error, never a file written.
  static func readBack(_ text: String, path: String, written: [(chain: [String], value: String)])
    throws(DiagnosticError)
  {
    func failed(_ diagnostics: [Diagnostic]) -> DiagnosticError {
      DiagnosticError(
        diagnostics.map {
          var d = $0
          d.message = "the calibrated profile would not read back: \(d.message)"
          return d
        })
    }
    let document: YAMLDocument
    do {
      document = try YAMLDocument.parse(text, path: path)
    } catch {
      throw failed(error.diagnostics)
    }
    let reading = Profile.reading(document)
    guard let profile = reading.profile, !reading.hasErrors else {
      throw failed(reading.diagnostics.filter { $0.severity == .error })
    }
    let check = CalibrationPlan(text: YAMLText(text), root: document.root, profile: profile, path: path)
    var problems: [Diagnostic] = []
    for (chain, value) in written {
      guard case .found(_, .scalar(let s), _, _) = check.walk(chain), s.string == value else {
        problems.append(
          Diagnostic(
            file: path, line: 1, column: 1, path: chain.joined(separator: "."),
            message: "does not read back as '\(TerminalText.excerpt(value))'"))
        continue
      }
    }
    if !problems.isEmpty { throw failed(problems) }
  }

  static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
    diagnostics.sorted { ($0.line ?? 0, $0.column ?? 0, $0.path) < ($1.line ?? 0, $1.column ?? 0, $1.path) }
  }
}
