import BillcastEngine

/// Renders a reconciliation (placeholder until the report lands).
public enum ReconcileCSV {
  /// The report.
  public static func render(_ r: Reconciliation, detail: Bool = false) -> String {
    var out = "\(r.profileName) \(r.architecture) \(r.scenario)\n"
    for f in r.findings {
      out += "finding \(f.kind.rawValue) \(f.months) \(f.subject): \(f.message) effect \(f.effect)\n"
    }
    for m in r.months {
      out += "month \(m.month) estimate \(m.estimate) billed \(m.bill.billed) matched \(m.matched.list)\n"
      for s in m.services {
        out += "  \(s.service) est \(s.estimate) list \(s.bill.list)\n"
        for x in s.meters where detail {
          out +=
            "    \(x.meter) q \(x.estimateQuantity) bill \(x.billQuantity) rates \(x.tableRates) \(x.billRates.map(\.rate))\n"
        }
      }
      for u in m.unknown { out += "  unknown \(u.serviceCode) \(u.usageType) \(u.amounts.billed) \(u.reason)\n" }
      for c in m.charges { out += "  charge \(c.kind) \(c.amounts.billed)\n" }
    }
    for c in r.calibration {
      out += "calibrate \(c.component).\(c.input) \(c.values.map { "\($0.month)=\($0.value)" })\n"
    }
    return out
  }
}
