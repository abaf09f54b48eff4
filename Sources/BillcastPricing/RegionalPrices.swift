import BillcastCore

/// A rate a region's rates file lacks. A component that needs it (its meter applies and, for a
/// keyed price, the component has that key) is an error naming it: never $0, never another
/// region's rate.
public struct UnpricedRate: Sendable {
  /// The meter, with its key for a keyed price.
  public var key: MeterKey
  /// The choice input a keyed price is keyed by.
  public var by: String?
  /// The choice-input values the meter applies to (empty: always).
  public var when: ChoiceCondition
  /// The meter this one is billed as, when that meter is the one without a rate.
  public var billedAs: MeterReference?
  /// The rates file that lacks it.
  public var ratesFile: String
}

/// A price a model leaves to each region: its meter key, its `per`, the meter's unit and where
/// AWS's Price List has it.
package struct RegionalPrice: Sendable {
  /// The meter, with its key for a keyed price: `aws.lambda/duration[x86_64]`.
  package var key: MeterKey
  /// The number of meter units a rate is quoted for.
  package var per: ExactDecimal
  /// The meter's unit, like `GB-s`.
  package var unit: String
  /// Where AWS's Price List has the rates, if the model says.
  package var priceList: PriceListIdentity?
}

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

  /// Creates an identity; `scale` is 1 unless the meter's unit differs from AWS's.
  public init(
    offer: String, usageType: String, unit: String, attributes: [String: String] = [:], scale: ExactDecimal = .one,
    seen: String? = nil
  ) {
    self.offer = offer
    self.usageType = usageType
    self.unit = unit
    self.attributes = attributes
    self.scale = scale
    self.seen = seen
  }
}
