import BillcastEngine

/// Renders an estimate as CSV: one row per line item, with exact decimals, for a spreadsheet.
public enum EstimateCSV {
  /// The header row's columns.
  static let columns = [
    "scenario", "architecture", "component", "service", "meter", "unit", "quantity_low", "quantity_high",
    "free_tier_low", "free_tier_high", "cost_low", "cost_high", "total_low", "total_high", "as_of", "region",
    "free_tier", "pricing",
  ]

  /// The CSV text: a header row, then one row per scenario × architecture × line item.
  ///
  /// A line's `cost` is the component's share of its account meter's bill, and `free_tier` the
  /// part of its quantity the free tier covered; `total` is the result's amount due. Figures are
  /// exact decimals, never rounded to cents, so a spreadsheet's sums match billcast's.
  public static func render(_ e: Estimate) -> String {
    var out = columns.joined(separator: ",") + "\n"
    let pricing = e.tables.map { "\($0.id)@\($0.sha256.prefix(12))" }.joined(separator: " ")
    for r in e.results {
      for component in r.components {
        for line in component.lines {
          out +=
            [
              r.scenario, r.architecture, component.label, line.service, line.meter, line.unit,
              line.quantity.low.description, line.quantity.high.description,
              line.freeTier.low.description, line.freeTier.high.description,
              line.cost.low.description, line.cost.high.description,
              r.amountDue.low.description, r.amountDue.high.description,
              e.asOf.description, e.region, e.freeTier.account.rawValue, pricing,
            ].map(CompareCSV.field).joined(separator: ",") + "\n"
        }
      }
    }
    return out
  }
}
