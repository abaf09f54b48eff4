import BillcastCore
import BillcastPricing

/// An estimate set against the real bill: month by month, service by service, meter by meter,
/// with the causes of every difference billcast can name.
public struct Reconciliation: Sendable {
  /// The profile's name and path.
  public var profileName: String
  public var profilePath: String
  /// The architecture and scenario reconciled.
  public var architecture: String
  public var scenario: String
  /// The profile's region.
  public var region: String
  /// The pricing tables used.
  public var tables: [TableReference]
  /// The bills read.
  public var bills: [BillSummary]
  /// Each month reconciled, in order.
  public var months: [MonthReconciliation]
  /// The causes found, largest effect first.
  public var findings: [ReconcileFinding]
  /// The workload the bill measured, per component input, for `--calibrate`.
  public var calibration: [CalibratedInput]
}

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

/// The bill's non-usage charges of one kind in a month.
public struct ChargeTotal: Sendable {
  /// The kind, like `credit` or `tax`.
  public var kind: String
  /// What they cost (negative for credits and refunds).
  public var amounts: BillAmounts
}

/// One service in one month: the estimate against the matched rows.
public struct ServiceReconciliation: Sendable {
  /// The service id, like `aws.lambda`, and its name.
  public var service: String
  public var name: String
  /// The estimate's cost, low to high.
  public var estimate: Interval
  /// The matched rows' amounts.
  public var bill: BillAmounts
  /// Each of its meters.
  public var meters: [MeterReconciliation]
}

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

/// The bill's quantity against the estimate's, and the input that explains it.
public struct QuantityDrift: Sendable {
  /// Bill quantity ÷ the nearer end of the estimate's range (nil when the estimate is 0).
  public var factor: ExactDecimal?
  /// The workload input the bill measured instead, if billcast could solve for one.
  public var explanation: CalibratedInput.Value?
}

/// The bill's public unit price against the table's rate.
public struct RateDrift: Sendable {
  /// The bill's price per meter unit (the most-billed one that is not a table rate).
  public var billRate: ExactDecimal
  /// The table's nearest rate.
  public var tableRate: ExactDecimal
  /// Bill rate ÷ table rate.
  public var factor: ExactDecimal
  /// What the difference cost: (bill rate − table rate) × the quantity billed at the bill rate.
  public var effect: ExactDecimal
}

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

/// A component input the bill measured.
public struct CalibratedInput: Sendable {
  /// One month's measured value of an input.
  public struct Value: Sendable {
    /// The component and input.
    public var component: String
    public var input: String
    /// The input's value in the profile for the month, low to high.
    public var profile: Interval
    /// The value that reproduces the bill's quantity.
    public var measured: ExactDecimal
    /// The meter whose quantity measured it.
    public var meter: MeterKey
  }
  /// The component and input.
  public var component: String
  public var input: String
  /// The input as the profile writes it.
  public var written: String
  /// The workload variable it is, when the profile's input is just one (`duration_ms: lambda_duration_ms`).
  public var variable: String?
  /// The measured value, month by month.
  public var values: [(month: String, value: ExactDecimal)]
  /// The meter that measured it.
  public var meter: MeterKey
}
