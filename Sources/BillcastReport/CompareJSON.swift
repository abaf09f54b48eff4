import Foundation
import BillcastCore
import BillcastEngine

/// Renders a comparison as JSON, schema `billcast.compare/1` (amounts as exact decimal strings).
public enum CompareJSON {
  /// The schema name the report carries: `billcast.compare/1`.
  public static let schema = "billcast.compare/1"

  /// The comparison as JSON: the estimate report plus the matrix, cheapest, break-even and sensitivity.
  public static func render(_ c: Comparison) -> String { value(c).rendered() }

  /// The comparison as a JSON value, for reports that wrap it (several projects): the estimate's
  /// members with, before `results`, the matrix, cheapest, point, break-even and sensitivity.
  package static func value(_ c: Comparison) -> JSONValue {
    let estimate = EstimateJSON.value(c.estimate)
    guard case .object(var members) = estimate else { return estimate }
    members[0] = ("schema", .string(schema))
    let insertAt = members.firstIndex { $0.0 == "results" } ?? members.count
    members.insert(
      contentsOf: [
        ("matrix", matrix(c)),
        ("cheapest", .array(c.cheapest.map(cheapest))),
        ("point", .string(c.point.rawValue)),
        ("break_even", .array(c.breakEven.map(breakEven))),
        ("sensitivity", .array(c.sensitivity.map(sensitivity))),
      ], at: insertAt)
    return JSONValue.object(members)
  }

  static func s(_ value: ExactDecimal) -> JSONValue { .string(value.description) }

  /// One entry per architecture: available ones with each scenario's amount due, then the unavailable.
  static func matrix(_ c: Comparison) -> JSONValue {
    let e = c.estimate
    let architectures = EstimateText.unique(e.results.map(\.architecture))
    return .array(
      architectures.map { a in
        .object([
          ("architecture", .string(a)),
          ("available", .bool(true)),
          ("closed_to_new_customers", c.closed.first { $0.architecture == a }.map { .string($0.reason) } ?? .null),
          (
            "scenarios",
            .object(e.results.filter { $0.architecture == a }.map { ($0.scenario, EstimateJSON.range($0.amountDue)) })
          ),
        ])
      }
        + c.unavailable.map { u in
          .object([
            ("architecture", .string(u.architecture)), ("available", .bool(false)), ("reason", .string(u.reason)),
          ])
        })
  }

  static func cheapest(_ ch: CheapestChoice) -> JSONValue {
    .object([
      ("scenario", .string(ch.scenario)),
      ("low", .object([("architecture", .string(ch.low)), ("total", s(ch.lowTotal))])),
      ("high", .object([("architecture", .string(ch.high)), ("total", s(ch.highTotal))])),
    ])
  }

  static func breakEven(_ b: BreakEven) -> JSONValue {
    var members: [(String, JSONValue)] = [
      ("scenario", .string(b.scenario)), ("variable", .string(b.variable)), ("from", s(b.from)),
      ("to", s(b.to)), ("step", s(b.step)),
      ("evaluations", .number(String(b.evaluations))),
    ]
    if let reason = b.stopReason {
      members.append(("stopped", .object([("requested_to", s(b.requestedTo ?? b.to)), ("reason", .string(reason))])))
    }
    members.append(
      (
        "crossings",
        .array(
          b.crossings.map { x in
            .object([
              ("at", s(x.at)), ("from", .string(x.from)), ("to", .string(x.to)),
              ("costs_at", .object([(x.from, s(x.fromCostAt)), (x.to, s(x.toCostAt))])),
              ("costs_before", .object([(x.from, s(x.fromCostBefore)), (x.to, s(x.toCostBefore))])),
            ])
          })
      ))
    members.append(
      (
        "segments",
        .array(
          b.segments.map { .object([("from", s($0.from)), ("to", s($0.to)), ("cheapest", .string($0.cheapest))]) })
      ))
    return .object(members)
  }

  static func sensitivity(_ sens: Sensitivity) -> JSONValue {
    .object([
      ("scenario", .string(sens.scenario)), ("architecture", .string(sens.architecture)),
      ("base", s(sens.base)),
      (
        "rows",
        .array(
          sens.rows.map { r in
            .object([
              ("variable", .string(r.variable)), ("low", s(r.low)), ("high", s(r.high)),
              ("cost_at_low", s(r.costAtLow)), ("cost_at_high", s(r.costAtHigh)),
            ])
          })
      ),
    ])
  }
}

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
