import BillcastCore

/// A billable product: its inputs, meters, notes and availability.
public struct Service: Sendable {
  /// The service id, like `aws.lambda`.
  public var id: String
  /// The display name, like `AWS Lambda`.
  public var name: String
  /// The heading reports group this service under, like `API Gateway`.
  public var group: String
  /// The inputs a component of the service accepts, in file order.
  public var inputs: [ServiceInput]
  /// What the provider bills for the service, in file order.
  public var meters: [Meter]
  /// Facts shown when the service is used, in file order.
  public var notes: [ServiceNote]
  /// When the service can be used; nil if the table sets no dates.
  public var availability: Availability?
  /// The combinations of numeric inputs the service accepts, if it restricts them.
  public var combinations: Combinations?
  /// The id of the table that holds the service.
  public var tableID: String
  /// Where the service is written in its table, for errors about it.
  public var location: SourceLocation?
  /// The rates the region's rates file lacks: a component that needs one cannot be priced here.
  public var unpriced: [UnpricedRate] = []

  /// The input with this name.
  public func input(_ name: String) -> ServiceInput? { inputs.first { $0.name == name } }
  /// The meter with this name.
  public func meter(_ name: String) -> Meter? { meters.first { $0.name == name } }
}
