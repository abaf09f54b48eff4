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
