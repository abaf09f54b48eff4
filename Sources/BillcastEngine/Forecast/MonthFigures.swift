import BillcastCore
import BillcastPricing
import BillcastProfile

/// A month's figures: the deterministic envelope and the Monte Carlo percentiles.
public struct MonthFigures: Sendable, Hashable {
  /// The deterministic envelope after credits, low to high.
  public var envelope: Interval
  /// The 10th percentile of the Monte Carlo paths (nearest rank); the envelope's midpoint without samples.
  public var p10: ExactDecimal
  /// The median of the Monte Carlo paths (nearest rank); the envelope's midpoint without samples.
  public var p50: ExactDecimal
  /// The 90th percentile of the Monte Carlo paths (nearest rank); the envelope's midpoint without samples.
  public var p90: ExactDecimal
  /// The smallest and largest sampled values.
  public var sampled: Interval
}
