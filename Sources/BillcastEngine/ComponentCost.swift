import BillcastCore
import BillcastPricing
import BillcastProfile

/// The cost of one component, with the free tier and unit prices that apply to it.
public struct ComponentCost: Sendable {
  /// The component's name in the profile.
  public var component: String
  /// The label reports show: the profile's, or `Service group (component)`.
  public var label: String
  /// The service id, like `aws.lambda`.
  public var service: String
  /// The service's name, like `AWS Lambda`.
  public var serviceName: String
  /// The sum of its lines' shares, at the workload's low and high ends (not ordered).
  public var cost: Span
  /// Its use of each meter, in the service's meter order.
  public var lines: [LineItem]
  /// The free-tier pools its meters draw from, in the pricing tables' order.
  public var freeTier: [FreeTierPool]
  /// The price of each meter it uses (quantity above zero), in the service's meter order.
  public var prices: [MeterPrice]
}
