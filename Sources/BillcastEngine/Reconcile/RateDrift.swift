import BillcastCore
import BillcastPricing

/// The bill's public unit price against the table's rate.
public struct RateDrift: Sendable {
  /// The bill's price per meter unit (the most-billed one that is not a table rate).
  public var billRate: ExactDecimal
  /// The table's nearest rate.
  public var tableRate: ExactDecimal
  /// Bill rate ÷ table rate.
  public var factor: ExactDecimal
  /// What the difference cost: (bill rate − table rate) × the quantity billed at the bill rate.
  public var effect: ExactDecimal
}
