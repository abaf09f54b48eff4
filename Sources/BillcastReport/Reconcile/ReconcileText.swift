import BillcastCore
import BillcastEngine

/// Renders a reconciliation for a terminal: the findings first, then each month's services
/// against the bill, the charges the profile does not know, other charges and the free tier.
///
/// Every text from a bill (service names, usage types, file names) is escaped for the
/// terminal: in tables by ``TextTable``, elsewhere by ``TerminalText/escaped(_:)``.
public enum ReconcileText {
  /// The reconciliation as text; with `detail`, each meter's quantities, rates and drifts.
  public static func render(_ r: Reconciliation, detail: Bool) -> String {
    var out = header(r)
    out += "\n" + findings(r)
    out += "\n" + totals(r)
    for month in r.months { out += "\n" + self.month(month, detail: detail) }
    out += "\n" + unknown(r)
    out += "\n" + charges(r)
    out += "\n" + freeTier(r)
    return out
  }

  static func header(_ r: Reconciliation) -> String {
    var out = TerminalText.escaped(ReconcileFigures.title(r)) + "\n"
    out += TerminalText.escaped(ReconcileFigures.subject(r)) + "\n"
    for b in r.bills { out += "Bill " + TerminalText.escaped(ReconcileFigures.bill(b)) + "\n" }
    out += TerminalText.escaped(ReportHeader.pricingLine(r.tables)) + "\n"
    out += ReportHeader.tableWarnings(r.tables, markdown: false)
    return out
  }

  /// The causes found, largest effect first: what a reader wants to know first.
  static func findings(_ r: Reconciliation) -> String {
    guard !r.findings.isEmpty else { return "Findings: none (the bill is within the estimate)\n" }
    var out = "Findings (why the bill differs), largest effect first\n"
    for (i, f) in r.findings.enumerated() {
      out +=
        "  \(i + 1). [\(f.kind.rawValue)] \(TerminalText.escaped(f.subject)) (\(f.months.joined(separator: ", "))): "
        + "\(TerminalText.escaped(f.message)) (\(ReconcileFigures.effect(f)))\n"
    }
    return out
  }

  /// One row per month: the estimate's range against the whole bill.
  static func totals(_ r: Reconciliation) -> String {
    var table = TextTable(
      headers: ["Month", "Estimate", "Billed", "Effective", "List", "Usage matched", "Difference", "%"],
      alignments: [.left] + Array(repeating: .right, count: 7))
    for m in r.months {
      table.add(
        [
          [m.month], [Money.text(m.estimate)], [Money.text(m.bill.billed)], [Money.text(m.bill.effective)],
          [Money.text(m.bill.list)], [Money.text(m.matched.billed)],
          [ReconcileFigures.signed(ReconcileFigures.difference(m.bill.billed, m.estimate))],
          [ReconcileFigures.percent(m.bill.billed, m.estimate)],
        ])
    }
    return "Monthly totals (billed: every row of the bill; difference: to the estimate's nearer end)\n"
      + table.rendered(indent: "  ")
  }

  /// A month's services against the matched rows; with `detail`, each meter below.
  static func month(_ m: MonthReconciliation, detail: Bool) -> String {
    var out = "Month \(m.month) (\(PriceText.quantity(m.hours)) hours)\n"
    var table = TextTable(
      headers: ["Service", "Estimate", "Billed", "Effective", "List", "Difference", "%"],
      alignments: [.left] + Array(repeating: .right, count: 6))
    for s in m.services {
      table.add(
        [
          [s.name], [Money.text(s.estimate)], [Money.text(s.bill.billed)], [Money.text(s.bill.effective)],
          [Money.text(s.bill.list)], [ReconcileFigures.signed(ReconcileFigures.difference(s.bill.billed, s.estimate))],
          [ReconcileFigures.percent(s.bill.billed, s.estimate)],
        ])
    }
    out += table.rendered(indent: "  ")
    if let credits = m.estimateCredits { out += "  The estimate took off \(Money.text(credits)) for credits.\n" }
    if detail {
      out += "\n"
      for s in m.services {
        out += "  \(TerminalText.escaped(s.name)) (\(TerminalText.escaped(s.service)))\n"
        for meter in ReconcileFigures.shown(s.meters) { out += self.meter(meter) }
      }
    }
    return out
  }

  /// One meter's quantities, rates, drifts, SKUs and usage types, indented under its service.
  static func meter(_ m: MeterReconciliation) -> String {
    let e = TerminalText.escaped
    var out = "    \(e(m.meter.description)) (\(e(m.unit))): estimate \(Money.text(m.estimateCost)), billed "
    out += "\(Money.text(m.bill.billed)) in \(ReconcileFigures.rows(m.bill.rows))\n"
    out += "      quantity: estimate \(e(ReconcileFigures.quantity(m.estimateQuantity, m.unit))); bill "
    out += "\(e(ReconcileFigures.quantity(m.billQuantity, m.unit))) (free \(PriceText.quantity(m.billFreeQuantity)), "
    out += "committed \(PriceText.quantity(m.billCommittedQuantity)))\n"
    if let d = m.quantityDrift { out += "      \(e(ReconcileFigures.quantityDrift(d)))\n" }
    out +=
      "      rates per unit: table \(e(ReconcileFigures.tableRates(m))); bill \(e(ReconcileFigures.billRates(m)))\n"
    if let d = m.rateDrift { out += "      \(e(ReconcileFigures.rateDrift(d)))\n" }
    out += "      SKUs: \(e(ReconcileFigures.list(m.skus))); usage types: \(e(ReconcileFigures.list(m.usageTypes)))\n"
    return out
  }

  /// Usage no component or meter matched, largest first in each month.
  static func unknown(_ r: Reconciliation) -> String {
    let rows = ReconcileFigures.unknown(r)
    guard !rows.isEmpty else { return "What the profile does not know: nothing (every usage row matched)\n" }
    var table = TextTable(
      headers: ["Month", "Service", "Usage type", "Region", "Account", "Quantity", "Billed", "First row", "Reason"],
      alignments: [.left, .left, .left, .left, .left, .right, .right, .left, .left])
    table.detailColumns = [8]
    for (month, u) in rows {
      table.add(
        [
          [month], [ReconcileFigures.service(u)], [u.usageType], [u.region.isEmpty ? "—" : u.region], [u.account],
          [ReconcileFigures.quantity(u.quantity, u.unit)], [Money.text(u.amounts.billed)], [u.firstRow], [u.reason],
        ])
    }
    return "What the profile does not know (usage no component or meter matched), largest first\n"
      + table.rendered(indent: "  ")
  }

  /// Credits, refunds, tax, support, commitment charges and discounts, by month and kind.
  static func charges(_ r: Reconciliation) -> String {
    let rows = r.months.flatMap { m in m.charges.map { (m.month, $0) } }
    guard !rows.isEmpty else { return "Other charges: none\n" }
    var table = TextTable(
      headers: ["Month", "Kind", "Billed", "Effective", "List", "Rows"],
      alignments: [.left, .left, .right, .right, .right, .right])
    for (month, c) in rows {
      table.add(
        [
          [month], [c.kind], [Money.text(c.amounts.billed)], [Money.text(c.amounts.effective)],
          [Money.text(c.amounts.list)], [String(c.amounts.rows)],
        ])
    }
    return "Other charges (credits, refunds, tax, support, commitments)\n" + table.rendered(indent: "  ")
  }

  /// Per meter, the quantity the bill charged at $0 against what billcast drew from free tiers.
  static func freeTier(_ r: Reconciliation) -> String {
    let rows = ReconcileFigures.freeTier(r)
    guard !rows.isEmpty else { return "Free tier: none on the bill or in the estimate\n" }
    var table = TextTable(
      headers: ["Month", "Meter", "Bill's free quantity", "billcast drew"], alignments: [.left, .left, .right, .right])
    for (month, m) in rows {
      table.add(
        [
          [month], [m.meter.description], [ReconcileFigures.quantity(m.billFreeQuantity, m.unit)],
          [ReconcileFigures.quantity(m.estimateFreeTier, m.unit)],
        ])
    }
    return "Free tier\n" + table.rendered(indent: "  ")
  }
}
