import BillcastCore

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
