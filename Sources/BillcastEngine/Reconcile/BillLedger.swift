import BillcastBill
import BillcastCore
import BillcastPricing

/// A bill's rows added up by month: usage per account meter, unknown usage, and other charges.
///
/// Bills are read row by row and only these sums are kept, so memory depends on the number of
/// meters and distinct unknown usage types, never on the bill's size.
struct BillLedger {
  /// One month's sums.
  struct Month {
    var meters: [MeterKey: MeterTally] = [:]
    var unknown: [String: UnknownCharge] = [:]
    var charges: [BillChargeKind: BillAmounts] = [:]
    var all = BillAmounts()
    var matched = BillAmounts()
  }

  var months: [String: Month] = [:]
  var summaries: [BillSummary] = []
  var diagnostics: [Diagnostic] = []
  let matcher: BillMatcher
  /// The months to keep (nil: all).
  let only: Set<String>?

  init(matcher: BillMatcher, only: Set<String>?) {
    self.matcher = matcher
    self.only = only
  }

  /// Reads one bill; its errors are kept in ``diagnostics``.
  mutating func read(_ path: String, options: BillReadOptions) {
    var reader: BillReader
    do throws(DiagnosticError) { reader = try BillReader(path: path, options: options) } catch {
      diagnostics += error.diagnostics
      return
    }
    var monthsSeen = Set<String>(), accounts = Set<String>(), currencies = Set<String>()
    do throws(DiagnosticError) {
      while let row = try reader.next() {
        monthsSeen.insert(row.month)
        if !row.account.isEmpty { accounts.insert(row.account) }
        if !row.currency.isEmpty { currencies.insert(row.currency) }
        if let only, !only.contains(row.month) { continue }
        if !add(row, at: "\(path):\(row.line)") {
          diagnostics.append(
            Diagnostic(
              file: path, line: row.line,
              message: "the bill's amounts for \(row.month) pass 10^15: billcast cannot add them up exactly"))
          break
        }
      }
      try reader.finish()
    } catch {
      diagnostics += error.diagnostics
    }
    summaries.append(
      BillSummary(
        path: path, format: reader.format, rows: reader.rowCount, months: monthsSeen.sorted(),
        accounts: accounts.sorted(), currencies: currencies.sorted()))
  }

  /// Adds one row to its month; false if a sum would pass the limit.
  mutating func add(_ row: BillRow, at place: String) -> Bool {
    // Taken out and put back: a copy left in the dictionary would make every change copy its tables.
    var month = months.removeValue(forKey: row.month) ?? Month()
    defer { months[row.month] = month }
    let list = row.listCost ?? (row.kind == .freeTier ? .zero : row.billedCost)
    guard month.all.add(billed: row.billedCost, effective: row.effectiveCost, list: list) else { return false }
    guard row.kind.isUsage else {
      var amounts = month.charges.removeValue(forKey: row.kind) ?? BillAmounts()
      guard amounts.add(billed: row.billedCost, effective: row.effectiveCost, list: list) else { return false }
      month.charges[row.kind] = amounts
      return true
    }
    switch matcher.match(row) {
    case .meter(let key, let component):
      var tally = month.meters.removeValue(forKey: key) ?? MeterTally()
      let scale = matcher.scales[key] ?? .one
      // A quantity at the parse limit divided by a small scale (1/1024) passes the sums' limit: an
      // error, like an overflowing sum, never a trap.
      let divided = scale == .one ? (row.quantity, false) : row.quantity.dividedReportingOverflow(by: scale)
      guard !divided.1 else { return false }
      let quantity = divided.0
      guard tally.amounts.add(billed: row.billedCost, effective: row.effectiveCost, list: list),
        month.matched.add(billed: row.billedCost, effective: row.effectiveCost, list: list),
        Self.add(quantity, to: &tally.quantity)
      else { return false }
      switch row.kind {
      case .freeTier: _ = Self.add(quantity, to: &tally.freeQuantity)
      case .committedUsage: _ = Self.add(quantity, to: &tally.committedQuantity)
      default: break
      }
      if let component { _ = Self.add(quantity, to: &tally.byComponent[component, default: .zero]) }
      if let price = row.listUnitPrice, !price.isZero, row.kind != .freeTier {
        let (rate, overflow) = scale == .one ? (price, false) : price.multipliedReportingOverflow(by: scale)
        if !overflow && (tally.rates[rate] != nil || tally.rates.count < MeterTally.maximumRates) {
          _ = Self.add(quantity, to: &tally.rates[rate, default: .zero])
        }
      }
      if !row.sku.isEmpty && tally.skus.count < 16 { tally.skus.insert(row.sku) }
      if !row.usageType.isEmpty && tally.usageTypes.count < 16 { tally.usageTypes.insert(row.usageType) }
      month.meters[key] = tally
    case .componentOnly(let component):
      return addUnknown(
        row, reason: "component \(component) has no meter for this usage type", component: component, to: &month,
        list: list, at: place)
    case .outside(let why):
      return addUnknown(
        row, reason: why, component: nil, to: &month, list: list, at: place)
    case .unknown:
      return addUnknown(
        row, reason: "no component of the profile bills this usage", component: nil, to: &month, list: list, at: place)
    }
    return true
  }

  /// Adds a row to its unknown group.
  func addUnknown(
    _ row: BillRow, reason: String, component: String?, to month: inout Month, list: ExactDecimal, at place: String
  ) -> Bool {
    let key = [reason, row.account, row.region, row.serviceCode, row.serviceName, row.usageType, row.unit].joined(
      separator: "\u{1F}")
    var charge =
      month.unknown.removeValue(forKey: key)
      ?? UnknownCharge(
        reason: reason, component: component, serviceCode: row.serviceCode, serviceName: row.serviceName,
        usageType: row.usageType, region: row.region, account: row.account, quantity: .zero, unit: row.unit,
        amounts: BillAmounts(), firstRow: place)
    guard charge.amounts.add(billed: row.billedCost, effective: row.effectiveCost, list: list),
      Self.add(row.quantity, to: &charge.quantity)
    else { return false }
    month.unknown[key] = charge
    return true
  }

  /// Adds a quantity to a sum; false past billcast's limit.
  static func add(_ value: ExactDecimal, to sum: inout ExactDecimal) -> Bool {
    let r = sum.addingReportingOverflow(value)
    guard !r.overflow, r.partialValue.magnitude <= ExactDecimal.parseLimit * 1000 else { return false }
    sum = r.partialValue
    return true
  }
}
