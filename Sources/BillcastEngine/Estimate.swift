import BillcastCore
import BillcastPricing
import BillcastProfile

/// A priced profile: one result per scenario × architecture, with the tables it used.
public struct Estimate: Sendable {
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
  /// The date prices and rules were taken as of.
  public var asOf: CalendarDate
  /// The free-tier situation applied, in words.
  public var freeTier: FreeTierSituation
  /// The pricing tables the estimate used.
  public var tables: [TableReference]
  /// The results, scenario by scenario, architectures in profile order.
  public var results: [ScenarioResult]
  /// Architectures not priced because a service they use had not launched yet on the date priced.
  public var notYetAvailable: [UnavailableArchitecture] = []
}
