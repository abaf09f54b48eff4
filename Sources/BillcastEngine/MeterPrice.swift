import BillcastCore
import BillcastPricing
import BillcastProfile

/// The price a component pays for one meter: the ladder in force and its unit.
public struct MeterPrice: Sendable, Hashable {
  /// The meter's name, like `duration`.
  public var meter: String
  /// The ladder in force on the date priced.
  public var ladder: TierLadder
  /// The unit the ladder's quantities are in (for a billed-as meter, the target's unit).
  public var unit: String
  /// The meter whose rates it is billed at (`aws.data-transfer/internet-out`), if it is.
  public var billedAs: MeterReference?
}
