import BillcastCore

/// A ladder that was in force until a date.
public struct DatedLadder: Sendable, Hashable {
  /// The ladder applies to dates before this one.
  public var until: CalendarDate
  /// The number of units a rate is quoted for.
  public var per: ExactDecimal
  /// The ladder's tiers, `upto` ascending; the last tier has no `upto`.
  public var tiers: [Tier]
}
