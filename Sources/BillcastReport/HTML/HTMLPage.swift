import BillcastCore
import BillcastEngine

/// A self-contained HTML page: inline CSS and SVG, no scripts, nothing fetched.
enum HTMLPage {
  static func page(title: String, subtitle: [String], body: String) -> String {
    """
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>\(SVGChart.escape(title))</title>
    <style>
    body { font: 15px/1.45 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #1d1d1f; margin: 24px auto; max-width: 920px; padding: 0 16px; }
    h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 28px 0 8px; }
    .meta { color: #555; font-size: 13px; margin: 2px 0; }
    figure { margin: 16px 0 8px; } figcaption { font-weight: 600; margin-bottom: 4px; }
    svg { width: 100%; height: auto; background: #fff; }
    .tick { font-size: 11px; fill: #444; } .axis { font-size: 12px; fill: #222; }
    .legend { display: flex; flex-wrap: wrap; gap: 6px 16px; font-size: 13px; margin: 4px 0 0 72px; }
    .legend i { display: inline-block; width: 12px; height: 12px; border-radius: 2px; margin-right: 5px; vertical-align: -1px; }
    .legend .note { color: #666; }
    .legend .swatch { vertical-align: -1px; margin-right: 5px; width: 24px; height: 12px; background: none; }
    .wide { overflow-x: auto; } .scroll { overflow: auto; max-height: 480px; border: 1px solid #e3e3e3; }
    .scroll table { margin: 0; } .scroll thead th { position: sticky; top: 0; background: #fff; }
    table { border-collapse: collapse; font-size: 13px; margin: 8px 0; width: 100%; }
    th, td { border-bottom: 1px solid #e3e3e3; padding: 4px 8px; text-align: left; vertical-align: top; }
    td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    ul { padding-left: 20px; }
    </style>
    </head>
    <body>
    <h1>\(SVGChart.escape(title))</h1>
    \(subtitle.map { "<p class=\"meta\">\(SVGChart.escape($0))</p>" }.joined(separator: "\n"))
    \(body)
    </body>
    </html>

    """
  }

  /// A table that scrolls sideways in its own box when it is wider than the page (a phone).
  static func table(_ headers: [String], _ rows: [[String]], numeric: Set<Int>) -> String {
    var out = "<div class=\"wide\"><table><thead><tr>" + headers.enumerated().map { "<th\(numeric.contains($0.offset) ? " class=\"n\"" : "")>\(SVGChart.escape($0.element))</th>" }.joined() + "</tr></thead><tbody>"
    for r in rows {
      out += "<tr>" + r.enumerated().map { "<td\(numeric.contains($0.offset) ? " class=\"n\"" : "")>\(SVGChart.escape($0.element))</td>" }.joined() + "</tr>"
    }
    return out + "</tbody></table></div>"
  }

  static func pricing(_ tables: [TableReference]) -> String {
    ReportHeader.pricingLabel(tables) + ": " + tables.map { "\($0.id) (effective \($0.effective), sha256 \($0.sha256.prefix(12)))" }.joined(separator: ", ")
      + tables.compactMap(\.warning).map { ". Warning: " + $0 }.joined()
  }
}

/// Renders a forecast as a self-contained HTML page with charts.
public enum ForecastHTML {
  /// The forecast as an HTML page: monthly and cumulative charts, a service breakdown, totals and events.
  public static func render(_ f: Forecast) -> String {
    let labels = f.months.map { $0.month.description }
    // Without samples there are no percentiles to shade: the lines alone, and no p10–p90 legend.
    let sampled = f.samples > 0
    let monthly = f.architectures.map { a in
      (name: a.architecture, values: a.monthly.map { $0.map { SVGChart.double($0.p50) } },
       band: a.monthly.map { m in sampled ? m.map { (SVGChart.double($0.p10), SVGChart.double($0.p90)) } : nil })
    }
    let cumulative = f.architectures.map { a in
      (name: a.architecture, values: a.cumulative.map { $0.map { SVGChart.double($0.p50) } },
       band: a.cumulative.map { c in sampled ? c.map { (SVGChart.double($0.p10), SVGChart.double($0.p90)) } : nil })
    }
    var body = SVGChart.lines(title: "Monthly bill per architecture (\(f.currency))", xLabels: labels, series: monthly, yTitle: "\(f.currency) per month", xTitle: "Month")
    body += SVGChart.lines(title: "Cumulative cost (\(f.currency))", xLabels: labels, series: cumulative, yTitle: "\(f.currency), cumulative", xTitle: "Month")
    let groups = EstimateText.unique(f.breakdown.flatMap { $0.services.map(\.group) })
    let month = f.months[f.breakdownMonth - 1]
    // An architecture unavailable in the month shows as a gap, not as $0.
    let unavailable = Set(f.architectures.filter { $0.monthly[month.index - 1] == nil }.map(\.architecture))
    let values: [[Double]?] = f.breakdown.map { b in
      unavailable.contains(b.architecture) ? nil : groups.map { g in b.services.first { $0.group == g }.map { SVGChart.double(($0.cost.low + $0.cost.high) / 2) } ?? 0 }
    }
    body += SVGChart.stackedBars(title: "Cost per service in month \(month.index) (\(month.month)), midpoint of each range", categories: f.breakdown.map(\.architecture), parts: groups, values: values, yTitle: "\(f.currency) per month", xTitle: "Architecture")
    body += "<h2>Total over \(f.months.count) months</h2>"
    if sampled {
      body += HTMLPage.table(["Architecture", "p10", "p50", "p90", "Envelope"], f.architectures.map { a in
        guard let c = a.cumulative.last ?? nil else { return [a.architecture, "—", "—", "—", "unavailable before the end"] }
        return [a.architecture, Money.text(c.p10), Money.text(c.p50), Money.text(c.p90), Money.text(c.envelope)]
      }, numeric: [1, 2, 3, 4])
    } else {
      body += HTMLPage.table(["Architecture", "Envelope"], f.architectures.map { a in
        [a.architecture, (a.cumulative.last ?? nil).map { Money.text($0.envelope) } ?? "unavailable before the end"]
      }, numeric: [1])
    }
    if !f.events.isEmpty {
      body += "<h2>Events</h2><ul>" + f.events.filter { !$0.kind.isCrossover }.map { e in
        "<li>Month \(e.month) (\(f.months[e.month - 1].month))\(e.architecture.map { ", \(SVGChart.escape($0))" } ?? ""): \(SVGChart.escape(e.message))</li>"
      }.joined() + f.crossovers.map { c in
        "<li>Month \(c.month) (\(f.months[c.month - 1].month)): " + SVGChart.escape(c.kind == .monthly ? "\(c.to) becomes cheaper than \(c.from) each month" : "\(c.to)'s cumulative cost falls below \(c.from)'s") + "</li>"
      }.joined() + "</ul>"
    }
    // The month-by-month table scrolls in its own box: 120 months × several architectures
    // would otherwise run far past the page.
    body += sampled ? "<h2>Monthly bill: median (p10–p90)</h2>" : "<h2>Monthly bill: range (low–high)</h2>"
    body += "<div class=\"scroll\">" + HTMLPage.table(["Month", "Scenario"] + f.architectures.map(\.architecture), f.months.map { m in
      [m.month.description, m.scenario ?? "—"] + f.architectures.map { a in
        a.monthly[m.index - 1].map { sampled ? "\(Money.text($0.p50)) (\(Money.text($0.p10))–\(Money.text($0.p90)))" : Money.text($0.envelope) } ?? "unavailable"
      }
    }, numeric: Set(2..<(2 + f.architectures.count))) + "</div>"
    let runs = f.samples > 0 ? "\(f.samples) Monte Carlo samples, seed \(f.seed)" : "deterministic envelope only"
    return HTMLPage.page(title: "\(f.profileName) — \(f.months.count)-month forecast", subtitle: [
      "Region \(f.region), \(labels.first ?? "") to \(labels.last ?? ""); \(runs)", "Free tier: \(f.freeTier.summary)", HTMLPage.pricing(f.tables),
    ], body: body)
  }
}

/// Renders an estimate as a self-contained HTML page: a chart per scenario of each component's cost, and the tables.
public enum EstimateHTML {
  /// The estimate as an HTML page: per architecture, a chart and a table of component costs.
  public static func render(_ e: Estimate) -> String {
    var body = ""
    for section in EstimateLayout.sections(e) {
      body += "<h2>\(SVGChart.escape(section.architecture))</h2>"
      let components = section.rows.map(\.label)
      let ranges: [[(Double, Double)?]] = section.results.map { r in
        components.map { label in r.components.first { $0.label == label }.map { (SVGChart.double($0.cost.hull.low), SVGChart.double($0.cost.hull.high)) } }
      }
      body += SVGChart.rangeBars(title: "Cost per component by scenario (\(e.currency) per month)", groups: section.scenarios, series: components, ranges: ranges, yTitle: "\(e.currency) per month", xTitle: "Scenario")
      body += HTMLPage.table(["Service", "Free tier", "Unit prices"] + section.scenarios, section.rows.map { row in
        [row.label, row.freeTier.isEmpty ? "None" : row.freeTier.joined(separator: "; "), row.unitPrices.joined(separator: "; ")] + row.costs.map { $0 ?? "—" }
      } + [["Total", "", ""] + section.totals], numeric: Set(3..<(3 + section.scenarios.count)))
      if !section.resources.isEmpty { body += "<h3>Template resources</h3><ul>" + section.resources.map { "<li>\(SVGChart.escape($0))</li>" }.joined() + "</ul>" }
      if !section.warnings.isEmpty { body += "<ul>" + section.warnings.map { "<li>\(SVGChart.escape($0))</li>" }.joined() + "</ul>" }
    }
    return HTMLPage.page(title: "\(e.profileName) — monthly estimate", subtitle: [
      "Region \(e.region), as of \(e.asOf); free tier: \(e.freeTier.summary)", HTMLPage.pricing(e.tables),
    ], body: body)
  }
}

/// Renders a comparison as a self-contained HTML page: architectures × scenarios as a chart, break-even stretches and sensitivity.
public enum CompareHTML {
  /// The comparison as an HTML page: a cost chart and table, break-even stretches and sensitivity.
  public static func render(_ c: Comparison) -> String {
    let e = c.estimate
    let architectures = EstimateText.unique(e.results.map(\.architecture))
    let scenarios = EstimateText.unique(e.results.map(\.scenario))
    // Unavailable architectures keep their place in the chart, as a labelled gap.
    let charted = architectures + c.unavailable.map(\.architecture).filter { !architectures.contains($0) }
    let ranges: [[(Double, Double)?]] = scenarios.map { s in
      charted.map { a in e.results.first { $0.scenario == s && $0.architecture == a }.map { (SVGChart.double($0.amountDue.low), SVGChart.double($0.amountDue.high)) } }
    }
    var body = SVGChart.rangeBars(title: "Monthly cost by architecture and scenario (\(e.currency))", groups: scenarios, series: charted, ranges: ranges, yTitle: "\(e.currency) per month", xTitle: "Scenario")
    body += HTMLPage.table(["Architecture"] + scenarios, architectures.map { a in
      [a + (c.closed.contains { $0.architecture == a } ? " (closed to new customers)" : "")] + scenarios.map { s in e.results.first { $0.scenario == s && $0.architecture == a }.map { Money.text($0.amountDue) } ?? "—" }
    } + c.unavailable.map { [$0.architecture + " (unavailable: \($0.reason))"] + scenarios.map { _ in "—" } }, numeric: Set(1...scenarios.count))
    for b in c.breakEven {
      body += "<h2>Break-even: \(SVGChart.escape(b.variable)) from \(PriceText.quantity(b.from)) to \(PriceText.quantity(b.to)) (\(SVGChart.escape(b.scenario)))</h2>"
      if let reason = b.stopReason {
        body += "<p>The search stopped at \(PriceText.quantity(b.to)), below the \(PriceText.quantity(b.requestedTo ?? b.to)) asked for: \(SVGChart.escape(reason))</p>"
      }
      body += SVGChart.cheapestStrip(
        title: "Cheapest architecture as \(b.variable) grows (\(b.scenario))", variable: b.variable,
        segments: b.segments.map { (SVGChart.double($0.from), SVGChart.double($0.to), PriceText.quantity($0.from), PriceText.quantity($0.to), $0.cheapest) },
        names: charted)
      body += HTMLPage.table(["From", "To", "Cheapest"], b.segments.map { [PriceText.quantity($0.from), PriceText.quantity($0.to), $0.cheapest] }, numeric: [0, 1])
    }
    for s in scenarios {
      let rows = c.sensitivity.filter { $0.scenario == s }.flatMap { sens in
        sens.rows.filter { $0.swing >= ExactDecimal.cent }.prefix(5).map { [sens.architecture, $0.variable, "\(PriceText.quantity($0.low))..\(PriceText.quantity($0.high))", Money.text($0.costAtLow), Money.text($0.costAtHigh)] }
      }
      guard !rows.isEmpty else { continue }
      body += "<h2>Sensitivity (\(SVGChart.escape(s)))</h2>" + HTMLPage.table(["Architecture", "Variable", "Range", "Cost at low", "Cost at high"], rows, numeric: [2, 3, 4])
    }
    // Each warning once, with the results it concerns.
    var warnings: [(text: String, results: [String])] = []
    for r in e.results {
      for w in r.warnings {
        let text = "[\(w.code)] " + w.message
        if let i = warnings.firstIndex(where: { $0.text == text }) { warnings[i].results.append("\(r.architecture) · \(r.scenario)") } else { warnings.append((text, ["\(r.architecture) · \(r.scenario)"])) }
      }
    }
    if !warnings.isEmpty {
      body += "<h2>Warnings</h2><ul>" + warnings.map { "<li>\(SVGChart.escape($0.text)) <span class=\"meta\">(\(SVGChart.escape($0.results.joined(separator: ", "))))</span></li>" }.joined() + "</ul>"
    }
    return HTMLPage.page(title: "\(e.profileName) — architectures compared", subtitle: [
      "Region \(e.region), as of \(e.asOf); free tier: \(e.freeTier.summary)", HTMLPage.pricing(e.tables),
    ], body: body)
  }
}
