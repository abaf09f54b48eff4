import BillcastCore
import BillcastPricing
import BillcastProfile

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
