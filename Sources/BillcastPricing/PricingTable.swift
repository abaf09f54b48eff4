import BillcastCore

/// A pricing table: one provider's prices for one region, each price sourced and dated.
public struct PricingTable: Sendable {
  /// The table's id, like `aws/us-east-1`.
  public var id: String
  /// The provider, like `aws`.
  public var provider: String
  /// The region, or `global` for region-less services.
  public var region: String
  /// The currency the prices are in, like `USD`.
  public var currency: String
  /// The date the table was last checked against its sources.
  public var effective: CalendarDate
  /// The pages the prices were read from, by id.
  public var sources: [String: PriceSource]
  /// The free-tier pools, in file order.
  public var freeTier: [FreeTierPool]
  /// The services, in file order.
  public var services: [Service]
  /// The file the table was read from.
  public var path: String
  /// The SHA-256 of the file's bytes, in lower-case hex.
  public var sha256: String
  /// Where the table's `id` is written, for errors about it.
  public var idLocation: SourceLocation?
  /// The files the table was composed from: its models and its rates file, or the table's own file.
  public var files: [String] = []
  /// Every price the models leave to each region, in model order, present here or not: what a
  /// rates file for this provider fills in, and what `pricing import` looks for in offer files.
  package var regionalPrices: [RegionalPrice] = []

  /// The service with this id.
  public func service(_ id: String) -> Service? { services.first { $0.id == id } }
}
