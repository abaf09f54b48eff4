import BillcastCore
import BillcastEngine

/// Renders a reconciliation as CSV, for a spreadsheet: one row per month × service × meter
/// (`row_kind` `meter`), one per unknown charge (`unknown`) and one per other charge (`charge`).
///
/// Figures are exact decimals, never rounded to cents. Every cell goes through
/// ``CompareCSV/field(_:)``: a service name from a bill that starts with `=` cannot become a formula.
public enum ReconcileCSV {
  /// The header row's columns.
  static let columns = [
    "row_kind", "month", "service", "service_name", "meter", "component", "unit", "estimate_quantity_low",
    "estimate_quantity_high", "bill_quantity", "bill_free_quantity", "bill_committed_quantity",
    "estimate_free_tier_low", "estimate_free_tier_high", "estimate_cost_low", "estimate_cost_high", "billed",
    "effective", "list", "rows", "difference", "table_rates", "bill_rates", "quantity_drift_factor", "measured_input",
    "measured_profile_low", "measured_profile_high", "measured_value", "rate_drift_factor", "rate_drift_effect",
    "usage_types", "skus", "kind", "region", "account", "reason", "first_row", "architecture", "scenario",
  ]

  /// The CSV text: a header row, then each month's meter rows, its unknown charges (largest
  /// first) and its other charges.
  public static func render(_ r: Reconciliation) -> String {
    var out = columns.joined(separator: ",") + "\n"
    for m in r.months {
      for s in m.services {
        for meter in s.meters { out += line(meter: meter, service: s, month: m.month, r) }
      }
      for u in ReconcileFigures.largestFirst(m.unknown) { out += line(unknown: u, month: m.month, r) }
      for c in m.charges {
        var cells = empty(kind: "charge", month: m.month, r)
        set(&cells, amounts: c.amounts)
        cells[index("kind")] = c.kind
        out += joined(cells)
      }
    }
    return out
  }

  static func index(_ column: String) -> Int { columns.firstIndex(of: column)! }

  static func empty(kind: String, month: String, _ r: Reconciliation) -> [String] {
    var cells = Array(repeating: "", count: columns.count)
    cells[0] = kind
    cells[1] = month
    cells[index("architecture")] = r.architecture
    cells[index("scenario")] = r.scenario
    return cells
  }

  static func set(_ cells: inout [String], amounts a: BillAmounts) {
    cells[index("billed")] = a.billed.description
    cells[index("effective")] = a.effective.description
    cells[index("list")] = a.list.description
    cells[index("rows")] = String(a.rows)
  }

  static func joined(_ cells: [String]) -> String { cells.map(CompareCSV.field).joined(separator: ",") + "\n" }

  /// A meter's row: rates space-separated, the bill's as `rate@quantity`.
  static func line(meter m: MeterReconciliation, service s: ServiceReconciliation, month: String, _ r: Reconciliation)
    -> String
  {
    var cells = empty(kind: "meter", month: month, r)
    let values: [(String, String)] = [
      ("service", s.service), ("service_name", s.name), ("meter", m.meter.description), ("unit", m.unit),
      ("estimate_quantity_low", m.estimateQuantity.low.description),
      ("estimate_quantity_high", m.estimateQuantity.high.description),
      ("bill_quantity", m.billQuantity.description), ("bill_free_quantity", m.billFreeQuantity.description),
      ("bill_committed_quantity", m.billCommittedQuantity.description),
      ("estimate_free_tier_low", m.estimateFreeTier.low.description),
      ("estimate_free_tier_high", m.estimateFreeTier.high.description),
      ("estimate_cost_low", m.estimateCost.low.description), ("estimate_cost_high", m.estimateCost.high.description),
      ("difference", ReconcileFigures.difference(m.bill.billed, m.estimateCost).description),
      ("table_rates", m.tableRates.map(\.description).joined(separator: " ")),
      ("bill_rates", m.billRates.map { "\($0.rate)@\($0.quantity)" }.joined(separator: " ")),
      ("usage_types", m.usageTypes.joined(separator: " ")), ("skus", m.skus.joined(separator: " ")),
    ]
    for (column, value) in values { cells[index(column)] = value }
    set(&cells, amounts: m.bill)
    if let d = m.quantityDrift {
      cells[index("quantity_drift_factor")] = d.factor?.description ?? ""
      if let v = d.explanation {
        cells[index("component")] = v.component
        cells[index("measured_input")] = v.input
        cells[index("measured_profile_low")] = v.profile.low.description
        cells[index("measured_profile_high")] = v.profile.high.description
        cells[index("measured_value")] = v.measured.description
      }
    }
    if let d = m.rateDrift {
      cells[index("rate_drift_factor")] = d.factor.description
      cells[index("rate_drift_effect")] = d.effect.description
    }
    return joined(cells)
  }

  /// An unknown charge's row: the offer code in `service`, the billed name in `service_name`.
  static func line(unknown u: UnknownCharge, month: String, _ r: Reconciliation) -> String {
    var cells = empty(kind: "unknown", month: month, r)
    let values: [(String, String)] = [
      ("service", u.serviceCode), ("service_name", u.serviceName), ("component", u.component ?? ""),
      ("unit", u.unit), ("bill_quantity", u.quantity.description), ("usage_types", u.usageType),
      ("region", u.region), ("account", u.account), ("reason", u.reason), ("first_row", u.firstRow),
    ]
    for (column, value) in values { cells[index(column)] = value }
    set(&cells, amounts: u.amounts)
    return joined(cells)
  }
}
