import BillcastCore
import BillcastPricing
import BillcastProfile

/// What to forecast: horizon, scenario, samples and seed.
public struct ForecastOptions: Sendable {
  public var today: CalendarDate
  /// The first month (default: the profile's forecast start, else its as_of month, else today's).
  public var start: CalendarMonth?
  /// The horizon (default: the profile's, else 12).
  public var months: Int?
  /// One scenario for every month, instead of the profile's calendar.
  public var scenario: String?
  public var architectures: [String]?
  public var freeTier: Account.FreeTier?
  /// Monte Carlo paths (0: the deterministic envelope only).
  public var samples: Int
  public var seed: UInt64
  /// The month whose cost per service is broken down (default: the last).
  public var breakdownMonth: Int?

  public init(today: CalendarDate, start: CalendarMonth? = nil, months: Int? = nil, scenario: String? = nil, architectures: [String]? = nil, freeTier: Account.FreeTier? = nil, samples: Int = 1000, seed: UInt64 = 1, breakdownMonth: Int? = nil) {
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
          "\(samples) samples × \(months) months × \(architectures) architectures is \(overflow ? "too many" : String(product)) sampled months; "
            + "billcast's limit is \(maximumSampledMonths) (lower --samples or --months, or pick --architecture)")
      }
    }
    return problems
  }
}

/// A month-by-month forecast: per architecture, each month's bill and the cumulative total,
/// as a deterministic low–high envelope and Monte Carlo percentiles, with the events that move it.
public struct Forecast: Sendable {
  public var profileName: String
  public var profilePath: String
  public var profileSHA256: String
  public var region: String
  public var currency: String
  public var tables: [TableReference]
  public var freeTier: String
  public var months: [ForecastMonth]
  public var samples: Int
  public var seed: UInt64
  public var architectures: [ArchitectureForecast]
  /// The cheapest architecture each month (by the median bill; nil where none is available).
  public var cheapestByMonth: [String?]
  public var crossovers: [ForecastCrossover]
  public var events: [ForecastEvent]
  /// The month broken down by service, and each architecture's cost per service group then.
  public var breakdownMonth: Int
  public var breakdown: [(architecture: String, services: [(group: String, cost: Span)])]
}

/// One forecast month.
public struct ForecastMonth: Sendable, Hashable {
  /// 1-based.
  public var index: Int
  public var month: CalendarMonth
  public var scenario: String?
  public var hours: ExactDecimal
}

/// One architecture's forecast.
public struct ArchitectureForecast: Sendable {
  public var architecture: String
  /// Each month's bill (after credits); nil where the architecture is unavailable.
  public var monthly: [MonthFigures?]
  /// The cumulative total to each month.
  public var cumulative: [MonthFigures?]
  /// Credits applied each month (envelope), for credit-based accounts.
  public var credits: [Interval?]
}

/// A month's figures: the deterministic envelope and the Monte Carlo percentiles.
public struct MonthFigures: Sendable, Hashable {
  public var envelope: Interval
  public var p10: ExactDecimal
  public var p50: ExactDecimal
  public var p90: ExactDecimal
  /// The smallest and largest sampled values.
  public var sampled: Interval
}

/// The month from which another architecture is the cheapest.
public struct ForecastCrossover: Sendable, Hashable {
  public enum Kind: String, Sendable { case monthly, cumulative }
  public var kind: Kind
  public var month: Int
  public var from: String
  public var to: String
}

/// Something that happens in a month and moves the bill.
public struct ForecastEvent: Sendable, Hashable {
  public var month: Int
  public var architecture: String?
  public var code: String
  public var message: String
}
