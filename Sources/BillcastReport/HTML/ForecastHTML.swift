import BillcastCore
import BillcastEngine

/// Renders a forecast as a self-contained HTML page with charts.
public enum ForecastHTML {
  /// The forecast as an HTML page: monthly and cumulative charts, a service breakdown, totals and events.
  public static func render(_ f: Forecast) -> String {
    let labels = f.months.map { $0.month.description }
    // Without samples there are no percentiles to shade: the lines alone, and no p10–p90 legend.
    let sampled = f.samples > 0
    var body = charts(f, labels: labels, sampled: sampled)
    body += breakdown(f)
    body += totals(f, sampled: sampled)
    body += events(f)
    body += monthlyTable(f, sampled: sampled)
    let runs = f.samples > 0 ? "\(f.samples) Monte Carlo samples, seed \(f.seed)" : "deterministic envelope only"
    return HTMLPage.page(
      title: "\(f.profileName) — \(f.months.count)-month forecast",
      subtitle: [
        "Region \(f.region), \(labels.first ?? "") to \(labels.last ?? ""); \(runs)",
        "Free tier: \(f.freeTier.summary)", HTMLPage.pricing(f.tables),
      ], body: body)
  }

  /// The monthly and the cumulative bill, a line per architecture with its p10–p90 band.
  static func charts(_ f: Forecast, labels: [String], sampled: Bool) -> String {
    let monthly = f.architectures.map { a in
      (
        name: a.architecture, values: a.monthly.map { $0.map { SVGChart.double($0.p50) } },
        band: a.monthly.map { m in sampled ? m.map { (SVGChart.double($0.p10), SVGChart.double($0.p90)) } : nil }
      )
    }
    let cumulative = f.architectures.map { a in
      (
        name: a.architecture, values: a.cumulative.map { $0.map { SVGChart.double($0.p50) } },
        band: a.cumulative.map { c in sampled ? c.map { (SVGChart.double($0.p10), SVGChart.double($0.p90)) } : nil }
      )
    }
    return SVGChart.lines(
      title: "Monthly bill per architecture (\(f.currency))", xLabels: labels, series: monthly,
      yTitle: "\(f.currency) per month", xTitle: "Month")
      + SVGChart.lines(
        title: "Cumulative cost (\(f.currency))", xLabels: labels, series: cumulative,
        yTitle: "\(f.currency), cumulative", xTitle: "Month")
  }

  /// The breakdown month's cost per service group, stacked per architecture.
  static func breakdown(_ f: Forecast) -> String {
    let groups = EstimateText.unique(f.breakdown.flatMap { $0.services.map(\.group) })
    let month = f.months[f.breakdownMonth - 1]
    // An architecture unavailable in the month shows as a gap, not as $0.
    let unavailable = Set(f.architectures.filter { $0.monthly[month.index - 1] == nil }.map(\.architecture))
    let values: [[Double]?] = f.breakdown.map { b in
      unavailable.contains(b.architecture)
        ? nil
        : groups.map { g in
          b.services.first { $0.group == g }.map { SVGChart.double(($0.cost.low + $0.cost.high) / 2) } ?? 0
        }
    }
    return SVGChart.stackedBars(
      title: "Cost per service in month \(month.index) (\(month.month)), midpoint of each range",
      categories: f.breakdown.map(\.architecture), parts: groups, values: values, yTitle: "\(f.currency) per month",
      xTitle: "Architecture")
  }

  /// Each architecture's total over the horizon: percentiles and envelope, or the envelope alone.
  static func totals(_ f: Forecast, sampled: Bool) -> String {
    var body = "<h2>Total over \(f.months.count) months</h2>"
    if sampled {
      body += HTMLPage.table(
        ["Architecture", "p10", "p50", "p90", "Envelope"],
        f.architectures.map { a in
          guard let c = a.cumulative.last ?? nil else {
            return [a.architecture, "—", "—", "—", "unavailable before the end"]
          }
          return [a.architecture, Money.text(c.p10), Money.text(c.p50), Money.text(c.p90), Money.text(c.envelope)]
        }, numeric: [1, 2, 3, 4])
    } else {
      body += HTMLPage.table(
        ["Architecture", "Envelope"],
        f.architectures.map { a in
          [a.architecture, (a.cumulative.last ?? nil).map { Money.text($0.envelope) } ?? "unavailable before the end"]
        }, numeric: [1])
    }
    return body
  }

  /// The events, then the crossovers.
  static func events(_ f: Forecast) -> String {
    guard !f.events.isEmpty else { return "" }
    return "<h2>Events</h2><ul>"
      + f.events.filter { !$0.kind.isCrossover }.map { e in
        "<li>Month \(e.month) (\(f.months[e.month - 1].month))\(e.architecture.map { ", \(SVGChart.escape($0))" } ?? ""): \(SVGChart.escape(e.message))</li>"
      }.joined()
      + f.crossovers.map { c in
        "<li>Month \(c.month) (\(f.months[c.month - 1].month)): "
          + SVGChart.escape(
            c.kind == .monthly
              ? "\(c.to) becomes cheaper than \(c.from) each month"
              : "\(c.to)'s cumulative cost falls below \(c.from)'s") + "</li>"
      }.joined() + "</ul>"
  }

  /// The month-by-month table, in its own scrolling box: 120 months × several architectures
  /// would otherwise run far past the page.
  static func monthlyTable(_ f: Forecast, sampled: Bool) -> String {
    (sampled ? "<h2>Monthly bill: median (p10–p90)</h2>" : "<h2>Monthly bill: range (low–high)</h2>")
      + "<div class=\"scroll\">"
      + HTMLPage.table(
        ["Month", "Scenario"] + f.architectures.map(\.architecture),
        f.months.map { m in
          [m.month.description, m.scenario ?? "—"]
            + f.architectures.map { a in
              a.monthly[m.index - 1].map {
                sampled
                  ? "\(Money.text($0.p50)) (\(Money.text($0.p10))–\(Money.text($0.p90)))" : Money.text($0.envelope)
              } ?? "unavailable"
            }
        }, numeric: Set(2..<(2 + f.architectures.count))) + "</div>"
  }
}
