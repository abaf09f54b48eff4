import BillcastCore

/// Which workload variables move an architecture's monthly cost most across their
/// ranges: a tornado table. Each variable swings from its low to its high end
/// while the others stay at the comparison's point (their midpoints by default).
public struct Sensitivity: Sendable {
  /// The scenario analysed (`default` when the profile has none).
  public var scenario: String
  /// The architecture analysed.
  public var architecture: String
  /// The total with every variable at the point.
  public var base: ExactDecimal
  /// One row per variable with a range, the widest swing first.
  public var rows: [Row]

  /// One workload variable swung from its low to its high end, the others at the point.
  public struct Row: Sendable, Hashable {
    /// The workload variable's name.
    public var variable: String
    /// The variable's low end.
    public var low: ExactDecimal
    /// The variable's high end.
    public var high: ExactDecimal
    /// The monthly total with the variable at its low end.
    public var costAtLow: ExactDecimal
    /// The monthly total with the variable at its high end.
    public var costAtHigh: ExactDecimal
    /// |cost at high − cost at low|.
    public var swing: ExactDecimal { (costAtHigh - costAtLow).magnitude }
  }

  static func analyse(
    model: CostModel, architecture: String, scenario: String, ranges: [(name: String, value: Interval)]
  ) throws(FormulaEvaluationError) -> Sensitivity {
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
