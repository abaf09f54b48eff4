import BillcastCore
import BillcastEngine

/// Renders a comparison as a self-contained HTML page: architectures × scenarios as a chart, break-even stretches and sensitivity.
public enum CompareHTML {
  /// The comparison as an HTML page: a cost chart and table, break-even stretches and sensitivity.
  public static func render(_ c: Comparison) -> String {
    let e = c.estimate
    let architectures = EstimateText.unique(e.results.map(\.architecture))
    let scenarios = EstimateText.unique(e.results.map(\.scenario))
    // Unavailable architectures keep their place in the chart, as a labelled gap.
    let charted = architectures + c.unavailable.map(\.architecture).filter { !architectures.contains($0) }
    var body = costs(c, architectures: architectures, scenarios: scenarios, charted: charted)
    for b in c.breakEven { body += breakEven(b, charted: charted) }
    body += sensitivity(c, scenarios: scenarios)
    body += warnings(e)
    return HTMLPage.page(
      title: "\(e.profileName) — architectures compared",
      subtitle: [
        "Region \(e.region), as of \(e.asOf); free tier: \(e.freeTier.summary)", HTMLPage.pricing(e.tables),
      ], body: body)
  }

  /// Each architecture's amount due per scenario, as a chart and a table.
  static func costs(_ c: Comparison, architectures: [String], scenarios: [String], charted: [String]) -> String {
    let e = c.estimate
    let ranges: [[(Double, Double)?]] = scenarios.map { s in
      charted.map { a in
        e.results.first { $0.scenario == s && $0.architecture == a }.map {
          (SVGChart.double($0.amountDue.low), SVGChart.double($0.amountDue.high))
        }
      }
    }
    return SVGChart.rangeBars(
      title: "Monthly cost by architecture and scenario (\(e.currency))", groups: scenarios, series: charted,
      ranges: ranges, yTitle: "\(e.currency) per month", xTitle: "Scenario")
      + HTMLPage.table(
        ["Architecture"] + scenarios,
        architectures.map { a in
          [a + (c.closed.contains { $0.architecture == a } ? " (closed to new customers)" : "")]
            + scenarios.map { s in
              e.results.first { $0.scenario == s && $0.architecture == a }.map { Money.text($0.amountDue) } ?? "—"
            }
        } + c.unavailable.map { [$0.architecture + " (unavailable: \($0.reason))"] + scenarios.map { _ in "—" } },
        numeric: Set(1...scenarios.count))
  }

  /// One break-even search: where it stopped, the cheapest architecture by stretch as a strip and a table.
  static func breakEven(_ b: BreakEven, charted: [String]) -> String {
    var body =
      "<h2>Break-even: \(SVGChart.escape(b.variable)) from \(PriceText.quantity(b.from)) to \(PriceText.quantity(b.to)) (\(SVGChart.escape(b.scenario)))</h2>"
    if let reason = b.stopReason {
      body +=
        "<p>The search stopped at \(PriceText.quantity(b.to)), below the \(PriceText.quantity(b.requestedTo ?? b.to)) asked for: \(SVGChart.escape(reason))</p>"
    }
    body += SVGChart.cheapestStrip(
      title: "Cheapest architecture as \(b.variable) grows (\(b.scenario))", variable: b.variable,
      segments: b.segments.map {
        (
          SVGChart.double($0.from), SVGChart.double($0.to), PriceText.quantity($0.from), PriceText.quantity($0.to),
          $0.cheapest
        )
      },
      names: charted)
    return body
      + HTMLPage.table(
        ["From", "To", "Cheapest"],
        b.segments.map { [PriceText.quantity($0.from), PriceText.quantity($0.to), $0.cheapest] }, numeric: [0, 1])
  }

  /// Per scenario, the five variables that move each architecture's cost most (a cent or more).
  static func sensitivity(_ c: Comparison, scenarios: [String]) -> String {
    var body = ""
    for s in scenarios {
      let rows = c.sensitivity.filter { $0.scenario == s }.flatMap { sens in
        sens.rows.filter { $0.swing >= ExactDecimal.cent }.prefix(5).map {
          [
            sens.architecture, $0.variable, "\(PriceText.quantity($0.low))..\(PriceText.quantity($0.high))",
            Money.text($0.costAtLow), Money.text($0.costAtHigh),
          ]
        }
      }
      guard !rows.isEmpty else { continue }
      body +=
        "<h2>Sensitivity (\(SVGChart.escape(s)))</h2>"
        + HTMLPage.table(
          ["Architecture", "Variable", "Range", "Cost at low", "Cost at high"], rows, numeric: [2, 3, 4])
    }
    return body
  }

  /// Each warning once, with the results it concerns.
  static func warnings(_ e: Estimate) -> String {
    var warnings: [(text: String, results: [String])] = []
    for r in e.results {
      for w in r.warnings {
        let text = "[\(w.code)] " + w.message
        if let i = warnings.firstIndex(where: { $0.text == text }) {
          warnings[i].results.append("\(r.architecture) · \(r.scenario)")
        } else {
          warnings.append((text, ["\(r.architecture) · \(r.scenario)"]))
        }
      }
    }
    guard !warnings.isEmpty else { return "" }
    return "<h2>Warnings</h2><ul>"
      + warnings.map {
        "<li>\(SVGChart.escape($0.text)) <span class=\"meta\">(\(SVGChart.escape($0.results.joined(separator: ", "))))</span></li>"
      }.joined() + "</ul>"
  }
}
