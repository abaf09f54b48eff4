import BillcastCore

/// Where a rate is in AWS's Price List: the offer, the product by its region-independent
/// attributes, and the unit AWS prices it in.
public struct PriceListIdentity: Sendable, Hashable {
  /// The offer (service code), like `AWSLambda`.
  public var offer: String
  /// The usage type without its region prefix, like `Lambda-GB-Second` for `EU-Lambda-GB-Second`.
  public var usageType: String
  /// The unit AWS prices the product in, like `Lambda-GB-Second` or `GB-Mo`.
  public var unit: String
  /// Further product attributes that must match where the usage type alone is ambiguous
  /// (`operation: RunInstances`), by the offer's attribute names.
  public var attributes: [String: String]
  /// How many of AWS's units make one unit of the meter (1/1024 for a MiB/s-month priced per GiB/s-month).
  public var scale: ExactDecimal
  /// Where the identity was seen, in words.
  public var seen: String?
  /// Why the identity is not confirmed by AWS's data (its usage type, unit or attributes were
  /// not all seen in an offer or price-map row, a bill or AWS's usage-type docs), with the best
  /// lead; nil when it is confirmed.
  public var unconfirmed: String?

  /// Creates an identity; `scale` is 1 unless the meter's unit differs from AWS's.
  public init(
    offer: String, usageType: String, unit: String, attributes: [String: String] = [:], scale: ExactDecimal = .one,
    seen: String? = nil, unconfirmed: String? = nil
  ) {
    self.offer = offer
    self.usageType = usageType
    self.unit = unit
    self.attributes = attributes
    self.scale = scale
    self.seen = seen
    self.unconfirmed = unconfirmed
  }
}
