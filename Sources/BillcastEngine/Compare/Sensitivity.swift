import BillcastCore

/// Which workload variables move an architecture's monthly cost most across their
/// ranges: a tornado table. Each variable swings from its low to its high end
/// while the others stay at the comparison's point (their midpoints by default).
public struct Sensitivity: Sendable {
  public var scenario: String
  public var architecture: String
  /// The total with every variable at the point.
  public var base: ExactDecimal
  /// One row per variable with a range, the widest swing first.
  public var rows: [Row]

  public struct Row: Sendable, Hashable {
    public var variable: String
    public var low: ExactDecimal
    public var high: ExactDecimal
    public var costAtLow: ExactDecimal
    public var costAtHigh: ExactDecimal
    /// |cost at high − cost at low|.
    public var swing: ExactDecimal { (costAtHigh - costAtLow).magnitude }
  }

  static func analyse(model: CostModel, architecture: String, scenario: String, ranges: [(name: String, value: Interval)]) throws(FormulaEvaluationError) -> Sensitivity {
    let base = try model.total()
    var rows: [Row] = []
    for (name, range) in ranges {
      guard let slot = model.slot(of: name) else { continue }
      let atLow = try model.total(fixing: [slot: range.low])
      let atHigh = try model.total(fixing: [slot: range.high])
      rows.append(Row(variable: name, low: range.low, high: range.high, costAtLow: atLow, costAtHigh: atHigh))
    }
    rows.sort { ($0.swing, $1.variable) > ($1.swing, $0.variable) }
    return Sensitivity(scenario: scenario, architecture: architecture, base: base, rows: rows)
  }
}
