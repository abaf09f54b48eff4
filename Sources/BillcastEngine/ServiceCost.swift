import BillcastCore
import BillcastPricing
import BillcastProfile

/// The cost of one service (all its components) in a result.
public struct ServiceCost: Sendable {
  /// The service id, like `aws.lambda`.
  public var service: String
  /// The service's name, like `AWS Lambda`.
  public var name: String
  /// The heading reports group the service under, like `API Gateway`.
  public var group: String
  /// The sum of its components' shares, at the workload's low and high ends (not ordered).
  public var cost: Span
  /// The lines of all its components, in component order.
  public var lines: [LineItem]
}
