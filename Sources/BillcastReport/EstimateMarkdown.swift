import Foundation
import BillcastCore
import BillcastEngine

/// Renders an estimate as Markdown, fit for a pull request or a job summary.
public enum EstimateMarkdown {
  /// The estimate as Markdown; with `explain`, each result's arithmetic in a collapsed section.
  public static func render(_ e: Estimate, explain: Bool = false) -> String {
    var out = "# \(cell(e.profileName)) — monthly estimate\n\n"
    out += "- Region: `\(e.region)`, as of \(e.asOf)\n"
    out += "- Free tier: \(e.freeTier.summary)\n"
    for n in e.notYetAvailable {
      out += "- Not priced: \(MarkdownText.code(n.architecture)) (\(cell(n.notPricedReason)))\n"
    }
    out += "- " + ReportHeader.pricingLine(e.tables, markdown: true, code: true) + "\n"
    out += ReportHeader.tableWarnings(e.tables, markdown: true) + "\n"
    let architectures = EstimateText.unique(e.results.map(\.architecture))
    let scenarios = EstimateText.unique(e.results.map(\.scenario))
    out +=
      "## Monthly totals (\(e.currency))\n\n| Scenario | " + architectures.map(cell).joined(separator: " | ") + " |\n"
    out += "|---|" + architectures.map { _ in "---:|" }.joined() + "\n"
    for s in scenarios {
      out +=
        "| \(cell(s)) | "
        + architectures.map { a in
          e.results.first { $0.scenario == s && $0.architecture == a }.map { Money.text($0.amountDue) } ?? "—"
        }.joined(separator: " | ") + " |\n"
    }
    for section in EstimateLayout.sections(e) {
      out += "\n## \(cell(section.architecture))\n\n"
      if let d = section.description { out += "\(cell(d))\n\n" }
      out += "| Service | Free tier | Unit prices | " + section.scenarios.map(cell).joined(separator: " | ") + " |\n"
      out += "|---|---|---|" + section.scenarios.map { _ in "---:|" }.joined() + "\n"
      for row in section.rows {
        out +=
          "| \(cell(row.label)) | \(row.freeTier.isEmpty ? "None" : row.freeTier.map(cell).joined(separator: "<br>")) | \(row.unitPrices.map(cell).joined(separator: "<br>")) | "
        out += row.costs.map { $0 ?? "—" }.joined(separator: " | ") + " |\n"
      }
      out += "| **Total** | | | " + section.totals.map { "**\($0)**" }.joined(separator: " | ") + " |\n"
      if let credits = section.credits, let due = section.due {
        out += "| Credits applied | | | " + credits.joined(separator: " | ") + " |\n"
        out += "| **Amount due** | | | " + due.map { "**\($0)**" }.joined(separator: " | ") + " |\n"
      }
      if !section.resources.isEmpty {
        out += "\n**Template resources**\n\n"
        for line in section.resources { out += "- \(cell(line))\n" }
      }
      if !section.warnings.isEmpty {
        out += "\n**Warnings**\n\n"
        for w in section.warnings { out += "- \(cell(w))\n" }
      }
      if explain {
        out += "\n<details><summary>Arithmetic</summary>\n\n```\n"
        for r in section.results { out += EstimateExplanation.render(r) }
        out += "```\n\n</details>\n"
      }
    }
    return MarkdownText.escapingDollars(out)
  }

  /// User text in a Markdown line or table cell: every construct escaped (``MarkdownText/inline(_:)``).
  static func cell(_ s: String) -> String { MarkdownText.inline(s) }
}
