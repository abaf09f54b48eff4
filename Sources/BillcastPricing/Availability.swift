import BillcastCore

/// When a service can be used.
public struct Availability: Sendable {
  /// Launched: pricing before this date is an error.
  public var from: CalendarDate?
  /// No new resources after this date.
  public var newUntil: CalendarDate?
  /// Retired: no pricing after this date.
  public var until: CalendarDate?
  /// The service that replaces it.
  public var replacement: String?
  /// The id of the source the availability was read from.
  public var source: String?
}
