import BillcastCore
import BillcastEngine

/// Renders a reconciliation as a self-contained HTML page: the findings, a chart of the
/// estimate's range against the billed cost by month, and every table of the text report with
/// each meter's detail.
public enum ReconcileHTML {
  /// The reconciliation as an HTML page.
  public static func render(_ r: Reconciliation) -> String {
    // The findings first: why the bill differs is what a reader came for.
    var body = findings(r)
    body += chart(r)
    body += "<h2>Monthly totals</h2><p class=\"meta\">Billed: every row of the bill; difference: to the estimate's "
    body += "nearer end.</p>"
    body += HTMLPage.table(
      ["Month", "Estimate", "Billed", "Effective", "List", "Usage matched", "Difference", "%"],
      r.months.map { m in
        [
          m.month, Money.text(m.estimate), Money.text(m.bill.billed), Money.text(m.bill.effective),
          Money.text(m.bill.list), Money.text(m.matched.billed),
          ReconcileFigures.signed(ReconcileFigures.difference(m.bill.billed, m.estimate)),
          ReconcileFigures.percent(m.bill.billed, m.estimate),
        ]
      }, numeric: Set(1...7))
    for m in r.months { body += month(m) }
    body += unknown(r) + charges(r) + freeTier(r)
    return HTMLPage.page(
      title: ReconcileFigures.title(r),
      subtitle: [ReconcileFigures.subject(r)] + r.bills.map { "Bill " + ReconcileFigures.bill($0) }
        + [HTMLPage.pricing(r.tables)], body: body)
  }

  /// The estimate (its midpoint, shaded from low to high) and the billed cost, month by month.
  static func chart(_ r: Reconciliation) -> String {
    let estimate = (
      name: "Estimate", values: r.months.map { Optional(SVGChart.double(($0.estimate.low + $0.estimate.high) / 2)) },
      band: r.months.map { Optional((SVGChart.double($0.estimate.low), SVGChart.double($0.estimate.high))) }
    )
    let billed = (
      name: "Billed", values: r.months.map { Optional(SVGChart.double($0.bill.billed)) },
      band: r.months.map { _ -> (Double, Double)? in nil }
    )
    let currency = ReconcileFigures.currency(r)
    return SVGChart.lines(
      title: "Estimate against the bill by month (\(currency))", xLabels: r.months.map(\.month),
      series: [estimate, billed], yTitle: "USD per month", xTitle: "Month",
      bandNote: "estimate: midpoint; shaded: low–high")
  }

  static func findings(_ r: Reconciliation) -> String {
    guard !r.findings.isEmpty else { return "<h2>Findings</h2><p>None: the bill is within the estimate.</p>" }
    return "<h2>Findings (why the bill differs)</h2>"
      + HTMLPage.table(
        ["Kind", "Months", "Subject", "Finding", "Effect", "Factor"],
        r.findings.map { f in
          [
            f.kind.rawValue, f.months.joined(separator: ", "), f.subject, f.message, ReconcileFigures.signed(f.effect),
            ReconcileFigures.factor(f.factor),
          ]
        }, numeric: [4, 5])
  }

  static func month(_ m: MonthReconciliation) -> String {
    var out = "<h2>\(SVGChart.escape(m.month)) (\(PriceText.quantity(m.hours)) hours)</h2>"
    out += HTMLPage.table(
      ["Service", "Estimate", "Billed", "Effective", "List", "Difference", "%"],
      m.services.map { s in
        [
          s.name, Money.text(s.estimate), Money.text(s.bill.billed), Money.text(s.bill.effective),
          Money.text(s.bill.list), ReconcileFigures.signed(ReconcileFigures.difference(s.bill.billed, s.estimate)),
          ReconcileFigures.percent(s.bill.billed, s.estimate),
        ]
      }, numeric: Set(1...6))
    if let credits = m.estimateCredits { out += "<p>The estimate took off \(Money.text(credits)) for credits.</p>" }
    out += HTMLPage.table(
      [
        "Meter", "Quantity: estimate", "Quantity: bill (free, committed)", "Quantity drift", "Rates per unit: table",
        "Rates per unit: bill", "Rate drift", "SKUs", "Usage types",
      ],
      m.services.flatMap { ReconcileFigures.shown($0.meters) }.map { meter in
        [
          meter.meter.description, ReconcileFigures.quantity(meter.estimateQuantity, meter.unit),
          ReconcileFigures.quantity(meter.billQuantity, meter.unit)
            + " (\(PriceText.quantity(meter.billFreeQuantity)), \(PriceText.quantity(meter.billCommittedQuantity)))",
          meter.quantityDrift.map(ReconcileFigures.quantityDrift) ?? "—", ReconcileFigures.tableRates(meter),
          ReconcileFigures.billRates(meter),
          meter.rateDrift.map(ReconcileFigures.rateDrift)
            ?? "—",
          ReconcileFigures.list(meter.skus), ReconcileFigures.list(meter.usageTypes),
        ]
      }, numeric: [1, 2])
    return out
  }

  static func unknown(_ r: Reconciliation) -> String {
    let rows = ReconcileFigures.unknown(r)
    guard !rows.isEmpty else {
      return "<h2>What the profile does not know</h2><p>Nothing: every usage row matched.</p>"
    }
    return "<h2>What the profile does not know</h2><p>Usage no component or meter matched, largest first.</p>"
      + HTMLPage.table(
        ["Month", "Service", "Usage type", "Region", "Account", "Quantity", "Billed", "First row", "Reason"],
        rows.map { month, u in
          [
            month, ReconcileFigures.service(u), u.usageType, u.region.isEmpty ? "—" : u.region, u.account,
            ReconcileFigures.quantity(u.quantity, u.unit), Money.text(u.amounts.billed), u.firstRow, u.reason,
          ]
        }, numeric: [5, 6])
  }

  static func charges(_ r: Reconciliation) -> String {
    let rows = r.months.flatMap { m in m.charges.map { (m.month, $0) } }
    guard !rows.isEmpty else { return "<h2>Other charges</h2><p>None.</p>" }
    return "<h2>Other charges</h2><p>Credits, refunds, tax, support, commitments.</p>"
      + HTMLPage.table(
        ["Month", "Kind", "Billed", "Effective", "List", "Rows"],
        rows.map { month, c in
          [
            month, c.kind, Money.text(c.amounts.billed), Money.text(c.amounts.effective), Money.text(c.amounts.list),
            String(c.amounts.rows),
          ]
        }, numeric: [2, 3, 4, 5])
  }

  static func freeTier(_ r: Reconciliation) -> String {
    let rows = ReconcileFigures.freeTier(r)
    guard !rows.isEmpty else { return "<h2>Free tier</h2><p>None on the bill or in the estimate.</p>" }
    return "<h2>Free tier</h2>"
      + HTMLPage.table(
        ["Month", "Meter", "Bill's free quantity", "billcast drew"],
        rows.map { month, m in
          [
            month, m.meter.description, ReconcileFigures.quantity(m.billFreeQuantity, m.unit),
            ReconcileFigures.quantity(m.estimateFreeTier, m.unit),
          ]
        }, numeric: [2, 3])
  }
}
