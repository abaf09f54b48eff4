import BillcastCore
import BillcastEngine

/// One report for several projects (profiles): a summary with each project's totals, then each
/// project's own report, as `billcast estimate|compare|check a.yaml b.yaml` or a `billcast.yml` prints it.
package enum ProjectsReport {
  /// The schema of the JSON wrapper: `billcast.projects/1`, each project's own report inside.
  package static let schema = "billcast.projects/1"

  /// One project's result: its name and profile path, and its report's parts.
  package struct Part<Report> {
    package var name: String
    package var path: String
    package var report: Report

    /// A project's result.
    package init(name: String, path: String, report: Report) {
      self.name = name
      self.path = path
      self.report = report
    }
  }

  // MARK: Estimates and comparisons

  /// Each project's monthly totals (amount due), one row per project × architecture × scenario.
  static func totalsTable(_ parts: [Part<Estimate>], markdown: Bool) -> String {
    let rows = parts.flatMap { p in
      p.report.results.map { r in [p.name, r.architecture, r.scenario, Money.text(r.amountDue)] }
    }
    return CompareText.table(
      ["Project", "Architecture", "Scenario", "Monthly total"], rows, markdown: markdown, rightAligned: [3])
  }

  /// Estimates as text or Markdown: the projects' totals, then each project's estimate.
  package static func estimates(_ parts: [Part<Estimate>], markdown: Bool, explain: Bool = false) -> String {
    let bodies = parts.map {
      markdown ? EstimateMarkdown.render($0.report, explain: explain) : EstimateText.render($0.report, explain: explain)
    }
    return combined(
      parts.map { ($0.name, $0.path) }, summary: totalsTable(parts, markdown: markdown), bodies: bodies,
      what: "monthly estimate", markdown: markdown)
  }

  /// Comparisons as text or Markdown: the projects' totals, then each project's comparison.
  package static func comparisons(_ parts: [Part<Comparison>], markdown: Bool) -> String {
    let estimates = parts.map { Part(name: $0.name, path: $0.path, report: $0.report.estimate) }
    return combined(
      parts.map { ($0.name, $0.path) }, summary: totalsTable(estimates, markdown: markdown),
      bodies: parts.map { CompareText.render($0.report, markdown: markdown) }, what: "architectures compared",
      markdown: markdown)
  }

  /// Budget checks as text or Markdown: each project's count of limits exceeded, then each check.
  package static func checks(_ parts: [Part<BudgetCheck>], markdown: Bool) -> String {
    let rows = parts.map { p in [p.name, String(p.report.items.count), String(p.report.over.count)] }
    let summary = CompareText.table(["Project", "Limits", "Exceeded"], rows, markdown: markdown, rightAligned: [1, 2])
    return combined(
      parts.map { ($0.name, $0.path) }, summary: summary,
      bodies: parts.map { BudgetReport.text($0.report, markdown: markdown) }, what: "budgets", markdown: markdown)
  }

  static func combined(
    _ projects: [(name: String, path: String)], summary: String, bodies: [String], what: String, markdown: Bool
  ) -> String {
    var out = markdown ? "# \(projects.count) projects — \(what)\n\n" : "\(projects.count) projects — \(what)\n\n"
    out += summary
    for (project, body) in zip(projects, bodies) {
      out +=
        markdown
        ? "\n## Project \(EstimateMarkdown.cell(project.name)) (\(MarkdownText.code(project.path)))\n\n"
        : "\n=== Project \(project.name) (\(project.path)) ===\n\n"
      out += body
    }
    return markdown ? MarkdownText.escapingDollars(out) : out
  }

  // MARK: JSON and CSV

  /// The projects' reports as JSON: `{schema: billcast.projects/1, projects: [{name, path, report}]}`.
  package static func json<Report>(_ parts: [Part<Report>], value: (Report) -> JSONValue) -> String {
    JSONValue.object([
      ("schema", .string(schema)),
      (
        "projects",
        .array(
          parts.map { p in .object([("name", .string(p.name)), ("path", .string(p.path)), ("report", value(p.report))])
          })
      ),
    ]).rendered()
  }

  /// The projects' CSV tables as one, with a first column naming the project (the header once).
  package static func csv<Report>(_ parts: [Part<Report>], table: (Report) -> String) -> String {
    var out = ""
    for (i, p) in parts.enumerated() {
      let lines = table(p.report).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
      for (k, line) in lines.enumerated() {
        if k == 0 {
          if i == 0 { out += "project," + line + "\n" }
          continue
        }
        out += CompareCSV.field(p.name) + "," + line + "\n"
      }
    }
    return out
  }
}
