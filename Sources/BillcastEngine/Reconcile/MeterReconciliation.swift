import BillcastCore
import BillcastPricing

/// One account meter in one month: quantities, rates and costs, estimate against bill.
public struct MeterReconciliation: Sendable {
  /// The account meter, like `aws.lambda/duration[x86_64]`, and its unit.
  public var meter: MeterKey
  public var unit: String
  /// The estimate's quantity, low to high.
  public var estimateQuantity: Interval
  /// The bill's quantity in the meter's unit: on-demand, free and committed usage together.
  public var billQuantity: ExactDecimal
  /// The part of it billed at $0 (a free tier), and the part a commitment covered.
  public var billFreeQuantity: ExactDecimal
  public var billCommittedQuantity: ExactDecimal
  /// What billcast drew from free tiers for the meter, low to high.
  public var estimateFreeTier: Interval
  /// The estimate's cost, low to high.
  public var estimateCost: Interval
  /// The rows' amounts.
  public var bill: BillAmounts
  /// The table's rates per meter unit in force in the month (one per tier).
  public var tableRates: [ExactDecimal]
  /// The bill's public unit prices per meter unit, with the quantity billed at each.
  public var billRates: [(rate: ExactDecimal, quantity: ExactDecimal)]
  /// The SKUs and usage types of the rows.
  public var skus: [String]
  public var usageTypes: [String]
  /// The quantity drift, if the bill's quantity is outside the estimate's range.
  public var quantityDrift: QuantityDrift?
  /// The rate drift, if the bill's price is not one of the table's.
  public var rateDrift: RateDrift?
}
