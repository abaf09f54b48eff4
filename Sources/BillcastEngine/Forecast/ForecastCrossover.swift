import BillcastCore
import BillcastPricing
import BillcastProfile

/// The month from which another architecture is the cheapest.
public struct ForecastCrossover: Sendable, Hashable {
  /// Which figure the cheapest is judged by: each month's bill or the cumulative total.
  public enum Kind: String, Sendable { case monthly, cumulative }
  /// Whether the cheapest changed by monthly bill or by cumulative total.
  public var kind: Kind
  /// The month (1-based) from which `to` is the cheapest, by median.
  public var month: Int
  /// The cheapest architecture the month before.
  public var from: String
  /// The cheapest architecture from that month.
  public var to: String
}
