import BillcastCore

/// A rate a model needs that the offers read do not give, and why.
package struct LackingRate: Sendable {
  /// The region.
  package var region: String
  /// The meter (and key).
  package var key: MeterKey
  /// Why, in words.
  package var reason: String
  /// Whether the offer has the product but its price cannot be read as a rate (ambiguous, or
  /// not convertible): `verify` cannot say the rate matches, and fails.
  package var unreadable = false
}
