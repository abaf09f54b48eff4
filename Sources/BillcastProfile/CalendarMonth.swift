import BillcastCore

/// A calendar month, `YYYY-MM`.
public struct CalendarMonth: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The year, 1 to 9999.
  public var year: Int
  /// The month of the year, 1 to 12.
  public var month: Int

  /// Creates a month; returns nil if the year is not in 1...9999 or the month not in 1...12.
  public init?(year: Int, month: Int) {
    guard (1...9999).contains(year), (1...12).contains(month) else { return nil }
    self.year = year
    self.month = month
  }

  /// Parses `YYYY-MM`.
  public init?(_ text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
      parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }), let y = Int(parts[0]), let m = Int(parts[1])
    else { return nil }
    self.init(year: y, month: m)
  }

  /// The month containing a date.
  public init(_ date: CalendarDate) {
    self.year = date.year
    self.month = date.month
  }

  /// Whether a month comes before another.
  public static func < (a: Self, b: Self) -> Bool { (a.year, a.month) < (b.year, b.month) }

  /// The month as `YYYY-MM`.
  public var description: String {
    let y = String(year)
    return String(repeating: "0", count: 4 - y.count) + y + "-" + (month < 10 ? "0" : "") + String(month)
  }

  /// The first day of the month.
  public var firstDay: CalendarDate { CalendarDate(year: year, month: month, day: 1)! }

  /// The month `n` months later.
  public func adding(months n: Int) -> CalendarMonth {
    let index = year * 12 + (month - 1) + n
    return CalendarMonth(year: index / 12, month: index % 12 + 1)!
  }

  /// The month's length in hours (24 × its days).
  public var hours: ExactDecimal { ExactDecimal(24 * CalendarDate.daysIn(year: year, month: month)) }
}
