import BillcastCore
import BillcastEngine

/// Renders a reconciliation as Markdown, for a pull request or an issue: the findings first,
/// then the months, the charges the profile does not know, other charges and the free tier.
public enum ReconcileMarkdown {
  /// The reconciliation as Markdown; with `detail`, each meter's quantities, rates and drifts.
  public static func render(_ r: Reconciliation, detail: Bool) -> String {
    var out = "# \(cell(ReconcileFigures.title(r)))\n\n"
    out += "- Profile \(code(r.profilePath)); architecture \(code(r.architecture)), "
    out += "scenario \(code(r.scenario)); region \(code(r.region))\n"
    for b in r.bills { out += "- Bill \(cell(ReconcileFigures.bill(b)))\n" }
    out += "- " + ReportHeader.pricingLine(r.tables, markdown: true, code: true) + "\n"
    out += ReportHeader.tableWarnings(r.tables, markdown: true)
    out += "\n" + findings(r)
    out += "\n## Monthly totals\n\nBilled: every row of the bill; difference: to the estimate's nearer end.\n\n"
    out += "| Month | Estimate | Billed | Effective | List | Usage matched | Difference | % |\n"
    out += "|---|---:|---:|---:|---:|---:|---:|---:|\n"
    for m in r.months {
      out += row([
        m.month, Money.text(m.estimate), Money.text(m.bill.billed), Money.text(m.bill.effective),
        Money.text(m.bill.list), Money.text(m.matched.billed),
        ReconcileFigures.signed(ReconcileFigures.difference(m.bill.billed, m.estimate)),
        ReconcileFigures.percent(m.bill.billed, m.estimate),
      ])
    }
    for m in r.months { out += "\n" + month(m, detail: detail) }
    out += "\n" + unknown(r) + "\n" + charges(r) + "\n" + freeTier(r)
    return MarkdownText.escapingDollars(out)
  }

  /// Text from a profile or a bill in a Markdown line or table cell: every construct escaped
  /// (``MarkdownText/inline(_:)``) and control characters made visible.
  static func cell(_ s: String) -> String { TerminalText.escaped(MarkdownText.inline(s)) }

  /// Text as an inline code span, control characters made visible.
  static func code(_ s: String) -> String { MarkdownText.code(TerminalText.escaped(s)) }

  /// A table row of cells already escaped.
  static func row(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |\n" }

  static func findings(_ r: Reconciliation) -> String {
    guard !r.findings.isEmpty else { return "## Findings\n\nNone: the bill is within the estimate.\n" }
    var out = "## Findings (why the bill differs)\n\n| Kind | Months | Subject | Finding | Effect | Factor |\n"
    out += "|---|---|---|---|---:|---:|\n"
    for f in r.findings {
      out += row([
        f.kind.rawValue, f.months.joined(separator: ", "), cell(f.subject), cell(f.message),
        ReconcileFigures.signed(f.effect), ReconcileFigures.factor(f.factor),
      ])
    }
    return out
  }

  static func month(_ m: MonthReconciliation, detail: Bool) -> String {
    var out = "## \(m.month) (\(PriceText.quantity(m.hours)) hours)\n\n"
    out += "| Service | Estimate | Billed | Effective | List | Difference | % |\n|---|---:|---:|---:|---:|---:|---:|\n"
    for s in m.services {
      out += row([
        cell(s.name), Money.text(s.estimate), Money.text(s.bill.billed), Money.text(s.bill.effective),
        Money.text(s.bill.list), ReconcileFigures.signed(ReconcileFigures.difference(s.bill.billed, s.estimate)),
        ReconcileFigures.percent(s.bill.billed, s.estimate),
      ])
    }
    if let credits = m.estimateCredits { out += "\nThe estimate took off \(Money.text(credits)) for credits.\n" }
    if detail {
      out +=
        "\n| Meter | Quantity: estimate | Quantity: bill (free, committed) | Quantity drift | Rates per unit: table | "
      out += "Rates per unit: bill | Rate drift | SKUs | Usage types |\n|---|---:|---:|---|---|---|---|---|---|\n"
      for s in m.services {
        for meter in ReconcileFigures.shown(s.meters) { out += self.meter(meter) }
      }
    }
    return out
  }

  static func meter(_ m: MeterReconciliation) -> String {
    row([
      code(m.meter.description), cell(ReconcileFigures.quantity(m.estimateQuantity, m.unit)),
      cell(
        ReconcileFigures.quantity(m.billQuantity, m.unit)
          + " (\(PriceText.quantity(m.billFreeQuantity)), \(PriceText.quantity(m.billCommittedQuantity)))"),
      m.quantityDrift.map { cell(ReconcileFigures.quantityDrift($0)) } ?? "—",
      cell(ReconcileFigures.tableRates(m)), cell(ReconcileFigures.billRates(m)),
      m.rateDrift.map { cell(ReconcileFigures.rateDrift($0)) } ?? "—",
      cell(ReconcileFigures.list(m.skus)), cell(ReconcileFigures.list(m.usageTypes)),
    ])
  }

  static func unknown(_ r: Reconciliation) -> String {
    let rows = ReconcileFigures.unknown(r)
    guard !rows.isEmpty else { return "## What the profile does not know\n\nNothing: every usage row matched.\n" }
    var out = "## What the profile does not know\n\nUsage no component or meter matched, largest first.\n\n"
    out += "| Month | Service | Usage type | Region | Account | Quantity | Billed | First row | Reason |\n"
    out += "|---|---|---|---|---|---:|---:|---|---|\n"
    for (month, u) in rows {
      out += row([
        month, cell(ReconcileFigures.service(u)), cell(u.usageType), u.region.isEmpty ? "—" : cell(u.region),
        cell(u.account),
        cell(ReconcileFigures.quantity(u.quantity, u.unit)), Money.text(u.amounts.billed), cell(u.firstRow),
        cell(u.reason),
      ])
    }
    return out
  }

  static func charges(_ r: Reconciliation) -> String {
    let rows = r.months.flatMap { m in m.charges.map { (m.month, $0) } }
    guard !rows.isEmpty else { return "## Other charges\n\nNone.\n" }
    var out = "## Other charges\n\nCredits, refunds, tax, support, commitments.\n\n"
    out += "| Month | Kind | Billed | Effective | List | Rows |\n|---|---|---:|---:|---:|---:|\n"
    for (month, c) in rows {
      out += row([
        month, cell(c.kind), Money.text(c.amounts.billed), Money.text(c.amounts.effective),
        Money.text(c.amounts.list), String(c.amounts.rows),
      ])
    }
    return out
  }

  static func freeTier(_ r: Reconciliation) -> String {
    let rows = ReconcileFigures.freeTier(r)
    guard !rows.isEmpty else { return "## Free tier\n\nNone on the bill or in the estimate.\n" }
    var out = "## Free tier\n\n| Month | Meter | Bill's free quantity | billcast drew |\n|---|---|---:|---:|\n"
    for (month, m) in rows {
      out += row([
        month, code(m.meter.description), cell(ReconcileFigures.quantity(m.billFreeQuantity, m.unit)),
        cell(ReconcileFigures.quantity(m.estimateFreeTier, m.unit)),
      ])
    }
    return out
  }
}
