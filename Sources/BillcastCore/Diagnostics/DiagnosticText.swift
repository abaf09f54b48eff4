/// Renders diagnostics for a terminal or a log: one line each, at most a set number of them.
package enum DiagnosticText {
  /// The most diagnostics printed; the rest are counted in a last line.
  package static let maximumShown = 100

  /// Each diagnostic on its own line (control characters escaped, long lines cut), then
  /// "… and N more errors" if there were more than `limit`.
  package static func render(_ diagnostics: [Diagnostic], limit: Int = maximumShown) -> String {
    var text = ""
    for d in diagnostics.prefix(limit) { text += d.description + "\n" }
    let rest = diagnostics.count - limit
    if rest > 0 {
      let errors = diagnostics.dropFirst(limit).allSatisfy { $0.severity == .error }
      text +=
        "… and \(ExactDecimal(rest).formatted(fractionDigits: 0, grouping: true)) more \(errors ? "error" : "problem")\(rest == 1 ? "" : "s")\n"
    }
    return text
  }
}
