import ArgumentParser
import BillcastCore
import BillcastReport
import Foundation

extension CalendarDate {
  /// Parses a date option, `YYYY-MM-DD` within billcast's calendar, with an error that says why not.
  static func argument(_ text: String) throws -> CalendarDate {
    guard let date = CalendarDate(text) else {
      throw ValidationError("'\(TerminalText.excerpt(text))' is not a date; expected YYYY-MM-DD, like 2025-07-15")
    }
    guard date.isSupported else {
      throw ValidationError("\(date) is outside the calendar billcast prices: \(CalendarDate.supportedRangeText)")
    }
    return date
  }

  /// Today's date in UTC.
  static func today() -> CalendarDate {
    // Whole days since 1970-01-01 UTC (floor, so an instant before 1970 is the day before); no
    // Calendar or TimeZone, whose first use costs about a millisecond of start-up.
    let seconds = Date().timeIntervalSince1970
    return CalendarDate(daysSince1970: Int((seconds / 86_400).rounded(.down)))!
  }
}
