import BillcastCore

/// A rate a region's rates file lacks. A component that needs it (its meter applies and, for a
/// keyed price, the component has that key) is an error naming it: never $0, never another
/// region's rate.
public struct UnpricedRate: Sendable {
  /// The meter, with its key for a keyed price.
  public var key: MeterKey
  /// The choice input a keyed price is keyed by.
  public var by: String?
  /// The choice-input values the meter applies to (empty: always).
  public var when: ChoiceCondition
  /// The meter this one is billed as, when that meter is the one without a rate.
  public var billedAs: MeterReference?
  /// The rates file that lacks it.
  public var ratesFile: String
}
