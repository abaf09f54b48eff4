import BillcastCore
import BillcastEngine

/// Renders a forecast for a terminal or as Markdown: monthly medians with their p10–p90, cumulative totals, sparklines and events.
public enum ForecastText {
  /// The forecast as text or Markdown: monthly medians, totals over the horizon, crossovers and events.
  public static func render(_ f: Forecast, markdown: Bool = false) -> String {
    var out =
      markdown
      ? "# \(EstimateMarkdown.cell(f.profileName)) — forecast\n\n"
      : "\(f.profileName) — \(f.months.count)-month forecast (\(f.currency))\n"
    let first = f.months.first!.month, last = f.months.last!.month
    let runs = f.samples > 0 ? "\(f.samples) Monte Carlo samples, seed \(f.seed)" : "deterministic envelope only"
    out +=
      (markdown ? "- " : "") + "Region \(f.region), \(first) to \(last); \(runs); free tier: \(f.freeTier.summary)\n"
    out += (markdown ? "- " : "") + ReportHeader.pricingLine(f.tables, markdown: markdown) + "\n"
    out += ReportHeader.tableWarnings(f.tables, markdown: markdown)

    out += monthly(f, markdown: markdown)
    out += totals(f, markdown: markdown)
    if !f.crossovers.isEmpty {
      out += markdown ? "\n## Crossovers\n\n" : "\nCrossovers\n"
      for c in f.crossovers {
        let when = "month \(c.month) (\(f.months[c.month - 1].month))"
        out += CompareText.bullet(
          "\(when): "
            + (c.kind == .monthly
              ? "\(c.to) becomes cheaper than \(c.from) each month"
              : "\(c.to)'s cumulative cost falls below \(c.from)'s"),
          markdown)
      }
    }
    if !f.events.isEmpty {
      out += markdown ? "\n## Events\n\n" : "\nEvents\n"
      for e in f.events where !e.kind.isCrossover {
        out += CompareText.bullet(
          "month \(e.month) (\(f.months[e.month - 1].month))" + (e.architecture.map { ", \($0)" } ?? "")
            + ": \(e.message)",
          markdown)
      }
    }
    return markdown ? MarkdownText.escapingDollars(out) : out
  }

  /// Each month's median with its p10–p90, per architecture.
  static func monthly(_ f: Forecast, markdown: Bool) -> String {
    let names = f.architectures.map(\.architecture)
    var rows: [[String]] = []
    for month in f.months {
      var row = [String(month.index), month.month.description, month.scenario ?? "—"]
      for a in f.architectures {
        row.append(
          a.monthly[month.index - 1].map { "\(Money.text($0.p50)) (\(Money.text($0.p10))–\(Money.text($0.p90)))" }
            ?? "unavailable")
      }
      rows.append(row)
    }
    return (markdown ? "\n## Monthly bill: median (p10–p90)\n\n" : "\nMonthly bill: median (p10–p90)\n")
      + CompareText.table(
        ["#", "Month", "Scenario"] + names, rows, markdown: markdown, rightAligned: Set(3..<(3 + names.count)))
  }

  /// Each architecture's total over the horizon, with a sparkline of its monthly medians.
  static func totals(_ f: Forecast, markdown: Bool) -> String {
    var totals: [[String]] = []
    for a in f.architectures {
      guard let c = a.cumulative.last ?? nil else {
        let lastKnown = a.cumulative.compactMap { $0 }.last
        totals.append([
          a.architecture, lastKnown.map { "\(Money.text($0.p50)) until unavailable" } ?? "unavailable", "", "", "",
          Sparkline.line(a.monthly.map { $0?.p50 }),
        ])
        continue
      }
      totals.append([
        a.architecture, Money.text(c.p50), Money.text(c.p10), Money.text(c.p90), Money.text(c.envelope),
        Sparkline.line(a.monthly.map { $0?.p50 }),
      ])
    }
    return (markdown ? "\n## Total over \(f.months.count) months\n\n" : "\nTotal over \(f.months.count) months\n")
      + CompareText.table(
        ["Architecture", "p50", "p10", "p90", "Envelope (low–high)", "Monthly median"], totals, markdown: markdown,
        rightAligned: [1, 2, 3, 4])
  }
}

/// A row of block characters, one per month, scaled from the lowest to the highest value.
private enum Sparkline {
  static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

  /// One block per value, a space where a value is nil.
  package static func line(_ values: [ExactDecimal?]) -> String {
    let known = values.compactMap { $0 }
    guard let lo = known.min(), let hi = known.max() else { return "" }
    return String(
      values.map { v -> Character in
        guard let v else { return " " }
        if hi == lo { return blocks[0] }
        let index = Int(((v - lo) * 7 / (hi - lo)).rounded(toFractionDigits: 0).raw / ExactDecimal.scale)
        return blocks[min(max(index, 0), 7)]
      })
  }
}
