import BillcastCore
import BillcastEngine

/// Renders an estimate as a self-contained HTML page: a chart per scenario of each component's cost, and the tables.
public enum EstimateHTML {
  /// The estimate as an HTML page: per architecture, a chart and a table of component costs.
  public static func render(_ e: Estimate) -> String {
    var body = ""
    for section in EstimateLayout.sections(e) {
      body += "<h2>\(SVGChart.escape(section.architecture))</h2>"
      let components = section.rows.map(\.label)
      let ranges: [[(Double, Double)?]] = section.results.map { r in
        components.map { label in
          r.components.first { $0.label == label }.map {
            (SVGChart.double($0.cost.hull.low), SVGChart.double($0.cost.hull.high))
          }
        }
      }
      body += SVGChart.rangeBars(
        title: "Cost per component by scenario (\(e.currency) per month)", groups: section.scenarios,
        series: components, ranges: ranges, yTitle: "\(e.currency) per month", xTitle: "Scenario")
      body += HTMLPage.table(
        ["Service", "Free tier", "Unit prices"] + section.scenarios,
        section.rows.map { row in
          [
            row.label, row.freeTier.isEmpty ? "None" : row.freeTier.joined(separator: "; "),
            row.unitPrices.joined(separator: "; "),
          ] + row.costs.map { $0 ?? "—" }
        } + [["Total", "", ""] + section.totals], numeric: Set(3..<(3 + section.scenarios.count)))
      if !section.resources.isEmpty {
        body +=
          "<h3>Template resources</h3><ul>" + section.resources.map { "<li>\(SVGChart.escape($0))</li>" }.joined()
          + "</ul>"
      }
      if !section.warnings.isEmpty {
        body += "<ul>" + section.warnings.map { "<li>\(SVGChart.escape($0))</li>" }.joined() + "</ul>"
      }
    }
    return HTMLPage.page(
      title: "\(e.profileName) — monthly estimate",
      subtitle: [
        "Region \(e.region), as of \(e.asOf); free tier: \(e.freeTier.summary)", HTMLPage.pricing(e.tables),
      ], body: body)
  }
}
