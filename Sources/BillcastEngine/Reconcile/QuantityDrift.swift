import BillcastCore
import BillcastPricing

/// The bill's quantity against the estimate's, and the input that explains it.
public struct QuantityDrift: Sendable {
  /// Bill quantity ÷ the nearer end of the estimate's range (nil when the estimate is 0).
  public var factor: ExactDecimal?
  /// The workload input the bill measured instead, if billcast could solve for one.
  public var explanation: CalibratedInput.Value?
}
