import BillcastCore

/// A region's rates, for filling in the prices a provider's models leave to each region.
struct RegionalRates {
  /// The region, like `eu-west-1`.
  var region: String
  /// The entries by meter key.
  var entries: [MeterKey: RatesEntry]
}
