import BillcastCore
import BillcastEngine

/// Renders an estimate for a terminal: the reference document's table per scenario × architecture.
public enum EstimateText {
  public static func render(_ estimate: Estimate, explain: Bool = false) -> String {
    var out = header(estimate)
    out += "\n" + summary(estimate)
    for result in estimate.results {
      out += "\n" + section(result, estimate: estimate)
      if explain { out += "\n" + EstimateExplanation.render(result) }
    }
    return out
  }

  static func header(_ e: Estimate) -> String {
    var out = "\(e.profileName) — monthly estimate (\(e.currency))\n"
    out += "Region \(e.region), as of \(e.asOf); free tier: \(e.freeTier.summary)\n"
    out += "Pricing: " + e.tables.map { "\($0.id) (effective \($0.effective), sha256 \($0.sha256.prefix(12)))" }.joined(separator: ", ") + "\n"
    return out
  }

  /// Totals: one row per scenario, one column per architecture.
  static func summary(_ e: Estimate) -> String {
    let architectures = unique(e.results.map(\.architecture))
    let scenarios = unique(e.results.map(\.scenario))
    var table = TextTable(headers: ["Scenario"] + architectures, alignments: [.left] + architectures.map { _ in .right })
    for s in scenarios {
      var row: [[String]] = [[s]]
      for a in architectures {
        let r = e.results.first { $0.scenario == s && $0.architecture == a }
        row.append([r.map { Money.text($0.amountDue) } ?? "—"])
      }
      table.add(row)
    }
    return "Monthly totals\n" + table.rendered()
  }

  static func section(_ r: ScenarioResult, estimate: Estimate) -> String {
    var out = "Scenario \(r.scenario)" + (r.scenarioDescription.map { ": \($0)" } ?? "") + "\n"
    out += "Architecture \(r.architecture)" + (r.architectureDescription.map { ": \($0)" } ?? "") + "\n"
    var table = TextTable(headers: ["Service", "Free tier", "Unit prices", "Estimated cost"], alignments: [.left, .left, .left, .right])
    for c in r.components {
      table.add([[c.label], c.freeTier.isEmpty ? ["None"] : c.freeTier, c.unitPrices, [Money.text(c.cost)]])
    }
    table.addRule()
    table.add([["Total"], [], [], [Money.text(r.total)]])
    if let credits = r.creditsApplied {
      table.add([["Credits applied"], [], [], ["-" + Money.text(credits)]])
      table.add([["Amount due"], [], [], [Money.text(r.amountDue)]])
    }
    out += table.rendered(indent: "  ")
    if !r.warnings.isEmpty {
      out += "  Warnings:\n"
      for w in r.warnings { out += "  - [\(w.code)] \(w.message)\n" }
    }
    return out
  }

  static func unique(_ names: [String]) -> [String] {
    var seen = Set<String>()
    return names.filter { seen.insert($0).inserted }
  }
}
