import BillcastCore

/// An allowance that meters draw from, in the stated order.
public struct FreeTierPool: Sendable {
  /// The pool's id, like `lambda-requests`.
  public var id: String
  /// Which accounts get the allowance, and when.
  public var kind: FreeTierKind
  /// The free quantity per month, in the pool's unit, shared by the meters that draw on it.
  public var allowance: ExactDecimal
  /// The allowance's unit, like `GB-s`.
  public var unit: String
  /// The id of the source the allowance was read from.
  public var source: String
  /// The meters that draw on the pool, in drawing order.
  public var draws: [MeterKey]
  /// The pool is in force only on and after this date (nil: always).
  public var from: CalendarDate?
  /// The pool is in force only before this date (nil: always).
  public var until: CalendarDate?
  /// The id of the table that holds the pool.
  public var tableID: String

  /// Whether the pool is in force on a date.
  public func isInForce(on date: CalendarDate) -> Bool {
    if let from, date < from { return false }
    if let until, date >= until { return false }
    return true
  }
}
