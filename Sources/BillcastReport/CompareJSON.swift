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
