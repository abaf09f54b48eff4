import BillcastCore
import BillcastEngine
import Foundation

/// Reads a saved `billcast.estimate/1` (or `billcast.compare/1`) report back into a snapshot for `billcast diff`.
public enum EstimateJSONReader {
  /// The largest report accepted, in bytes.
  public static let maximumBytes = 16 << 20

  /// Reads the report at `path` (at most ``maximumBytes``) into a snapshot labelled with the path.
  public static func load(path: String) throws(DiagnosticError) -> CostSnapshot {
    if let problem = InputFiles.confinementProblem(path) {
      throw DiagnosticError([Diagnostic(file: path, line: 1, column: 1, message: problem)])
    }
    let data: Data
    do {
      let status: FileStatus
      switch FileStatus.of(path) {
      case .success(let s): status = s
      case .failure(let error):
        throw DiagnosticError([Diagnostic(file: path, line: 1, column: 1, message: "cannot read the report (\(error))")]
        )
      }
      guard status.isRegularFile else {
        throw DiagnosticError([Diagnostic(file: path, line: 1, column: 1, message: "not a regular file")])
      }
      let size = status.size
      if size > maximumBytes {
        throw DiagnosticError([
          Diagnostic(
            file: path, line: 1, column: 1, message: "the report is \(size) bytes; the limit is \(maximumBytes)")
        ])
      }
      if let problem = InputFiles.charge(bytes: size) {
        throw DiagnosticError([Diagnostic(file: path, line: 1, column: 1, message: problem)])
      }
      InputFiles.record(status)
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch let e as DiagnosticError {
      throw e
    } catch {
      throw DiagnosticError([
        Diagnostic(file: path, line: 1, column: 1, message: "cannot read the report (\(error.localizedDescription))")
      ])
    }
    return try read(data, path: path)
  }

  /// Parses a report's bytes into a snapshot; `path` names it in errors and labels the snapshot.
  ///
  /// The report is checked as strictly as a profile, every problem located: JSON itself
  /// (duplicate keys included), the schema and currency, each figure an exact decimal with its
  /// low end not above its high end, no scenario × architecture twice, and the figures adding
  /// up: each service's cost is the sum of its lines, each total the sum of its services.
  public static func read(_ data: Data, path: String) throws(DiagnosticError) -> CostSnapshot {
    let root = try JSONDocument.parse(Array(data), path: path)
    var parser = SavedReportParser(path: path)
    try parser.checkHeader(root)
    guard let items = parser.results(root) else { throw DiagnosticError(parser.errors) }
    var order: [CostSnapshot.ResultKey] = []
    var results: [CostSnapshot.ResultKey: CostSnapshot.Result] = [:]
    var firstSeen: [CostSnapshot.ResultKey: JSONPosition] = [:]
    for (i, r) in items.enumerated() {
      guard let (key, result) = parser.result(r, at: "results[\(i)]", firstSeen: &firstSeen) else { continue }
      order.append(key)
      results[key] = result
    }
    if !parser.errors.isEmpty { throw DiagnosticError(DiagnosticCollector.sortedForReport(parser.errors)) }
    return CostSnapshot(label: path, currency: "USD", order: order, results: results)
  }
}

/// The checks of a saved report, collecting every problem with its place in the file.
private struct SavedReportParser {
  let path: String
  var errors: [Diagnostic] = []

  init(path: String) { self.path = path }

  mutating func fail(_ node: JSONNode, _ keyPath: String, _ message: String) {
    errors.append(
      Diagnostic(file: path, line: node.position.line, column: node.position.column, path: keyPath, message: message))
  }

  /// The report is an object of a schema diff reads, in USD (a wrong schema stops the read at once).
  mutating func checkHeader(_ root: JSONNode) throws(DiagnosticError) {
    guard case .object = root else {
      throw DiagnosticError([
        Diagnostic(
          file: path, line: 1, column: 1, message: "expected a billcast report (a JSON object), found \(root.kindName)")
      ])
    }
    let schema = root["schema"]?.string ?? ""
    guard ["billcast.estimate/1", "billcast.compare/1"].contains(schema) else {
      let at = root["schema"]?.position ?? root.position
      throw DiagnosticError([
        Diagnostic(
          file: path, line: at.line, column: at.column, path: "schema",
          message:
            "'\(TerminalText.excerpt(schema))' is not a report diff reads; expected billcast.estimate/1 or billcast.compare/1"
        )
      ])
    }
    if root["currency"]?.string != "USD" {
      fail(
        root["currency"] ?? root, "currency",
        "expected \"USD\", found \(root["currency"].map { $0.string.map { "'\(TerminalText.excerpt($0))'" } ?? $0.kindName } ?? "nothing"): billcast's reports are in USD"
      )
    }
  }

  /// The `results` array's items, or nil (reported) if there is none.
  mutating func results(_ root: JSONNode) -> [JSONNode]? {
    guard let list = root["results"] else {
      fail(root, "results", "missing")
      return nil
    }
    guard let items = list.items else {
      fail(list, "results", "expected an array, found \(list.kindName)")
      return nil
    }
    return items
  }

  /// One result: its scenario × architecture (seen once), its total and amount due, and its lines,
  /// with every sum checked; nil (reported) if it cannot be read.
  mutating func result(_ r: JSONNode, at p: String, firstSeen: inout [CostSnapshot.ResultKey: JSONPosition]) -> (
    CostSnapshot.ResultKey, CostSnapshot.Result
  )? {
    guard case .object = r else {
      fail(r, p, "expected an object, found \(r.kindName)")
      return nil
    }
    guard let scenario = r["scenario"]?.string, let architecture = r["architecture"]?.string else {
      fail(r, p, "missing scenario or architecture")
      return nil
    }
    let key = CostSnapshot.ResultKey(scenario: scenario, architecture: architecture)
    if let first = firstSeen[key] {
      fail(
        r, p, "\(key) appears twice (first at line \(first.line)); a report prices each scenario × architecture once")
      return nil
    }
    firstSeen[key] = r.position
    let total = span(r["total"], p + ".total", parent: r, ordered: true)
    let due = r["amount_due"].flatMap { span($0, p + ".amount_due", parent: r, ordered: true) }
    var (lines, sum, complete) = services(r["services"]?.items ?? [], at: p)
    if r["services"]?.items == nil {
      fail(r["services"] ?? r, p + ".services", "expected an array of services"); complete = false
    }
    guard let total else { return nil }
    if complete && sum != total {
      fail(
        r["total"]!, p + ".total",
        "the total \(total.low)..\(total.high) is not the sum of its services, \(sum.low)..\(sum.high)")
    }
    if let due, due.low > total.low || due.high > total.high || due.low.isNegative {
      fail(
        r["amount_due"]!, p + ".amount_due",
        "the amount due \(due.low)..\(due.high) must lie between 0 and the total \(total.low)..\(total.high)")
    }
    return (key, CostSnapshot.Result(total: due ?? total, lines: lines))
  }

  /// A result's services: each line's cost by service × component × meter, the services' sum, and
  /// whether every figure could be read (only then are the sums checked).
  mutating func services(_ items: [JSONNode], at p: String) -> ([CostSnapshot.LineKey: Span], Span, Bool) {
    var lines: [CostSnapshot.LineKey: Span] = [:]
    var sum = Span(.zero, .zero)
    var complete = true
    for (j, s) in items.enumerated() {
      let sp = "\(p).services[\(j)]"
      let service = s["service"]?.string ?? "?"
      let cost = span(s["cost"], sp + ".cost", parent: s, ordered: false)
      var lineSum = Span(.zero, .zero)
      for (k, l) in (s["lines"]?.items ?? []).enumerated() {
        guard let c = span(l["cost"], "\(sp).lines[\(k)].cost", parent: l, ordered: false) else {
          complete = false; continue
        }
        let line = CostSnapshot.LineKey(
          service: service, component: l["component"]?.string ?? "?", meter: l["meter"]?.string ?? "?")
        guard let merged = Self.add(lines[line] ?? .zero, c), let running = Self.add(lineSum, c) else {
          fail(l, "\(sp).lines[\(k)].cost", "the figures add up past what billcast can hold")
          complete = false
          continue
        }
        lines[line] = merged
        lineSum = running
      }
      guard let cost else { complete = false; continue }
      if complete && lineSum != cost {
        fail(
          s, sp + ".cost",
          "the service's cost \(cost.low)..\(cost.high) is not the sum of its lines, \(lineSum.low)..\(lineSum.high)")
      }
      guard let running = Self.add(sum, cost) else {
        fail(s, sp + ".cost", "the figures add up past what billcast can hold")
        complete = false
        continue
      }
      sum = running
    }
    return (lines, sum, complete)
  }

  /// An exact decimal in a string.
  mutating func decimal(_ node: JSONNode?, _ keyPath: String, parent: JSONNode) -> ExactDecimal? {
    guard let node else {
      fail(parent, keyPath, "missing")
      return nil
    }
    guard let text = node.string else {
      fail(node, keyPath, "expected a decimal in a string, found \(node.kindName)")
      return nil
    }
    switch ExactDecimal.parse(text) {
    case .success(let v): return v
    case .failure(let e):
      fail(node, keyPath, e.description)
      return nil
    }
  }

  /// `{"low": "…", "high": "…"}`; `ordered` requires low ≤ high.
  mutating func span(_ node: JSONNode?, _ keyPath: String, parent: JSONNode, ordered: Bool) -> Span? {
    guard let node else {
      fail(parent, keyPath, "missing")
      return nil
    }
    guard case .object = node else {
      fail(node, keyPath, "expected {\"low\": \"…\", \"high\": \"…\"}, found \(node.kindName)")
      return nil
    }
    guard let low = decimal(node["low"], keyPath + ".low", parent: node),
      let high = decimal(node["high"], keyPath + ".high", parent: node)
    else { return nil }
    if ordered && low > high {
      fail(node, keyPath, "the low end \(low) is above the high end \(high)")
      return nil
    }
    return Span(low, high)
  }

  /// A sum that cannot overflow (a report's figures are at most 10^15 each, but there may be many).
  static func add(_ a: Span, _ b: Span) -> Span? {
    let l = a.low.addingReportingOverflow(b.low), h = a.high.addingReportingOverflow(b.high)
    return l.overflow || h.overflow ? nil : Span(l.partialValue, h.partialValue)
  }
}
