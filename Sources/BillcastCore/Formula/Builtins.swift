/// Names every formula may use without declaring them: what the month priced is.
///
/// A calendar month (a forecast with `month_hours: calendar`) gives each its own value; any
/// other month is an average one of `month_hours`: each day of the week falls
/// `month_hours / 168` times in it, and it is each month of the year for a twelfth.
package enum Builtins {
  /// `month_hours`: the hours in the month priced (730 unless a forecast month says otherwise).
  package static let monthHours = "month_hours"

  /// `month_sundays` … `month_saturdays`: the times each day of the week falls in the month
  /// priced (4 or 5 in a calendar month), Sunday first as in EventBridge's `cron(…)`.
  package static let weekdays = ["sundays", "mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays"]
    .map { "month_" + $0 }

  /// `month_is_jan` … `month_is_dec`: 1 in that month of the year and 0 in the others.
  package static let monthsOfYear = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
  ]
  .map { "month_is_" + $0 }

  /// Every built-in name.
  package static let names: Set<String> = Set([monthHours] + weekdays + monthsOfYear)

  /// A built-in's value in a month of `hours` hours; `month` is the calendar month (any day of
  /// it) when the month is one, nil for an average month. Nil for a name that is not built in.
  package static func value(_ name: String, hours: ExactDecimal, month: CalendarDate?) -> ExactDecimal? {
    // Every built-in starts so: any other name (an input, a workload variable) is answered at once.
    guard name.hasPrefix("month_") else { return nil }
    if name == monthHours { return hours }
    if let w = weekdays.firstIndex(of: name) {
      guard let month, let first = CalendarDate(year: month.year, month: month.month, day: 1) else {
        return hours / 168
      }
      // 1970-01-01 was a Thursday (4, Sunday being 0); the first (days − 28) weekdays of the
      // month, counting from its first day's, fall five times.
      let firstWeekday = ((first.daysSince1970 % 7) + 7 + 4) % 7
      let extra = CalendarDate.daysIn(year: month.year, month: month.month) - 28
      return (w - firstWeekday + 7) % 7 < extra ? 5 : 4
    }
    if let m = monthsOfYear.firstIndex(of: name) {
      guard let month else { return (1 as ExactDecimal) / 12 }
      return month.month == m + 1 ? 1 : 0
    }
    return nil
  }

  /// A built-in's range over every month there is: 672 to 744 hours, 4 or 5 of each day of the
  /// week, 0 or 1 for each month of the year. Nil for a name that is not built in.
  package static func anyMonth(_ name: String) -> Interval? {
    if name == monthHours { return Interval(672, 744) }
    if weekdays.contains(name) { return Interval(4, 5) }
    if monthsOfYear.contains(name) { return Interval(0, 1) }
    return nil
  }
}
