import BillcastCore
import BillcastPricing
import BillcastProfile

/// One component's use of one meter, and its share of the account meter's cost.
public struct LineItem: Sendable {
  /// The component's name in the profile.
  public var component: String
  /// The service id, like `aws.lambda`.
  public var service: String
  /// The meter's name, like `duration`.
  public var meter: String
  /// The meter's unit, like `GB-s`.
  public var unit: String
  /// The account meter this line is aggregated and priced with.
  public var accountMeter: MeterKey
  /// The component's monthly usage of the meter, low to high.
  public var quantity: Interval
  /// The line's share of the free tier drawn by its account meter.
  public var freeTier: Span
  /// The line's share of its account meter's cost, at the workload's low and high ends (not ordered).
  public var cost: Span
}
