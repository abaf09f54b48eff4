import BillcastCore

/// A rate as an offer gives it, converted to a meter's unit and `per`: the tiers a rates entry holds.
package struct OfferedRate: Sendable {
  /// The meter (and key) the rate is for.
  package var key: MeterKey
  /// The region the offer is for.
  package var region: String
  /// The tiers: `upto` in the meter's unit (nil for the last), rate per the model's `per`.
  package var tiers: [RateTier]
  /// The product's SKU.
  package var sku: String
  /// The offer the rate came from.
  package var offer: Offer
  /// The date the offer's term took effect, if it says.
  package var effective: CalendarDate?
}
