import BillcastCore

extension BillReader {
  /// The current record as a row, or nil (with its errors recorded) if it is bad.
  mutating func row() -> BillRow? {
    guard let month = month() else { return nil }
    guard case .success(let billed) = number(.billedCost), case .success(let effectiveText) = number(.effectiveCost),
      case .success(let listCost) = number(.listCost), case .success(let listUnitPrice) = number(.listUnitPrice),
      case .success(let pricingQuantity) = number(.pricingQuantity),
      case .success(let consumedQuantity) = number(.consumedQuantity)
    else { return nil }
    guard let billed else {
      problem("\(header.header[column(.billedCost)]): the cost is empty", field: column(.billedCost))
      return nil
    }
    let tags = tags()
    guard let tags else { return nil }
    var product: [String: String] = [:]
    if header[.sku] == nil || header[.region] == nil, let text = value(.product) {
      guard let map = BillTags.parse(text) else {
        problem("product: not a JSON object of strings", field: column(.product))
        return nil
      }
      product = map
    }
    let quantity = pricingQuantity ?? consumedQuantity ?? .zero
    let kind = kind(billed: billed, quantity: quantity)
    var effective = effectiveText ?? billed
    if case .cur = format {
      guard let amortized = curEffectiveCost(billed: billed) else { return nil }
      effective = amortized
    }
    var row = BillRow(
      line: line, month: month, kind: kind, account: value(.subAccount) ?? text(.billingAccount),
      currency: text(.currency), serviceCode: text(.serviceCode), serviceName: text(.serviceName),
      region: value(.region) ?? product["region_code"] ?? product["region"] ?? "",
      usageType: text(.usageType), operation: text(.operation), sku: value(.sku) ?? product["sku"] ?? "",
      resourceId: text(.resourceId), tags: tags, quantity: quantity, unit: value(.pricingUnit) ?? text(.consumedUnit),
      listUnitPrice: listUnitPrice, listCost: listCost, billedCost: billed, effectiveCost: effective,
      description: text(.description))
    row.provider = text(.providerName)
    guard convertCurrency(&row) else { return nil }
    return row
  }

  /// A CUR row's amortized cost, as AWS's Cloud Intelligence Dashboards compute it
  /// (docs/research/bill-formats.md, section 4); nil (recorded) if a column is not a number.
  mutating func curEffectiveCost(billed: ExactDecimal) -> ExactDecimal? {
    // A cost column's amount (0 for a null); nil if it is not a number.
    func amount(_ field: BillColumns.Field) -> ExactDecimal? {
      guard case .success(let n) = number(field) else { return nil }
      return n ?? .zero
    }
    switch text(.lineItemType) {
    case "SavingsPlanCoveredUsage":
      guard let n = amount(.savingsPlanEffectiveCost) else { return nil }
      return header[.savingsPlanEffectiveCost] == nil ? billed : n
    case "DiscountedUsage":
      guard let n = amount(.reservationEffectiveCost) else { return nil }
      return header[.reservationEffectiveCost] == nil ? billed : n
    case "SavingsPlanNegation", "SavingsPlanUpfrontFee": return .zero
    case "SavingsPlanRecurringFee":
      guard let total = amount(.savingsPlanCommitmentToDate), let used = amount(.savingsPlanUsedCommitment) else {
        return nil
      }
      return header[.savingsPlanCommitmentToDate] == nil ? billed : total - used
    case "RIFee":
      guard let upfront = amount(.reservationUnusedUpfront), let recurring = amount(.reservationUnusedRecurring) else {
        return nil
      }
      return header[.reservationUnusedRecurring] == nil ? billed : upfront + recurring
    case "Fee": return value(.reservationARN) != nil ? .zero : billed
    default: return billed
    }
  }

  /// The row's billing month, `YYYY-MM`: its billing period's start, else its charge period's.
  mutating func month() -> String? {
    let field: BillColumns.Field = value(.billingPeriodStart) != nil ? .billingPeriodStart : .chargePeriodStart
    guard let text = value(field) else {
      problem("\(header.header[column(.chargePeriodStart)]): the date is empty", field: column(.chargePeriodStart))
      return nil
    }
    let prefix = text.prefix(10)
    if let last = lastDate, last.prefix == prefix { return last.month }
    guard text.count >= 10, CalendarDate(String(prefix)) != nil else {
      problem(
        "\(header.header[column(field)]): '\(TerminalText.excerpt(text, limit: 40))' is not a date (YYYY-MM-DD…)",
        field: column(field))
      return nil
    }
    lastDate = (prefix, String(text.prefix(7)))
    return lastDate!.month
  }

  /// The row's tags: the JSON tag column, plus legacy CUR's tag columns; nil (recorded) if unreadable.
  mutating func tags() -> [String: String]? {
    var tags: [String: String] = [:]
    if let text = value(.tags) {
      guard let map = parsedTags(text) else {
        problem("\(header.header[column(.tags)]): not a JSON object of strings", field: column(.tags))
        return nil
      }
      tags = map
    }
    for (i, key) in header.tagColumns {
      let text = csvText(i)
      if !text.isEmpty { tags[key] = text }
    }
    return tags
  }

  /// What the row charges for, from its category or line item type.
  func kind(billed: ExactDecimal, quantity: ExactDecimal) -> BillChargeKind {
    // Whether "CODE NAME" starts with AWSSupport or contains "AWS Support", without joining them.
    let code = text(.serviceCode), name = text(.serviceName)
    let isSupport =
      code.hasPrefix("AWSSupport") || Self.contains(code, "AWS Support") || Self.contains(name, "AWS Support")
      || (code.hasSuffix("AWS") && name.hasPrefix("Support"))
    switch format {
    case .focus:
      let committed = value(.commitmentId) != nil
      switch text(.chargeCategory) {
      case "Usage":
        if committed { return text(.commitmentStatus) == "Unused" ? .unusedCommitment : .committedUsage }
        if isSupport { return .support }
        return billed.isZero && !quantity.isZero ? .freeTier : .usage
      case "Purchase": return committed ? .commitmentFee : (isSupport ? .support : .purchase)
      case "Tax": return .tax
      case "Credit": return text(.chargeClass) == "Correction" ? .refund : .credit
      default: return text(.chargeClass) == "Correction" ? .refund : .adjustment
      }
    case .cur:
      switch text(.lineItemType) {
      case "Usage":
        if isSupport { return .support }
        return billed.isZero && !quantity.isZero ? .freeTier : .usage
      case "DiscountedUsage", "SavingsPlanCoveredUsage": return .committedUsage
      case "SavingsPlanNegation": return .commitmentNegation
      case "SavingsPlanRecurringFee", "SavingsPlanUpfrontFee", "RIFee": return .commitmentFee
      case "Fee": return isSupport ? .support : .purchase
      case "Credit": return .credit
      case "Refund": return .refund
      case "Tax": return .tax
      case "BundledDiscount", "EdpDiscount", "PrivateRateDiscount", "DistributorDiscount", "Discount": return .discount
      default: return .adjustment
      }
    }
  }

  /// Whether `text`'s UTF-8 contains `needle`'s, byte for byte (Foundation's search, which the
  /// `contains` it lends String runs, took a tenth of a bill's reading).
  static func contains(_ text: String, _ needle: StaticString) -> Bool {
    let n = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
    var t = text
    return t.withUTF8 { bytes in
      guard bytes.count >= n.count else { return false }
      for start in 0...(bytes.count - n.count) where bytes[start] == n[0] {
        if (1..<n.count).allSatisfy({ bytes[start + $0] == n[$0] }) { return true }
      }
      return false
    }
  }

  /// Converts a non-USD row's money to US dollars with the rate given; false (recorded once per
  /// currency) when no rate was given.
  mutating func convertCurrency(_ row: inout BillRow) -> Bool {
    guard !row.currency.isEmpty, row.currency != "USD" else { return true }
    guard let rate = readOptions.exchangeRates[row.currency] else {
      if !refused(row.currency) {
        refuse(row.currency)
        problem(
          "the bill is in \(TerminalText.excerpt(row.currency, limit: 10)), and billcast's tables are in USD: give its rate with --exchange-rate \(TerminalText.excerpt(row.currency, limit: 10))=<USD per unit>",
          field: column(.currency))
      }
      return false
    }
    row.billedCost = row.billedCost * rate
    row.effectiveCost = row.effectiveCost * rate
    row.listCost = row.listCost.map { $0 * rate }
    row.listUnitPrice = row.listUnitPrice.map { $0 * rate }
    return true
  }
}
