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

/// A month-by-month forecast: per architecture, each month's bill and the cumulative total,
/// as a deterministic low–high envelope and Monte Carlo percentiles, with the events that move it.
public struct Forecast: Sendable {
  /// The profile's name.
  public var profileName: String
  /// The file the profile was read from.
  public var profilePath: String
  /// The SHA-256 of the profile's text.
  public var profileSHA256: String
  /// The region priced, like `us-east-1`.
  public var region: String
  /// The currency of every amount, like `USD`.
  public var currency: String
  /// The pricing tables used over the horizon, by id.
  public var tables: [TableReference]
  /// The free-tier situation as of the first month priced (the estimate's shape: account, kinds, credits, summary).
  public var freeTier: FreeTierSituation
  /// The months forecast, in order, each with its scenario and hours.
  public var months: [ForecastMonth]
  /// The number of Monte Carlo paths (0: the deterministic envelope only).
  public var samples: Int
  /// The Monte Carlo random seed.
  public var seed: UInt64
  /// Each architecture's month-by-month figures.
  public var architectures: [ArchitectureForecast]
  /// The cheapest architecture each month (by the median bill; nil where none is available).
  public var cheapestByMonth: [String?]
  /// The months from which another architecture is the cheapest, by monthly bill or cumulative total.
  public var crossovers: [ForecastCrossover]
  /// What happens in the months forecast to move the bill, in month order.
  public var events: [ForecastEvent]
  /// The month broken down by service, and each architecture's cost per service group then.
  public var breakdownMonth: Int
  /// Each architecture's cost per service group in that month, at the workload's low and high ends.
  public var breakdown: [(architecture: String, services: [(group: String, cost: Span)])]
}

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
}

/// One architecture's forecast.
public struct ArchitectureForecast: Sendable {
  /// The architecture's name.
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
  /// The deterministic envelope after credits, low to high.
  public var envelope: Interval
  /// The 10th percentile of the Monte Carlo paths (nearest rank); the envelope's midpoint without samples.
  public var p10: ExactDecimal
  /// The median of the Monte Carlo paths (nearest rank); the envelope's midpoint without samples.
  public var p50: ExactDecimal
  /// The 90th percentile of the Monte Carlo paths (nearest rank); the envelope's midpoint without samples.
  public var p90: ExactDecimal
  /// The smallest and largest sampled values.
  public var sampled: Interval
}

/// The month from which another architecture is the cheapest.
public struct ForecastCrossover: Sendable, Hashable {
  /// Which figure the cheapest is judged by: each month's bill or the cumulative total.
  public enum Kind: String, Sendable { case monthly, cumulative }
  /// Whether the cheapest changed by monthly bill or by cumulative total.
  public var kind: Kind
  /// The month (1-based) from which `to` is the cheapest, by median.
  public var month: Int
  /// The cheapest architecture the month before.
  public var from: String
  /// The cheapest architecture from that month.
  public var to: String
}

/// Something that happens in a month and moves the bill.
public struct ForecastEvent: Sendable, Hashable {
  /// The month (1-based) it happens in.
  public var month: Int
  /// The architectures it concerns, comma-separated; nil when it concerns every one.
  public var architecture: String?
  /// What kind of event it is.
  public var kind: Kind
  /// The event in words.
  public var message: String

  /// Creates an event.
  public init(month: Int, architecture: String?, kind: Kind, message: String) {
    self.month = month
    self.architecture = architecture
    self.kind = kind
    self.message = message
  }

  /// The kinds of event a forecast reports.
  public enum Kind: Sendable, Hashable {
    /// The calendar switches to another scenario.
    case scenario
    /// An architecture cannot be priced from this month (a service retired or not yet launched).
    case unavailable
    /// A legacy account's 12-month free-tier offers end.
    case freeTierEnds
    /// A price changes (a dated history entry).
    case pricingChange
    /// A service takes no new customers from this month.
    case closedToNewCustomers
    /// A credit-based account's credits run out.
    case creditsSpent
    /// A credit-based account's unspent credits expire.
    case creditsExpire
    /// Another architecture becomes the cheapest, by monthly bill or by cumulative total.
    case cheapest(ForecastCrossover.Kind)

    /// The kind's code in reports: `free-tier-ends`, `cheapest-monthly`, ….
    public var code: String {
      switch self {
      case .scenario: return "scenario"
      case .unavailable: return "unavailable"
      case .freeTierEnds: return "free-tier-ends"
      case .pricingChange: return "pricing-change"
      case .closedToNewCustomers: return "closed-to-new-customers"
      case .creditsSpent: return "credits-spent"
      case .creditsExpire: return "credits-expire"
      case .cheapest(let kind): return "cheapest-\(kind.rawValue)"
      }
    }

    /// Whether the event is a change of the cheapest architecture (reported in its own section).
    public var isCrossover: Bool { if case .cheapest = self { return true } else { return false } }
  }

  /// The event's kind as its code in reports, like `free-tier-ends`.
  public var code: String { kind.code }
}
