import BillcastCore

/// The figures of an estimate that a diff compares: per scenario × architecture,
/// the total and each line's cost. Built from an ``Estimate`` or read back from a
/// saved `billcast.estimate/1` report.
public struct CostSnapshot: Sendable {
  /// A result's identity.
  public struct ResultKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var scenario: String
    public var architecture: String
    public init(scenario: String, architecture: String) {
      self.scenario = scenario
      self.architecture = architecture
    }
    public static func < (a: Self, b: Self) -> Bool { (a.scenario, a.architecture) < (b.scenario, b.architecture) }
    public var description: String { "\(scenario) · \(architecture)" }
  }

  /// A line's identity within a result.
  public struct LineKey: Hashable, Comparable, Sendable {
    public var service: String
    public var component: String
    public var meter: String
    public init(service: String, component: String, meter: String) {
      self.service = service
      self.component = component
      self.meter = meter
    }
    public static func < (a: Self, b: Self) -> Bool { (a.service, a.component, a.meter) < (b.service, b.component, b.meter) }
  }

  public struct Result: Sendable {
    public var total: Span
    public var lines: [LineKey: Span]
    public init(total: Span, lines: [LineKey: Span]) {
      self.total = total
      self.lines = lines
    }
  }

  /// What the snapshot is of, for the report's header (a pricing directory, a date, a file).
  public var label: String
  public var currency: String
  /// Results in report order.
  public var order: [ResultKey]
  public var results: [ResultKey: Result]

  public init(label: String, currency: String, order: [ResultKey], results: [ResultKey: Result]) {
    self.label = label
    self.currency = currency
    self.order = order
    self.results = results
  }

  /// The snapshot of an estimate.
  public init(_ estimate: Estimate, label: String) {
    var order: [ResultKey] = []
    var results: [ResultKey: Result] = [:]
    for r in estimate.results {
      let key = ResultKey(scenario: r.scenario, architecture: r.architecture)
      var lines: [LineKey: Span] = [:]
      for s in r.services {
        for l in s.lines {
          lines[LineKey(service: s.service, component: l.component, meter: l.meter), default: .zero] += l.cost
        }
      }
      order.append(key)
      results[key] = Result(total: Span(r.amountDue), lines: lines)
    }
    self.init(label: label, currency: estimate.currency, order: order, results: results)
  }
}
