import BillcastCore

/// One tier of a ladder.
public struct Tier: Sendable, Hashable {
  /// The cumulative quantity where the tier ends; nil for the last tier.
  public var upto: ExactDecimal?
  /// The price per `per` units.
  public var rate: ExactDecimal
  /// The source id the rate was read from.
  public var source: String
}
