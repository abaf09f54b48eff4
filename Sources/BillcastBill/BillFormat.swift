/// The kind of billing export a file is, read from its header.
public enum BillFormat: Sendable, Hashable, CustomStringConvertible {
  /// A FOCUS export (FinOps Open Cost and Usage Specification), with its version as far as the
  /// header tells it: `1.0`, `1.1` or `1.2`.
  case focus(version: String)
  /// An AWS Cost and Usage Report: CUR 2.0 (`line_item_usage_type`) or the legacy CUR
  /// (`lineItem/UsageType`), read alike.
  case cur(legacy: Bool)

  /// How reports name the format: `FOCUS 1.2`, `CUR 2.0`, `CUR (legacy)`.
  public var description: String {
    switch self {
    case .focus(let version): "FOCUS \(version)"
    case .cur(let legacy): legacy ? "CUR (legacy)" : "CUR 2.0"
    }
  }

  /// The format a header names, or nil if it is neither FOCUS nor CUR.
  ///
  /// FOCUS 1.1 added `CommitmentDiscountQuantity`, `SkuMeter` and `ServiceSubcategory`; 1.2 added
  /// `InvoiceId` and the `PricingCurrency…` columns. A FOCUS header without them is 1.0.
  static func detect(_ header: [String]) -> BillFormat? {
    let names = Set(header)
    if names.contains("BilledCost") {
      if names.contains("InvoiceId") || names.contains("PricingCurrency") { return .focus(version: "1.2") }
      if names.contains("CommitmentDiscountQuantity") || names.contains("SkuMeter")
        || names.contains("ServiceSubcategory")
      {
        return .focus(version: "1.1")
      }
      return .focus(version: "1.0")
    }
    if names.contains("line_item_unblended_cost") { return .cur(legacy: false) }
    if names.contains("lineItem/UnblendedCost") { return .cur(legacy: true) }
    return nil
  }
}
