import BillcastCore
import BillcastEngine
import Foundation

/// Reads a saved `billcast.estimate/1` (or `billcast.compare/1`) report back into a snapshot for `billcast diff`.
public enum EstimateJSONReader {
  /// The largest report accepted, in bytes.
  public static let maximumBytes = 16 << 20

  /// Reads the report at `path` (at most ``maximumBytes``) into a snapshot labelled with the path.
  public static func load(path: String) throws(DiagnosticError) -> CostSnapshot {
    let data: Data
    do {
      let status: FileStatus
      switch FileStatus.of(path) {
      case .success(let s): status = s
      case .failure(let error): throw DiagnosticError([Diagnostic(file: path, line: 1, column: 1, message: "cannot read the report (\(error))")])
      }
      guard status.isRegularFile else {
        throw DiagnosticError([Diagnostic(file: path, line: 1, column: 1, message: "not a regular file")])
      }
      let size = status.size
      if size > maximumBytes {
        throw DiagnosticError([Diagnostic(file: path, line: 1, column: 1, message: "the report is \(size) bytes; the limit is \(maximumBytes)")])
      }
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch let e as DiagnosticError {
      throw e
    } catch {
      throw DiagnosticError([Diagnostic(file: path, line: 1, column: 1, message: "cannot read the report (\(error.localizedDescription))")])
    }
    return try read(data, path: path)
  }

  /// Parses a report's bytes into a snapshot; `path` names it in errors and labels the snapshot.
  public static func read(_ data: Data, path: String) throws(DiagnosticError) -> CostSnapshot {
    let object: Any
    do {
      object = try JSONSerialization.jsonObject(with: data)
    } catch {
      throw DiagnosticError([Diagnostic(file: path, line: 1, column: 1, message: "not valid JSON")])
    }
    var errors: [Diagnostic] = []
    func fail(_ keyPath: String, _ message: String) { errors.append(Diagnostic(file: path, line: 1, column: 1, path: keyPath, message: message)) }
    guard let root = object as? [String: Any] else {
      throw DiagnosticError([Diagnostic(file: path, line: 1, column: 1, message: "expected a billcast report (a JSON object)")])
    }
    let schema = root["schema"] as? String ?? ""
    guard ["billcast.estimate/1", "billcast.compare/1"].contains(schema) else {
      throw DiagnosticError([Diagnostic(file: path, line: 1, column: 1, path: "schema", message: "'\(schema)' is not a report diff reads; expected billcast.estimate/1 or billcast.compare/1")])
    }
    func span(_ value: Any?, _ keyPath: String) -> Span? {
      guard let o = value as? [String: Any], let l = o["low"] as? String, let h = o["high"] as? String else {
        fail(keyPath, "expected {\"low\": \"…\", \"high\": \"…\"} with decimal strings")
        return nil
      }
      guard let low = ExactDecimal(l), let high = ExactDecimal(h) else {
        fail(keyPath, "'\(l)'/'\(h)' are not decimals")
        return nil
      }
      return Span(low, high)
    }
    var order: [CostSnapshot.ResultKey] = []
    var results: [CostSnapshot.ResultKey: CostSnapshot.Result] = [:]
    for (i, r) in (root["results"] as? [[String: Any]] ?? []).enumerated() {
      let p = "results[\(i)]"
      guard let scenario = r["scenario"] as? String, let architecture = r["architecture"] as? String else {
        fail(p, "missing scenario or architecture")
        continue
      }
      let key = CostSnapshot.ResultKey(scenario: scenario, architecture: architecture)
      guard let total = span(r["amount_due"] ?? r["total"], p + ".total") else { continue }
      var lines: [CostSnapshot.LineKey: Span] = [:]
      for (j, s) in (r["services"] as? [[String: Any]] ?? []).enumerated() {
        let service = s["service"] as? String ?? "?"
        for (k, l) in (s["lines"] as? [[String: Any]] ?? []).enumerated() {
          guard let cost = span(l["cost"], "\(p).services[\(j)].lines[\(k)].cost") else { continue }
          let line = CostSnapshot.LineKey(service: service, component: l["component"] as? String ?? "?", meter: l["meter"] as? String ?? "?")
          lines[line, default: .zero] += cost
        }
      }
      order.append(key)
      results[key] = CostSnapshot.Result(total: total, lines: lines)
    }
    if root["results"] == nil { fail("results", "missing") }
    if !errors.isEmpty { throw DiagnosticError(errors) }
    return CostSnapshot(label: path, currency: root["currency"] as? String ?? "USD", order: order, results: results)
  }
}
