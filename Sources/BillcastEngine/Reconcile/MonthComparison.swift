import BillcastBill
import BillcastCore
import BillcastPricing

/// One month's estimate set against its bill rows: services, meters, unknown usage and charges.
enum MonthComparison {
  /// A quantity within this share of the estimate's range is no drift (the bill's own rounding).
  static let quantityTolerance = ExactDecimal(raw: ExactDecimal.scale / 1000)  // 0.1%
  /// A bill price within this share of a table rate is that rate (per-unit prices rounded to 10 digits).
  static let rateTolerance = ExactDecimal(raw: ExactDecimal.scale / 1_000_000)  // 0.0001%

  /// The comparison of one month.
  static func compare(
    month: String, hours: ExactDecimal, result: ScenarioResult, ledger: BillLedger.Month, catalog: PricingCatalog,
    region: String
  ) -> MonthReconciliation {
    var services: [ServiceReconciliation] = []
    var index: [String: Int] = [:]
    var seen = Set<MeterKey>()
    // An AWS bill cannot show another provider's usage (Firebase): those meters are left out, and
    // their cost with them.
    var estimate = result.total
    for meter in result.meters {
      seen.insert(meter.key)
      if !isAWS(meter.key, catalog: catalog, region: region) {
        // The total's ends are the sums of the meters' ends.
        estimate = Interval(estimate.low - meter.cost.low, estimate.high - meter.cost.high)
        continue
      }
      let tally = ledger.meters[meter.key] ?? MeterTally()
      let drawn = meter.freeTier.reduce(Span.zero) { $0 + $1.drawn }.hull
      let reconciled = compare(
        key: meter.key, unit: meter.unit, quantity: meter.quantity, freeTier: drawn, cost: meter.cost,
        ladder: meter.ladder, tally: tally)
      append(reconciled, to: &services, index: &index, catalog: catalog, region: region)
    }
    // Rows of a meter the estimate has no usage of (a component's meter at 0).
    for (key, tally) in ledger.meters.sorted(by: { $0.key < $1.key }) where !seen.contains(key) {
      let ladder = catalog.service(key.service, region: region).flatMap { service -> TierLadder? in
        guard let meter = service.meter(key.meter), case .price(let price) = meter.billing else { return nil }
        return price.ladder(for: key.key)
      }
      let reconciled = compare(
        key: key, unit: catalog.service(key.service, region: region)?.meter(key.meter)?.unit ?? "",
        quantity: Interval(.zero), freeTier: Interval(.zero), cost: Interval(.zero), ladder: ladder, tally: tally)
      append(reconciled, to: &services, index: &index, catalog: catalog, region: region)
    }
    let unknown = ledger.unknown.values.sorted {
      $0.amounts.billed.magnitude != $1.amounts.billed.magnitude
        ? $0.amounts.billed.magnitude > $1.amounts.billed.magnitude : $0.firstRow < $1.firstRow
    }
    let charges = ledger.charges.sorted { $0.key < $1.key }.map {
      ChargeTotal(kind: $0.key.rawValue, amounts: $0.value)
    }
    return MonthReconciliation(
      month: month, hours: hours, estimate: estimate, bill: ledger.all, matched: ledger.matched,
      services: services, unknown: unknown, charges: charges, estimateCredits: result.creditsApplied)
  }

  /// Whether a meter is AWS's (its table's provider), so that an AWS bill can show it.
  static func isAWS(_ key: MeterKey, catalog: PricingCatalog, region: String) -> Bool {
    catalog.table(holding: key.service, region: region)?.provider ?? "aws" == "aws"
  }

  /// Adds a meter under its service.
  static func append(
    _ meter: MeterReconciliation, to services: inout [ServiceReconciliation], index: inout [String: Int],
    catalog: PricingCatalog, region: String
  ) {
    let id = meter.meter.service
    if index[id] == nil {
      index[id] = services.count
      services.append(
        ServiceReconciliation(
          service: id, name: catalog.service(id, region: region)?.name ?? id, estimate: Interval(.zero),
          bill: BillAmounts(), meters: []))
    }
    let i = index[id]!
    services[i].estimate += meter.estimateCost
    services[i].bill.add(meter.bill)
    services[i].meters.append(meter)
  }

  /// One meter's comparison.
  static func compare(
    key: MeterKey, unit: String, quantity: Interval, freeTier: Interval, cost: Interval, ladder: TierLadder?,
    tally: MeterTally
  ) -> MeterReconciliation {
    let tableRates = (ladder?.tiers ?? []).map { $0.rate / ladder!.per }
    let billRates = tally.rates.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map {
      (rate: $0.key, quantity: $0.value)
    }
    var meter = MeterReconciliation(
      meter: key, unit: unit, estimateQuantity: quantity, billQuantity: tally.quantity,
      billFreeQuantity: tally.freeQuantity, billCommittedQuantity: tally.committedQuantity,
      estimateFreeTier: freeTier, estimateCost: cost, bill: tally.amounts, tableRates: tableRates,
      billRates: billRates, skus: tally.skus.sorted(), usageTypes: tally.usageTypes.sorted())
    meter.quantityDrift = quantityDrift(bill: tally.quantity, estimate: quantity)
    meter.rateDrift = rateDrift(billRates: billRates, tableRates: tableRates)
    return meter
  }

  /// The drift of a bill quantity outside the estimate's range (beyond the tolerance).
  static func quantityDrift(bill: ExactDecimal, estimate: Interval) -> QuantityDrift? {
    let slack = ExactDecimal.maximum(estimate.high * quantityTolerance, ExactDecimal(raw: ExactDecimal.scale / 1000))
    if bill >= estimate.low - slack && bill <= estimate.high + slack { return nil }
    let nearer = bill > estimate.high ? estimate.high : estimate.low
    return QuantityDrift(factor: nearer.isZero ? nil : bill / nearer, explanation: nil)
  }

  /// The drift of the most-billed bill price that is none of the table's rates.
  static func rateDrift(billRates: [(rate: ExactDecimal, quantity: ExactDecimal)], tableRates: [ExactDecimal])
    -> RateDrift?
  {
    guard !tableRates.isEmpty else { return nil }
    for (rate, quantity) in billRates {
      let matches = tableRates.contains { table in
        (rate - table).magnitude <= ExactDecimal.maximum(table.magnitude * rateTolerance, ExactDecimal(raw: 1000))
      }
      if matches { continue }
      let nearest = tableRates.min { ($0 - rate).magnitude < ($1 - rate).magnitude }!
      guard !nearest.isZero else { continue }
      return RateDrift(billRate: rate, tableRate: nearest, factor: rate / nearest, effect: (rate - nearest) * quantity)
    }
    return nil
  }
}
