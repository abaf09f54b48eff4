import BillcastCore
import BillcastPricing

/// One account meter's usage rows in one month of a bill, added up.
struct MeterTally {
  /// The usage in the meter's unit: on-demand, free and committed together.
  var quantity: ExactDecimal = .zero
  /// The part billed at $0 (a free tier).
  var freeQuantity: ExactDecimal = .zero
  /// The part a Savings Plan or Reserved Instance covered.
  var committedQuantity: ExactDecimal = .zero
  /// What the rows cost.
  var amounts = BillAmounts()
  /// Each public unit price the bill shows (per meter unit), with the quantity billed at it.
  var rates: [ExactDecimal: ExactDecimal] = [:]
  /// Each component's quantity, for rows that name their component.
  var byComponent: [String: ExactDecimal] = [:]
  /// The SKUs and usage types seen.
  var skus: Set<String> = []
  var usageTypes: Set<String> = []

  /// The most distinct prices kept per meter (a bill has one per tier).
  static let maximumRates = 32
}
