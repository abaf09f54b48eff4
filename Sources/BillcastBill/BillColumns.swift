import BillcastCore

/// Where each column billcast reads is in a bill's header, for FOCUS and CUR alike.
struct BillColumns {
  /// The columns billcast reads, by their role.
  enum Field: Int, CaseIterable {
    case billingPeriodStart, chargePeriodStart, chargeCategory, chargeClass, lineItemType, description
    case billedCost, effectiveCost, listCost, listUnitPrice, pricingQuantity, consumedQuantity, pricingUnit
    case consumedUnit, pricingCategory, commitmentId, commitmentStatus, currency, billingAccount, subAccount
    case serviceName, serviceCode, region, usageType, operation, sku, resourceId, tags, product
    case savingsPlanEffectiveCost, reservationEffectiveCost, providerName
    case savingsPlanCommitmentToDate, savingsPlanUsedCommitment, reservationUnusedUpfront, reservationUnusedRecurring
    case reservationARN
  }

  let format: BillFormat
  /// The header's names, as the file writes them.
  let header: [String]
  /// Each field's column (by the field's raw value), if the header has it: an array, since every
  /// field of every row is looked up here.
  private var index = [Int?](repeating: nil, count: Field.allCases.count)
  /// Legacy CUR's tag columns (`resourceTags/user:app`): column and tag key.
  private(set) var tagColumns: [(column: Int, key: String)] = []
  /// The names of columns billcast reads that the header has more than once (which is meant is ambiguous).
  private(set) var duplicates: [String] = []

  /// The column names of each field: FOCUS first, then CUR 2.0 (legacy CUR names are converted to CUR 2.0's).
  static let names: [Field: [String]] = [
    .billingPeriodStart: ["BillingPeriodStart", "bill_billing_period_start_date"],
    .chargePeriodStart: ["ChargePeriodStart", "line_item_usage_start_date"],
    .chargeCategory: ["ChargeCategory"], .chargeClass: ["ChargeClass"],
    .lineItemType: ["line_item_line_item_type"],
    .description: ["ChargeDescription", "line_item_line_item_description"],
    .billedCost: ["BilledCost", "line_item_unblended_cost"],
    .effectiveCost: ["EffectiveCost"],
    .listCost: ["ListCost", "pricing_public_on_demand_cost"],
    .listUnitPrice: ["ListUnitPrice", "pricing_public_on_demand_rate"],
    .pricingQuantity: ["PricingQuantity", "line_item_usage_amount"],
    .consumedQuantity: ["ConsumedQuantity"],
    .pricingUnit: ["PricingUnit", "pricing_unit"], .consumedUnit: ["ConsumedUnit"],
    .pricingCategory: ["PricingCategory"],
    .commitmentId: ["CommitmentDiscountId"], .commitmentStatus: ["CommitmentDiscountStatus"],
    .currency: ["BillingCurrency", "line_item_currency_code"],
    .billingAccount: ["BillingAccountId", "bill_payer_account_id"],
    .subAccount: ["SubAccountId", "line_item_usage_account_id"],
    .serviceName: ["ServiceName", "product_product_name"],
    .serviceCode: ["x_ServiceCode", "line_item_product_code"],
    .region: ["RegionId", "product_region_code"],
    // AWS's FOCUS 1.2 export has no x_UsageType: its SkuMeter is the usage type (docs/research/bill-formats.md).
    .usageType: ["x_UsageType", "SkuMeter", "line_item_usage_type"],
    .operation: ["x_Operation", "line_item_operation"],
    .sku: ["SkuId", "product_sku"],
    .resourceId: ["ResourceId", "line_item_resource_id"],
    .tags: ["Tags", "resource_tags"],
    .product: ["product"],
    .savingsPlanEffectiveCost: ["savings_plan_savings_plan_effective_cost"],
    .reservationEffectiveCost: ["reservation_effective_cost"],
    .providerName: ["ProviderName"],
    .savingsPlanCommitmentToDate: ["savings_plan_total_commitment_to_date"],
    .savingsPlanUsedCommitment: ["savings_plan_used_commitment"],
    .reservationUnusedUpfront: ["reservation_unused_amortized_upfront_fee_for_billing_period"],
    .reservationUnusedRecurring: ["reservation_unused_recurring_fee"],
    .reservationARN: ["reservation_reservation_a_r_n"],
  ]

  /// The fields a bill of each kind must have.
  static func required(_ format: BillFormat) -> [Field] {
    switch format {
    case .focus: [.billedCost, .chargeCategory, .currency, .chargePeriodStart, .serviceName]
    case .cur: [.billedCost, .lineItemType, .currency, .chargePeriodStart, .serviceCode, .usageType]
    }
  }

  /// Maps a header; the fields it lacks among the required ones, if any.
  init(header raw: [String], format: BillFormat) {
    self.format = format
    var header = raw
    if case .cur(legacy: true) = format {
      for (i, name) in raw.enumerated() {
        if name.hasPrefix("resourceTags/") {
          tagColumns.append((i, String(name.dropFirst("resourceTags/".count))))
        }
        header[i] = Self.curName(name)
      }
    }
    self.header = header
    var position: [String: Int] = [:]
    for (i, name) in header.enumerated() where position[name] == nil { position[name] = i }
    var counts: [String: Int] = [:]
    for name in header { counts[name, default: 0] += 1 }
    for field in Field.allCases {
      if let i = Self.names[field]!.lazy.compactMap({ position[$0] }).first {
        index[field.rawValue] = i
        if counts[header[i]]! > 1 { duplicates.append(header[i]) }
      }
    }
  }

  /// The column of a field, if the header has it.
  subscript(field: Field) -> Int? { index[field.rawValue] }

  /// The names of the required fields the header lacks.
  var missing: [String] {
    Self.required(format).filter { index[$0.rawValue] == nil }.map { field in
      let names = Self.names[field]!
      if case .focus = format { return names[0] }
      return names.last!
    }
  }

  /// A legacy CUR column name in CUR 2.0's form: `lineItem/UsageType` → `line_item_usage_type`.
  static func curName(_ name: String) -> String {
    name.split(separator: "/", omittingEmptySubsequences: false).map { part in
      var out = ""
      for c in part {
        if c.isUppercase {
          if !out.isEmpty && out.last != "_" { out += "_" }
          out += c.lowercased()
        } else {
          out.append(c)
        }
      }
      return out
    }.joined(separator: "_")
  }
}
