import BillcastCore
import BillcastPricing
import BillcastProfile

/// One forecast month.
public struct ForecastMonth: Sendable, Hashable {
  /// 1-based.
  public var index: Int
  /// The calendar month, like `2024-10`.
  public var month: CalendarMonth
  /// The scenario priced that month (nil when the profile has none).
  public var scenario: String?
  /// The hours in the month used for pricing (730, a fixed number or the calendar's).
  public var hours: ExactDecimal
  /// Whether the month is priced on its calendar (`month_hours: calendar`): its own days of the
  /// week and place in the year, not an average month's (see ``Builtins``).
  public var onCalendar = false

  /// The calendar month's first day when it is priced on its calendar, else nil.
  var calendarDay: CalendarDate? { onCalendar ? month.firstDay : nil }
}
