import BillcastCore

/// A profile's forecast settings: which months, how the workload grows, which scenario each month is.
public struct ForecastSettings: Sendable {
  /// The first month priced.
  public var start: CalendarMonth
  /// How many months.
  public var months: Int
  /// Hours per month: a fixed number (730 by default) or each month's calendar length.
  public var monthHours: MonthHours
  /// The scenario of months the calendar does not name (nil: the first scenario).
  public var scenario: String?
  /// Which scenario runs in which months.
  public var calendar: [CalendarEntry]
  /// How workload variables grow month by month.
  public var growth: [String: Growth]
  /// Variables that accumulate: each month adds the formula's value (storage grows by each month's uploads).
  public var accumulate: [String: Formula]
  /// How each variable's ranges are distributed in the Monte Carlo (uniform by default).
  public var distributions: [String: Distribution]
  /// Where the `forecast` section is in the profile, for errors.
  public var location: SourceLocation
  /// Where each variable's growth and accumulation are written (`forecast.growth.page_views`),
  /// for errors in the months they change.
  public var adjustmentLocations: [String: SourceLocation] = [:]

  /// The hours in a forecast month.
  public enum MonthHours: Sendable, Equatable {
    case fixed(ExactDecimal)
    case calendar
  }

  /// A stretch of months (1-based, inclusive) with its scenario.
  public struct CalendarEntry: Sendable, Equatable {
    /// The stretch's first month, 1-based.
    public var first: Int
    /// The stretch's last month, 1-based and inclusive.
    public var last: Int
    /// The scenario those months run.
    public var scenario: String
    /// Where the calendar entry is in the profile, for errors.
    public var location: SourceLocation
  }

  /// How a variable changes from one month to the next.
  public enum Growth: Sendable, Equatable {
    /// Multiplied by (1 + rate) each month; the rate may be a range.
    case compound(Formula)
    /// Increased by the amount each month; may be a range.
    case linear(Formula)
    /// The value of each month in turn; the last repeats.
    case values([Formula])
  }

  /// How a range is sampled in the Monte Carlo (the same type the formula compiler draws with).
  public typealias Distribution = BillcastCore.Distribution

  /// The largest horizon accepted, in months.
  public static let maximumMonths = 120
}

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
