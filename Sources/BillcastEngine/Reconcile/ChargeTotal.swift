import BillcastCore
import BillcastPricing

/// The bill's non-usage charges of one kind in a month.
public struct ChargeTotal: Sendable {
  /// The kind, like `credit` or `tax`.
  public var kind: String
  /// What they cost (negative for credits and refunds).
  public var amounts: BillAmounts
}
