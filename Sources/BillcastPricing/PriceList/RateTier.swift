import BillcastCore

/// One tier of a rates entry: where it ends and its rate.
package struct RateTier: Sendable, Hashable {
  /// The cumulative quantity where the tier ends, in the meter's unit; nil for the last tier.
  package var upto: ExactDecimal?
  /// The rate per the model's `per` units.
  package var rate: ExactDecimal
}
