import BillcastCore

/// The figures of an estimate that a diff compares: per scenario × architecture,
/// the total and each line's cost. Built from an ``Estimate`` or read back from a
/// saved `billcast.estimate/1` report.
public struct CostSnapshot: Sendable {
  /// A result's identity.
  public struct ResultKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The scenario's name.
    public var scenario: String
    /// The architecture's name.
    public var architecture: String
    /// Creates the key of one scenario × architecture result.
    public init(scenario: String, architecture: String) {
      self.scenario = scenario
      self.architecture = architecture
    }
    /// Orders by scenario, then architecture.
    public static func < (a: Self, b: Self) -> Bool { (a.scenario, a.architecture) < (b.scenario, b.architecture) }
    /// `scenario · architecture`, as reports show it.
    public var description: String { "\(scenario) · \(architecture)" }
  }

  /// A line's identity within a result.
  public struct LineKey: Hashable, Comparable, Sendable {
    /// The service id, like `aws.lambda`.
    public var service: String
    /// The component's name in the profile.
    public var component: String
    /// The meter's name, like `duration`.
    public var meter: String
    /// Creates the key of one line.
    public init(service: String, component: String, meter: String) {
      self.service = service
      self.component = component
      self.meter = meter
    }
    /// Orders by service, then component, then meter.
    public static func < (a: Self, b: Self) -> Bool {
      (a.service, a.component, a.meter) < (b.service, b.component, b.meter)
    }
  }

  /// One result's figures: its monthly total and each line's cost.
  public struct Result: Sendable {
    /// The monthly amount due (after any credits), at the low and high ends.
    public var total: Span
    /// Each line's share of the cost, at the workload's low and high ends.
    public var lines: [LineKey: Span]
    /// Creates a result from its total and its lines.
    public init(total: Span, lines: [LineKey: Span]) {
      self.total = total
      self.lines = lines
    }
  }

  /// What the snapshot is of, for the report's header (a pricing directory, a date, a file).
  public var label: String
  /// The currency of every amount, like `USD`.
  public var currency: String
  /// Results in report order.
  public var order: [ResultKey]
  /// Each result's figures, by scenario × architecture.
  public var results: [ResultKey: Result]

  /// Creates a snapshot from its parts.
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
