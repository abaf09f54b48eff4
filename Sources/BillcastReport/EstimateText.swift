import BillcastCore
import BillcastEngine

/// Renders an estimate for a terminal: the reference document's table per architecture, a cost column per scenario.
public enum EstimateText {
  /// The estimate as text for a terminal; with `explain`, how each line is computed.
  public static func render(_ estimate: Estimate, explain: Bool = false) -> String {
    var out = header(estimate)
    out += "\n" + summary(estimate)
    for section in EstimateLayout.sections(estimate) {
      out += "\n" + render(section)
      if explain {
        for result in section.results { out += "\n" + EstimateExplanation.render(result) }
      }
    }
    return out
  }

  static func header(_ e: Estimate) -> String {
    var out = "\(e.profileName) — monthly estimate (\(e.currency))\n"
    out += "Region \(e.region), as of \(e.asOf); free tier: \(e.freeTier.summary)\n"
    out += ReportHeader.pricingLine(e.tables) + "\n"
    out += ReportHeader.tableWarnings(e.tables, markdown: false)
    for n in e.notYetAvailable { out += "Not priced: \(n.architecture) (\(n.notPricedReason))\n" }
    return out
  }

  /// Totals: one row per scenario, one column per architecture.
  static func summary(_ e: Estimate) -> String {
    let architectures = unique(e.results.map(\.architecture))
    let scenarios = unique(e.results.map(\.scenario))
    var table = TextTable(
      headers: ["Scenario"] + architectures, alignments: [.left] + architectures.map { _ in .right })
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

  static func render(_ s: EstimateLayout.Section) -> String {
    var out = "Architecture \(s.architecture)" + (s.description.map { ": " + TerminalText.escaped($0) } ?? "") + "\n"
    var table = TextTable(
      headers: ["Service", "Free tier", "Unit prices"] + s.scenarios,
      alignments: [.left, .left, .left] + s.scenarios.map { _ in .right })
    table.detailColumns = [1, 2]
    for row in s.rows {
      table.add(
        [[row.label], row.freeTier.isEmpty ? ["None"] : row.freeTier, row.unitPrices] + row.costs.map { [$0 ?? "—"] })
    }
    table.addRule()
    table.add([["Total"], [], []] + s.totals.map { [$0] })
    if let credits = s.credits, let due = s.due {
      table.add([["Credits applied"], [], []] + credits.map { [$0] })
      table.add([["Amount due"], [], []] + due.map { [$0] })
    }
    out += table.rendered(indent: "  ")
    if !s.resources.isEmpty {
      out += "  Template resources:\n"
      for line in s.resources { out += "  - \(TerminalText.escaped(line))\n" }
    }
    if !s.warnings.isEmpty {
      out += "  Warnings:\n"
      for w in s.warnings { out += "  - \(w)\n" }
    }
    return out
  }

  static func unique(_ names: [String]) -> [String] {
    var seen = Set<String>()
    return names.filter { seen.insert($0).inserted }
  }
}
