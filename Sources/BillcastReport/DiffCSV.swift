import BillcastCore
import BillcastEngine

/// Renders a diff as CSV: one row per changed total, then one per changed line item.
public enum DiffCSV {
  /// The CSV text. `level` is `total` or `line`; a side that has no figure (a result or line
  /// added or removed) leaves its cells empty; `percent` is empty where the before side is 0.
  public static func render(_ d: CostDiff) -> String {
    var out =
      "level,scenario,architecture,service,component,meter,before_low,before_high,after_low,after_high,change_low,change_high,percent,before,after\n"
    func cells<K>(_ c: CostDiff.Change<K>) -> [String] {
      [
        c.before?.low.description ?? "", c.before?.high.description ?? "", c.after?.low.description ?? "",
        c.after?.high.description ?? "",
        c.delta.low.description, c.delta.high.description, c.percent?.description ?? "",
      ]
    }
    for c in d.totals where c.changed {
      out +=
        (["total", c.key.scenario, c.key.architecture, "", "", ""] + cells(c) + [d.before, d.after]).map(
          CompareCSV.field
        ).joined(separator: ",") + "\n"
    }
    for c in d.lines where c.changed {
      let k = c.key
      out +=
        (["line", k.result.scenario, k.result.architecture, k.line.service, k.line.component, k.line.meter] + cells(c)
        + [d.before, d.after])
        .map(CompareCSV.field).joined(separator: ",") + "\n"
    }
    return out
  }
}
