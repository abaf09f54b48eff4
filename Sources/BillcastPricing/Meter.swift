import BillcastCore

/// What a provider bills: a quantity formula over the service's inputs, and its price.
public struct Meter: Sendable {
  /// How a meter is priced: by its own price, or with another service's meter.
  public enum Billing: Sendable {
    /// Priced by this meter.
    case price(Price)
    /// Aggregated and priced with another service's meter (account-wide data transfer, say).
    case billedAs(MeterReference)
  }

  /// The meter's name, like `duration`.
  public var name: String
  /// The unit the quantity is measured in, like `GB-s`.
  public var unit: String
  /// What the meter bills, in words, if given.
  public var description: String?
  /// The current quantity formula, over the service's numeric inputs and `month_hours`.
  public var quantity: Formula
  /// Earlier billing rules: the quantity formula in force before each date, dates ascending.
  public var quantityBefore: [(until: CalendarDate, quantity: Formula)] = []
  /// The choice-input values the meter applies to (empty: always).
  public var when: ChoiceCondition
  /// The meter bills only on and after this date (nil: always).
  public var from: CalendarDate?
  /// The meter bills only before this date (nil: always).
  public var until: CalendarDate?
  /// How the meter is priced: its own price, or another service's meter (`billed_as`).
  public var billing: Billing

  /// The quantity formula in force on a date.
  public func quantity(on date: CalendarDate) -> Formula {
    quantityBefore.first { date < $0.until }?.quantity ?? quantity
  }

  /// Whether the meter bills on a date.
  public func isInForce(on date: CalendarDate) -> Bool {
    if let from, date < from { return false }
    if let until, date >= until { return false }
    return true
  }
}
