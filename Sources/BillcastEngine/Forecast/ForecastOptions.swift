import BillcastCore
import BillcastPricing
import BillcastProfile

/// What to forecast: horizon, scenario, samples and seed.
public struct ForecastOptions: Sendable {
  /// The date of the run: the start month's fallback, and the date retirements are flagged against.
  public var today: CalendarDate
  /// The first month (default: the profile's forecast start, else its as_of month, else today's).
  public var start: CalendarMonth?
  /// The horizon (default: the profile's, else 12).
  public var months: Int?
  /// One scenario for every month, instead of the profile's calendar.
  public var scenario: String?
  /// The architectures to forecast (nil: all).
  public var architectures: [String]?
  /// Overrides the profile's free-tier situation.
  public var freeTier: Account.FreeTier?
  /// Monte Carlo paths (0: the deterministic envelope only).
  public var samples: Int
  /// The Monte Carlo random seed: the same seed gives the same percentiles.
  public var seed: UInt64
  /// The month whose cost per service is broken down (default: the last).
  public var breakdownMonth: Int?

  /// Called now and then, from any thread, with the share of Monte Carlo paths done (0 to 1);
  /// the command line shows it on a terminal. It does not change the result.
  public var progress: (@Sendable (Double) -> Void)? = nil

  /// Creates options; nil values fall back to the profile's forecast settings.
  public init(
    today: CalendarDate, start: CalendarMonth? = nil, months: Int? = nil, scenario: String? = nil,
    architectures: [String]? = nil, freeTier: Account.FreeTier? = nil, samples: Int = 1000, seed: UInt64 = 1,
    breakdownMonth: Int? = nil
  ) {
    self.today = today
    self.start = start
    self.months = months
    self.scenario = scenario
    self.architectures = architectures
    self.freeTier = freeTier
    self.samples = samples
    self.seed = seed
    self.breakdownMonth = breakdownMonth
  }

  /// Whether a path's month reuses the previous month's unchanged values (tests turn it off
  /// to check the result against pricing every month afresh).
  var reusesUnchangedValues = true

  /// The most Monte Carlo paths accepted.
  public static let maximumSamples = 1_000_000

  /// The most sampled months in one forecast: samples × months × architectures.
  ///
  /// Exact percentiles keep every sampled month (32 bytes each, monthly and cumulative), so
  /// this caps the forecast's memory at about 400 MB: 1,000,000 samples for 12 months of one
  /// architecture, or 10,000 samples for 120 months of 10.
  public static let maximumSampledMonths = 12_000_000

  /// The problems with a forecast's size, each naming the limit it breaks (none when within every limit).
  public static func sizeProblems(samples: Int, months: Int, architectures: Int) -> [String] {
    var problems: [String] = []
    if !(1...ForecastSettings.maximumMonths).contains(months) {
      problems.append("the horizon is \(months) months; billcast forecasts 1 to \(ForecastSettings.maximumMonths)")
    }
    if !(0...maximumSamples).contains(samples) {
      problems.append("--samples \(samples) is outside 0…\(maximumSamples)")
    } else if problems.isEmpty {
      let (product, overflow) = samples.multipliedReportingOverflow(by: months * max(1, architectures))
      if overflow || product > maximumSampledMonths {
        problems.append(
          "\(samples) samples × \(months) months × \(architectures) architecture\(architectures == 1 ? "" : "s") is \(overflow ? "too many" : String(product)) sampled months; "
            + "billcast's limit is \(maximumSampledMonths) (lower --samples or --months, or pick --architecture)")
      }
    }
    return problems
  }
}
