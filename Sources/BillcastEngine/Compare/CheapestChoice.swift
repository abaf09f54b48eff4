import BillcastCore
import BillcastPricing
import BillcastProfile

/// The cheapest architecture of a scenario.
public struct CheapestChoice: Sendable, Hashable {
  /// The scenario's name.
  public var scenario: String
  /// The cheapest architecture at the low end of the ranges (by amount due).
  public var low: String
  /// Its amount due at the low end, after any credits.
  public var lowTotal: ExactDecimal
  /// The cheapest architecture at the high end of the ranges (by amount due).
  public var high: String
  /// Its amount due at the high end, after any credits.
  public var highTotal: ExactDecimal
}
