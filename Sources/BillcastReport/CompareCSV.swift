import Foundation
import BillcastCore
import BillcastEngine

/// Renders a comparison as CSV: one row per scenario × architecture × component, for a spreadsheet.
public enum CompareCSV {
  /// The CSV text: a header row, then one row per scenario × architecture × component, then,
  /// for an architecture read from templates, one per resource that is not a component of its own.
  public static func render(_ c: Comparison) -> String {
    var out =
      "scenario,architecture,component,service,cost_low,cost_high,total_low,total_high,as_of,region,free_tier,pricing\n"
    let pricing = c.estimate.tables.map { "\($0.id)@\($0.sha256.prefix(12))" }.joined(separator: " ")
    for r in c.estimate.results {
      for comp in r.components {
        out +=
          [
            r.scenario, r.architecture, comp.label, comp.service, comp.cost.low.description, comp.cost.high.description,
            r.amountDue.low.description, r.amountDue.high.description, c.estimate.asOf.description, c.estimate.region,
            c.estimate.freeTier.account.rawValue, pricing,
          ].map(field).joined(separator: ",") + "\n"
      }
      // A template architecture's resources that are not components of their own: free ones
      // cost 0, the others have no cost to give (their status is in the service column).
      for resource in r.resources {
        let status: String
        switch resource.status {
        case .priced: continue
        case .free: status = "free"
        case .partOf(let owner): status = "part of \(owner)"
        case .notPriced: status = "not priced"
        case .notCreated(let condition): status = "not created (condition \(condition))"
        }
        let cost = resource.status == .free ? "0" : ""
        out +=
          [
            r.scenario, r.architecture, "\(resource.id) (\(resource.type))", status, cost, cost,
            r.amountDue.low.description, r.amountDue.high.description, c.estimate.asOf.description, c.estimate.region,
            c.estimate.freeTier.account.rawValue, pricing,
          ].map(field).joined(separator: ",") + "\n"
      }
    }
    return out
  }

  /// The break-even points as CSV: for each scenario, the stretches of the varied variable
  /// (`row` segment: where one architecture is cheapest) and the crossings between them (`row`
  /// crossing: the value at which the cheapest changes, with both architectures' monthly costs
  /// one step before it and at it).
  public static func breakEven(_ c: Comparison) -> String {
    var out =
      "scenario,variable,row,start,end,cheapest,at,from_architecture,to_architecture,from_cost_before,to_cost_before,from_cost_at,to_cost_at\n"
    for b in c.breakEven {
      for seg in b.segments {
        out +=
          [
            b.scenario, b.variable, "segment", seg.from.description, seg.to.description, seg.cheapest, "", "", "", "",
            "", "", "",
          ]
          .map(field).joined(separator: ",") + "\n"
      }
      for x in b.crossings {
        out +=
          [
            b.scenario, b.variable, "crossing", "", "", "", x.at.description, x.from, x.to,
            x.fromCostBefore.description, x.toCostBefore.description, x.fromCostAt.description, x.toCostAt.description,
          ]
          .map(field).joined(separator: ",") + "\n"
      }
    }
    return out
  }

  /// The sensitivity (tornado) table as CSV: per scenario and architecture, each workload
  /// variable swung from its low to its high end with the others at the comparison's point.
  public static func sensitivity(_ c: Comparison) -> String {
    var out = "scenario,architecture,base,variable,low,high,cost_at_low,cost_at_high,swing\n"
    for sens in c.sensitivity {
      for r in sens.rows {
        out +=
          [
            sens.scenario, sens.architecture, sens.base.description, r.variable, r.low.description, r.high.description,
            r.costAtLow.description, r.costAtHigh.description, r.swing.description,
          ].map(field).joined(separator: ",") + "\n"
      }
    }
    return out
  }

  /// A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180).
  ///
  /// A text cell that a spreadsheet would read as a formula (it starts with `=`, `+`, `-`, `@`,
  /// a tab or a carriage return) gets a leading `'`, as OWASP's CSV-injection advice says;
  /// numbers, negative ones included, are left as they are.
  static func field(_ s: String) -> String {
    var s = s
    if let first = s.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first), ExactDecimal(s) == nil {
      s = "'" + s
    }
    return s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
      ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
  }
}
