import BillcastCore
import BillcastPricing

/// One month of a reconciliation.
public struct MonthReconciliation: Sendable {
  /// The month, `YYYY-MM`.
  public var month: String
  /// The hours in the month (what hourly meters were estimated with).
  public var hours: ExactDecimal
  /// The estimate's total for the month (before credits), low to high.
  public var estimate: Interval
  /// Every row of the month.
  public var bill: BillAmounts
  /// The usage rows matched to the profile's meters.
  public var matched: BillAmounts
  /// Each service of the estimate or the matched rows, in estimate order.
  public var services: [ServiceReconciliation]
  /// Usage no component or meter matched, largest first.
  public var unknown: [UnknownCharge]
  /// Charges that are not usage (credits, refunds, tax, support, commitment fees, discounts), by kind.
  public var charges: [ChargeTotal]
  /// What the estimate took off for credits (a credit-based account), if anything.
  public var estimateCredits: Interval?
}
