import Foundation
import BillcastCore
import BillcastEngine

/// Renders an estimate as Markdown, fit for a pull request or a job summary.
public enum EstimateMarkdown {
  public static func render(_ e: Estimate, explain: Bool = false) -> String {
    var out = "# \(cell(e.profileName)) — monthly estimate\n\n"
    out += "- Region: `\(e.region)`, as of \(e.asOf)\n"
    out += "- Free tier: \(e.freeTier.summary)\n"
    out += "- Pricing: " + e.tables.map { "`\($0.id)` (effective \($0.effective), sha256 `\($0.sha256.prefix(12))`)" }.joined(separator: ", ") + "\n\n"
    let architectures = EstimateText.unique(e.results.map(\.architecture))
    let scenarios = EstimateText.unique(e.results.map(\.scenario))
    out += "## Monthly totals (\(e.currency))\n\n| Scenario | " + architectures.joined(separator: " | ") + " |\n"
    out += "|---|" + architectures.map { _ in "---:|" }.joined() + "\n"
    for s in scenarios {
      out += "| \(s) | " + architectures.map { a in
        e.results.first { $0.scenario == s && $0.architecture == a }.map { Money.text($0.amountDue) } ?? "—"
      }.joined(separator: " | ") + " |\n"
    }
    for r in e.results {
      out += "\n## \(r.scenario) · \(r.architecture)\n\n"
      if let d = r.scenarioDescription { out += "\(cell(d))\n\n" }
      out += "| Service | Free tier | Unit prices | Estimated cost |\n|---|---|---|---:|\n"
      for c in r.components {
        out += "| \(cell(c.label)) | \(c.freeTier.isEmpty ? "None" : c.freeTier.map(cell).joined(separator: "<br>")) | \(c.unitPrices.map(cell).joined(separator: "<br>")) | \(Money.text(c.cost)) |\n"
      }
      out += "| **Total** | | | **\(Money.text(r.total))** |\n"
      if let credits = r.creditsApplied {
        out += "| Credits applied | | | -\(Money.text(credits)) |\n| **Amount due** | | | **\(Money.text(r.amountDue))** |\n"
      }
      if !r.warnings.isEmpty {
        out += "\n**Warnings**\n\n"
        for w in r.warnings { out += "- `\(w.code)` \(cell(w.message))\n" }
      }
      if explain {
        out += "\n<details><summary>Arithmetic</summary>\n\n```\n" + EstimateExplanation.render(r) + "```\n\n</details>\n"
      }
    }
    return out
  }

  static func cell(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }
}
