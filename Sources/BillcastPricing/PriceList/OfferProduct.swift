import BillcastCore

/// One product of an offer with its on-demand price dimensions.
package struct OfferProduct: Sendable {
  /// The SKU.
  package var sku: String
  /// The region code the product is in (from `regionCode`, `fromRegionCode` or `location`), if any.
  package var region: String?
  /// The usage type without its region prefix (`Lambda-GB-Second` for `EU-Lambda-GB-Second`).
  package var usageType: String
  /// The attributes, by normalised name (lower case, letters and digits only), so that the
  /// JSON's `transferType` and the CSV's `Transfer Type` are one attribute.
  package var attributes: [String: String]
  /// The on-demand price dimensions, in the offer's order.
  package var dimensions: [OfferDimension]
  /// The date the on-demand term took effect, if the offer says (`effectiveDate`, `EffectiveDate`).
  package var effective: CalendarDate? = nil
  /// The file offset of the product, for messages.
  package var offset: Int = 0
}
