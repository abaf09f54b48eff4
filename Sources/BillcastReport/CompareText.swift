import BillcastCore
import BillcastEngine

/// Renders a comparison for a terminal or as Markdown: the document's "Idle | Active | Best for" shape.
public enum CompareText {
  /// The comparison as text or Markdown: cost by scenario, availability, cheapest, break-even and sensitivity.
  public static func render(_ c: Comparison, markdown: Bool = false) -> String {
    let e = c.estimate
    var out =
      markdown
      ? "# \(EstimateMarkdown.cell(e.profileName)) — architectures compared\n\n"
      : "\(e.profileName) — architectures compared (\(e.currency) a month)\n"
    out +=
      markdown
      ? "- Region: `\(e.region)`, as of \(e.asOf)\n- Free tier: \(e.freeTier.summary)\n- "
      : "Region \(e.region), as of \(e.asOf); free tier: \(e.freeTier.summary)\n"
    out += ReportHeader.pricingLine(e.tables, markdown: markdown) + "\n"
    out += ReportHeader.tableWarnings(e.tables, markdown: markdown)
    let scenarios = EstimateText.unique(e.results.map(\.scenario))
    out += costByScenario(c, scenarios: scenarios, markdown: markdown)
    out += availability(c, markdown: markdown)
    out += cheapest(c, markdown: markdown)
    for b in c.breakEven { out += breakEven(b, point: c.point, markdown: markdown) }
    out += sensitivity(c, scenarios: scenarios, markdown: markdown)
    let warnings = EstimateText.unique(
      e.results.flatMap { r in r.warnings.map { "\(r.architecture): [\($0.code)] \($0.message)" } })
    if !warnings.isEmpty {
      out += markdown ? "\n**Warnings**\n\n" : "\nWarnings:\n"
      for w in warnings { out += "- \(markdown ? EstimateMarkdown.cell(w) : w)\n" }
    }
    return markdown ? MarkdownText.escapingDollars(out) : out
  }

  /// Each architecture's amount due per scenario and where it is cheapest; unavailable ones last.
  static func costByScenario(_ c: Comparison, scenarios: [String], markdown: Bool) -> String {
    let e = c.estimate
    let headers = ["Architecture"] + scenarios + ["Cheapest in"]
    var rows: [[String]] = []
    for a in EstimateText.unique(e.results.map(\.architecture)) {
      var row = [a + (c.closed.contains { $0.architecture == a } ? " (closed to new customers)" : "")]
      for s in scenarios {
        row.append(e.results.first { $0.architecture == a && $0.scenario == s }.map { Money.text($0.amountDue) } ?? "—")
      }
      let wins = c.cheapest.filter { $0.low == a || $0.high == a }.map { ch in
        ch.low == ch.high ? ch.scenario : "\(ch.scenario) (\(ch.low == a ? "low end" : "high end"))"
      }
      row.append(wins.isEmpty ? "—" : wins.joined(separator: ", "))
      rows.append(row)
    }
    for u in c.unavailable {
      rows.append([u.architecture + " (unavailable)"] + scenarios.map { _ in "—" } + ["—"])
    }
    return "\n" + (markdown ? "## Monthly cost by scenario\n\n" : "")
      + table(headers, rows, markdown: markdown, rightAligned: Set(1...scenarios.count))
  }

  /// The architectures not priced, and those closed to new customers, with why.
  static func availability(_ c: Comparison, markdown: Bool) -> String {
    guard !c.unavailable.isEmpty || !c.closed.isEmpty else { return "" }
    var out = markdown ? "\n**Availability**\n\n" : "\nAvailability:\n"
    for u in c.unavailable { out += bullet("\(u.architecture): not priced: \(u.reason)", markdown) }
    for u in c.closed { out += bullet("\(u.architecture): \(u.reason)", markdown) }
    return out
  }

  /// The cheapest architecture of each scenario, at each end when they differ.
  static func cheapest(_ c: Comparison, markdown: Bool) -> String {
    var out = markdown ? "\n## Cheapest\n\n" : "\nCheapest:\n"
    for ch in c.cheapest {
      if ch.low == ch.high {
        out += bullet("\(ch.scenario): \(ch.low) (\(Money.text(ch.lowTotal))–\(Money.text(ch.highTotal)))", markdown)
      } else {
        out += bullet(
          "\(ch.scenario): \(ch.low) at the low end (\(Money.text(ch.lowTotal))), \(ch.high) at the high end (\(Money.text(ch.highTotal)))",
          markdown)
      }
    }
    return out
  }

  /// One break-even search: where it stopped, each crossing, and the cheapest architecture by stretch.
  static func breakEven(_ b: BreakEven, point: CompiledFormula.RangePoint, markdown: Bool) -> String {
    var out =
      markdown
      ? "\n## Break-even: \(b.variable) from \(q(b.from)) to \(q(b.to)) (\(EstimateMarkdown.cell(b.scenario)))\n\n"
      : "\nBreak-even as \(b.variable) goes from \(q(b.from)) to \(q(b.to)) (\(b.scenario); other variables at their \(point.rawValue) points; \(b.evaluations) points priced):\n"
    if let reason = b.stopReason {
      let line = "- the search stopped at \(q(b.to)), below the \(q(b.requestedTo ?? b.to)) asked for: \(reason)"
      out += (markdown ? EstimateMarkdown.cell(line) : TerminalText.escaped(line)) + "\n"
    }
    if b.crossings.isEmpty {
      out += bullet("no change: \(b.segments.first?.cheapest ?? "—") is the cheapest throughout", markdown)
    }
    for x in b.crossings {
      out += bullet(
        "at \(b.variable) = \(q(x.at)): \(x.to) becomes cheaper than \(x.from): \(x.to) \(fine(x.toCostAt)) vs \(x.from) \(fine(x.fromCostAt)); one step below, \(fine(x.toCostBefore)) vs \(fine(x.fromCostBefore))",
        markdown)
    }
    let segRows = b.segments.map { [q($0.from), q($0.to), $0.cheapest] }
    return out + "\n"
      + table([b.variable + " from", "to", "cheapest"], segRows, markdown: markdown, rightAligned: [0, 1])
  }

  /// Per scenario, the five variables that move each architecture's cost most (a cent or more).
  static func sensitivity(_ c: Comparison, scenarios: [String], markdown: Bool) -> String {
    var out = ""
    let byScenario = Dictionary(grouping: c.sensitivity, by: \.scenario)
    for s in scenarios {
      guard let list = byScenario[s], list.contains(where: { !$0.rows.isEmpty }) else { continue }
      out +=
        markdown
        ? "\n## Sensitivity (\(EstimateMarkdown.cell(s)))\n\n"
        : "\nSensitivity (\(s)): monthly cost with each variable at its low and high end, the others at their \(c.point.rawValue) points\n"
      var rows: [[String]] = []
      for sens in list {
        for r in sens.rows.filter({ $0.swing >= ExactDecimal.cent }).prefix(5) {
          rows.append([
            sens.architecture, r.variable, "\(q(r.low))..\(q(r.high))", Money.text(r.costAtLow),
            Money.text(r.costAtHigh), Money.text(r.swing),
          ])
        }
      }
      out += table(
        ["Architecture", "Variable", "Range", "Cost at low", "Cost at high", "Swing"], rows, markdown: markdown,
        rightAligned: [2, 3, 4, 5])
    }
    return out
  }

  static func q(_ v: ExactDecimal) -> String { PriceText.quantity(v) }

  /// One list item of user text: escaped for Markdown, as typed for a terminal.
  static func bullet(_ text: String, _ markdown: Bool) -> String {
    "- " + (markdown ? EstimateMarkdown.cell(text) : text) + "\n"
  }

  /// Dollars to six decimals, so two totals a cent apart at a crossing still differ.
  static func fine(_ v: ExactDecimal) -> String { "$" + v.formatted(fractionDigits: 6, grouping: true) }

  static func table(_ headers: [String], _ rows: [[String]], markdown: Bool, rightAligned: Set<Int>) -> String {
    if markdown {
      var out = "| " + headers.map(EstimateMarkdown.cell).joined(separator: " | ") + " |\n|"
      out += headers.indices.map { rightAligned.contains($0) ? "---:|" : "---|" }.joined() + "\n"
      for r in rows { out += "| " + r.map(EstimateMarkdown.cell).joined(separator: " | ") + " |\n" }
      return out
    }
    var t = TextTable(headers: headers, alignments: headers.indices.map { rightAligned.contains($0) ? .right : .left })
    for r in rows { t.add(r.map { [$0] }) }
    return t.rendered(indent: "  ")
  }
}
