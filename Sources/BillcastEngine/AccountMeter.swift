import BillcastCore
import BillcastPricing
import BillcastProfile

/// An account meter: the usage of every component aggregated, then free tier and tiers.
public struct AccountMeter: Sendable {
  /// The account meter, like `aws.lambda/duration[x86_64]`.
  public var key: MeterKey
  /// The unit the quantity is counted in, like `GB-s`.
  public var unit: String
  /// The monthly usage of every component aggregated, low to high.
  public var quantity: Interval
  /// Each pool drawn: its id, kind and the amount drawn at the low and the high end.
  public var freeTier: [(pool: String, kind: FreeTierKind, drawn: Span)]
  /// The quantity left to bill after the free tier, low to high.
  public var billable: Interval
  /// The price tiers the billable quantity is charged on.
  public var ladder: TierLadder
  /// Each tier's charge for the billable quantity at the low end.
  public var chargesLow: [TierCharge]
  /// Each tier's charge for the billable quantity at the high end.
  public var chargesHigh: [TierCharge]
  /// The account meter's monthly cost before allocation to components, low to high.
  public var cost: Interval
  /// Each component's quantity and share.
  public var shares: [(component: String, quantity: Interval, cost: Span)]
}
