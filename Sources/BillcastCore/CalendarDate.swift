/// A calendar day, `YYYY-MM-DD`, without time zone: the unit of every date in billcast.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The year, 1 to 9999.
  public var year: Int
  /// The month of the year, 1 to 12.
  public var month: Int
  /// The day of the month, starting at 1.
  public var day: Int

  /// Creates a date; returns nil if the day does not exist.
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month),
      (1...CalendarDate.daysIn(year: year, month: month)).contains(day)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// The day that is `days` days after 1970-01-01 (negative: before it), in the proleptic
  /// Gregorian calendar (Howard Hinnant's `civil_from_days`).
  public init?(daysSince1970 days: Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    self.init(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
  }

  /// Days from 1970-01-01 to this date (negative before it): Howard Hinnant's `days_from_civil`.
  public var daysSince1970: Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// Parses `YYYY-MM-DD` exactly.
  public init?(_ text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
      let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
    else { return nil }
    self.init(year: y, month: m, day: d)
  }

  /// The dates billcast accepts from any input: 1900-01-01 to 9899-12-31.
  ///
  /// Every date billcast computes is an input date plus at most a forecast's horizon
  /// (120 months) and a free-tier offer (12 months), so none can leave the calendar's
  /// years 1 to 9999: ``adding(months:)`` cannot fail for a date read through this range.
  public static let supportedRange =
    CalendarDate(year: 1900, month: 1, day: 1)!...CalendarDate(year: 9899, month: 12, day: 31)!

  /// Whether the date lies in ``supportedRange``.
  public var isSupported: Bool { Self.supportedRange.contains(self) }

  /// Why a date outside ``supportedRange`` is refused, for an error message.
  public static var supportedRangeText: String {
    "dates from \(supportedRange.lowerBound) to \(supportedRange.upperBound) are supported"
  }

  /// Whether a date comes before another.
  public static func < (a: Self, b: Self) -> Bool {
    (a.year, a.month, a.day) < (b.year, b.month, b.day)
  }

  /// The date as `YYYY-MM-DD`.
  public var description: String {
    let y = String(year), m = String(month), d = String(day)
    return String(repeating: "0", count: 4 - y.count) + y + "-" + (m.count == 1 ? "0" : "") + m + "-"
      + (d.count == 1 ? "0" : "") + d
  }

  /// The number of days in a month.
  public static func daysIn(year: Int, month: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// The same day `months` months later, clamped to the month's last day.
  public func adding(months: Int) -> CalendarDate {
    let index = year * 12 + (month - 1) + months
    let y = index / 12, m = index % 12 + 1
    return CalendarDate(year: y, month: m, day: Swift.min(day, Self.daysIn(year: y, month: m)))!
  }

  /// Whole months from `self` to `later` (how many times `adding(months: 1)` fits).
  public func months(until later: CalendarDate) -> Int {
    var n = (later.year - year) * 12 + (later.month - month)
    if later.day < day { n -= 1 }
    return n
  }
}
