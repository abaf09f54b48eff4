import BillcastCore
import BillcastPricing

/// The charge of one tier of a ladder for one quantity.
public struct TierCharge: Sendable, Hashable {
  /// Where the tier starts and ends (nil: no end).
  public var from: ExactDecimal
  /// Where the tier ends, as a cumulative quantity; nil for the last tier.
  public var upto: ExactDecimal?
  /// The quantity that falls in the tier.
  public var quantity: ExactDecimal
  /// The tier's price per `per` units.
  public var rate: ExactDecimal
  /// The number of units the rate is quoted for (1,000,000 for "$0.20 per 1M requests").
  public var per: ExactDecimal
  /// The tier's charge: quantity × rate ÷ per.
  public var cost: ExactDecimal
  /// The id of the source the rate was read from.
  public var source: String
}
