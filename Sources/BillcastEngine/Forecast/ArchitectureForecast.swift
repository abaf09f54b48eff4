import BillcastCore
import BillcastPricing
import BillcastProfile

/// One architecture's forecast.
public struct ArchitectureForecast: Sendable {
  /// The architecture's name.
  public var architecture: String
  /// Each month's bill (after credits); nil where the architecture is unavailable.
  public var monthly: [MonthFigures?]
  /// The cumulative total to each month.
  public var cumulative: [MonthFigures?]
  /// Credits applied each month (envelope), for credit-based accounts.
  public var credits: [Interval?]
}
