import BillcastCore

/// Bill usage the profile does not know: rows no component or meter matched, added up.
public struct UnknownCharge: Sendable {
  /// Why the rows are unknown: `no component or meter of the profile bills this usage type`, or
  /// the component they name and that it has no such meter, or the architecture's filter.
  public var reason: String
  /// The component the rows name, if any.
  public var component: String?
  /// The offer code (`AmazonEC2`), or empty if the bill lacks it.
  public var serviceCode: String
  /// The service's name as billed.
  public var serviceName: String
  /// The usage type as billed.
  public var usageType: String
  /// The region, or empty.
  public var region: String
  /// The account.
  public var account: String
  /// The quantity and its unit as billed.
  public var quantity: ExactDecimal
  public var unit: String
  /// What the rows cost.
  public var amounts: BillAmounts
  /// Where the first row is: `file:line`.
  public var firstRow: String
}
