import BillcastCore

/// One row of a bill, in the terms billcast reconciles: FOCUS and CUR columns read alike.
public struct BillRow: Sendable {
  /// The line the row starts on in its file, to locate it in reports and errors.
  public var line: Int
  /// The billing month, `YYYY-MM`.
  public var month: String
  /// What the row charges for.
  public var kind: BillChargeKind
  /// The account that used the resource (FOCUS `SubAccountId`, CUR `line_item_usage_account_id`).
  public var account: String
  /// The bill's currency, like `USD` (costs below are converted to US dollars when a rate was given).
  public var currency: String
  /// The Price List offer code, like `AWSLambda` (FOCUS `x_ServiceCode`, CUR `line_item_product_code`); empty if the bill lacks it.
  public var serviceCode: String
  /// The provider, like `AWS` (FOCUS `ProviderName`; empty in CUR, which is AWS's alone).
  public var provider: String = ""
  /// The service's name, like `AWS Lambda`.
  public var serviceName: String
  /// The region code, like `us-east-1`; empty for a global charge.
  public var region: String
  /// The usage type as billed, with its region prefix (`USE1-Lambda-GB-Second`); empty if the bill lacks it.
  public var usageType: String
  /// The operation, like `Invoke`.
  public var operation: String
  /// The Price List SKU.
  public var sku: String
  /// The resource's id or ARN.
  public var resourceId: String
  /// The resource's tags; keys as the bill writes them.
  public var tags: [String: String]
  /// The quantity in the pricing unit (FOCUS `PricingQuantity`, else `ConsumedQuantity`; CUR `line_item_usage_amount`).
  public var quantity: ExactDecimal
  /// The pricing unit, like `Lambda-GB-Second`.
  public var unit: String
  /// The public on-demand price per pricing unit, if the bill gives it.
  public var listUnitPrice: ExactDecimal?
  /// The public on-demand cost, if the bill gives it.
  public var listCost: ExactDecimal?
  /// What was invoiced (FOCUS `BilledCost`, CUR `line_item_unblended_cost`).
  public var billedCost: ExactDecimal
  /// The amortized cost after commitments (FOCUS `EffectiveCost`; CUR the Savings Plan's or
  /// reservation's effective cost for covered usage, else the unblended cost).
  public var effectiveCost: ExactDecimal
  /// The row's description.
  public var description: String

  /// Creates a row.
  public init(
    line: Int, month: String, kind: BillChargeKind, account: String, currency: String, serviceCode: String,
    serviceName: String, region: String, usageType: String, operation: String, sku: String, resourceId: String,
    tags: [String: String], quantity: ExactDecimal, unit: String, listUnitPrice: ExactDecimal?,
    listCost: ExactDecimal?, billedCost: ExactDecimal, effectiveCost: ExactDecimal, description: String
  ) {
    self.line = line
    self.month = month
    self.kind = kind
    self.account = account
    self.currency = currency
    self.serviceCode = serviceCode
    self.serviceName = serviceName
    self.region = region
    self.usageType = usageType
    self.operation = operation
    self.sku = sku
    self.resourceId = resourceId
    self.tags = tags
    self.quantity = quantity
    self.unit = unit
    self.listUnitPrice = listUnitPrice
    self.listCost = listCost
    self.billedCost = billedCost
    self.effectiveCost = effectiveCost
    self.description = description
  }
}
