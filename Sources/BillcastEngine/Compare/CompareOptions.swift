import BillcastCore
import BillcastPricing
import BillcastProfile

/// What to compare: the estimate's options, and optionally a break-even search.
public struct CompareOptions: Sendable {
  /// The options of the estimate underneath: date, scenarios, architectures, free tier.
  public var estimate: EstimateOptions
  /// The workload variable to vary for break-even points, and its range.
  public var vary: String?
  /// The low end of the varied variable's range.
  public var from: ExactDecimal
  /// The high end of the varied variable's range.
  public var to: ExactDecimal
  /// The variable's unit: break-even points are exact to this step.
  public var step: ExactDecimal
  /// Where the other variables' ranges are taken for break-even and sensitivity.
  public var point: CompiledFormula.RangePoint
  /// Called after each scenario's break-even search and sensitivity, with the share of
  /// scenarios done (0 to 1); the command line shows it on a terminal.
  public var progress: (@Sendable (Double) -> Void)? = nil

  /// Creates compare options; without `vary`, no break-even search runs.
  public init(
    estimate: EstimateOptions, vary: String? = nil, from: ExactDecimal = .zero, to: ExactDecimal = .zero,
    step: ExactDecimal = 1, point: CompiledFormula.RangePoint = .mid
  ) {
    self.estimate = estimate
    self.vary = vary
    self.from = from
    self.to = to
    self.step = step
    self.point = point
  }
}
