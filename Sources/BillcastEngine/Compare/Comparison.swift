import BillcastCore
import BillcastPricing
import BillcastProfile

/// Architectures side by side: every scenario's cost, the cheapest, break-even points and sensitivity.
public struct Comparison: Sendable {
  /// The estimate of every priced architecture in every selected scenario.
  public var estimate: Estimate
  /// Architectures that cannot be built on the date priced, with why.
  public var unavailable: [UnavailableArchitecture]
  /// Architectures that can be priced but not newly adopted (closed to new customers).
  public var closed: [UnavailableArchitecture]
  /// The cheapest architecture per scenario, at the low and at the high end.
  public var cheapest: [CheapestChoice]
  /// Break-even points per scenario, when a variable is varied.
  public var breakEven: [BreakEven]
  /// For each scenario × architecture, which workload variables move its cost most.
  public var sensitivity: [Sensitivity]
  /// Where the other variables' ranges were taken for break-even and sensitivity.
  public var point: CompiledFormula.RangePoint
}
