import BillcastCore
import BillcastProfile

/// What to price: which scenarios and architectures, as of when, and with which free tier.
public struct EstimateOptions: Sendable {
  /// The date prices and rules are taken as of; nil uses the profile's `as_of`.
  public var asOf: CalendarDate?
  /// The date of the run (the CLI passes today): the date priced when neither the options nor
  /// the profile give one, and the date against which retirements since `asOf` are flagged.
  public var today: CalendarDate
  /// Overrides the profile's free-tier situation.
  public var freeTier: Account.FreeTier?
  /// The scenarios to price (nil: all).
  public var scenarios: [String]?
  /// The architectures to price (nil: all).
  public var architectures: [String]?
  /// Hours in the month priced.
  public var monthHours: ExactDecimal
  /// The calendar month priced (any day of it), when its days of the week and its place in the
  /// year count (a forecast with `month_hours: calendar`); nil prices an average month of
  /// `monthHours` hours.
  public var month: CalendarDate?
  /// The workload's values, used instead of evaluating the profile's formulas (a forecast
  /// month's). Internal: a value missing for a variable would leave the estimate without it, so
  /// only the forecast and break-even, which evaluate every variable, set it.
  var workload: [String: Interval]?
  /// Whether a credit-based account's credits are applied against the total (a forecast spends them itself).
  public var applyCredits = true

  /// Creates options; nil scenarios or architectures price them all.
  public init(
    asOf: CalendarDate? = nil, today: CalendarDate, freeTier: Account.FreeTier? = nil,
    scenarios: [String]? = nil, architectures: [String]? = nil, monthHours: ExactDecimal = 730
  ) {
    self.asOf = asOf
    self.today = today
    self.freeTier = freeTier
    self.scenarios = scenarios
    self.architectures = architectures
    self.monthHours = monthHours
  }
}
