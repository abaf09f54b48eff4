import BillcastCore
import BillcastPricing

/// A cause of a difference between the estimate and the bill.
public struct ReconcileFinding: Sendable {
  /// What kind of cause.
  public enum Kind: String, Sendable {
    case quantity, rate, unknown, credit, freeTier = "free-tier", commitment
  }
  public var kind: Kind
  /// The months it was seen in.
  public var months: [String]
  /// The meter, component or service it is about.
  public var subject: String
  /// One sentence: what differs and by how much.
  public var message: String
  /// Its effect on the bill in dollars (over the months), signed: positive if the bill is higher.
  public var effect: ExactDecimal
  /// The size as a factor (bill ÷ estimate), where one applies.
  public var factor: ExactDecimal?
}
