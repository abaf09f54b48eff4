import BillcastCore
import BillcastPricing
import BillcastProfile

/// Prices one architecture for one scenario's workload.
struct Calculator {
  let catalog: PricingCatalog
  let region: String
  let asOf: CalendarDate
  /// The real date of the run, to flag services retired since `asOf`.
  let today: CalendarDate
  let situation: FreeTierSituation
  let monthHours: ExactDecimal
  let workload: [String: Interval]
  /// The exact values of workload variables whose decimal values were rounded.
  var workloadExpansions: [String: ClosedFormula] = [:]
  let diagnostics: DiagnosticCollector
  var warnings: [EstimateWarning] = []

  init(catalog: PricingCatalog, region: String, asOf: CalendarDate, today: CalendarDate, situation: FreeTierSituation, monthHours: ExactDecimal, workload: [String: Interval], diagnostics: DiagnosticCollector) {
    self.catalog = catalog
    self.region = region
    self.asOf = asOf
    self.today = today
    self.situation = situation
    self.monthHours = monthHours
    self.workload = workload
    self.diagnostics = diagnostics
  }

  /// One component's use of one meter, before pricing.
  struct Usage {
    var component: Int
    var meter: Meter
    var accountKey: MeterKey
    var ladder: TierLadder
    var unit: String
    var quantity: Interval
  }

  /// An account meter being priced.
  struct Aggregate {
    var key: MeterKey
    var unit: String
    var ladder: TierLadder
    var usages: [Int]
    var quantity: Interval
    var drawnLow = ExactDecimal.zero
    var drawnHigh = ExactDecimal.zero
    var pools: [(pool: String, kind: FreeTierKind, drawn: Span)] = []
  }

  mutating func price(_ architecture: ResolvedArchitecture) -> ScenarioResult? {
    var usages: [Usage] = []
    var failed = false
    var unitPrices: [[String]] = Array(repeating: [], count: architecture.components.count)
    for notice in architecture.architecture.notices {
      warnings.append(EstimateWarning(.template(notice.kind), message: notice.message, component: notice.component, location: notice.location))
    }
    for (index, component) in architecture.components.enumerated() {
      checkAvailability(component)
      addNotes(component)
      guard let (inputs, inputExpansions) = evaluateInputs(component) else { failed = true; continue }
      for meter in component.service.meters where component.matches(meter.when) && meter.isInForce(on: asOf) {
        guard let (key, ladder, unit) = accountMeter(meter, component) else { failed = true; continue }
        let quantity: Interval
        do {
          quantity = try meter.quantity(on: asOf).evaluate(
            { name in name == Builtins.monthHours ? Interval(monthHours) : inputs[name] }, expansion: { inputExpansions[$0] }
          ).value
        } catch {
          diagnostics.add(component.component.location.diagnostic(.error, "\(component.service.id) meter \(meter.name): \(error)"))
          failed = true
          continue
        }
        if quantity.low.isNegative {
          diagnostics.add(component.component.location.diagnostic(.error, "\(component.service.id) meter \(meter.name) would be \(quantity) \(meter.unit); a quantity cannot be negative (check the inputs)"))
          failed = true
          continue
        }
        if quantity.high > Estimator.quantityLimit {
          diagnostics.add(component.component.location.diagnostic(.error, "\(component.service.id) meter \(meter.name) would be \(quantity) \(meter.unit), above billcast's limit of 10^14"))
          failed = true
          continue
        }
        usages.append(Usage(component: index, meter: meter, accountKey: key, ladder: ladder, unit: unit, quantity: quantity))
        guard quantity.high > .zero else { continue }  // unused meters stay out of the price list
        let price = PriceText.meter(meter.name, ladder: ladder, unit: unit)
        if case .billedAs(let ref) = meter.billing {
          unitPrices[index].append("\(meter.name): \(price) (billed as \(ref))")
        } else {
          unitPrices[index].append(price)
        }
      }
    }
    if failed { return nil }

    // Aggregate per account meter, in order of first use.
    var aggregates: [Aggregate] = []
    var indexOf: [MeterKey: Int] = [:]
    for (i, usage) in usages.enumerated() {
      if let a = indexOf[usage.accountKey] {
        aggregates[a].usages.append(i)
        aggregates[a].quantity += usage.quantity
      } else {
        indexOf[usage.accountKey] = aggregates.count
        aggregates.append(Aggregate(key: usage.accountKey, unit: usage.unit, ladder: usage.ladder, usages: [i], quantity: usage.quantity))
      }
    }

    // Free tier: each pool in force is drawn in its stated order, at both ends of the range.
    var poolsByComponent: [Set<String>] = Array(repeating: [], count: architecture.components.count)
    var poolText: [String: String] = [:]
    let pools = catalog.freeTierPools(region: region).filter { situation.kinds.contains($0.kind) && $0.isInForce(on: asOf) }
    let poolOrder = pools.map(\.id)
    for pool in pools {
      var remainingLow = pool.allowance, remainingHigh = pool.allowance
      for draw in pool.draws {
        guard let a = indexOf[draw] else { continue }
        let availableLow = aggregates[a].quantity.low - aggregates[a].drawnLow
        let availableHigh = aggregates[a].quantity.high - aggregates[a].drawnHigh
        let low = ExactDecimal.minimum(remainingLow, availableLow)
        let high = ExactDecimal.minimum(remainingHigh, availableHigh)
        remainingLow -= low
        remainingHigh -= high
        aggregates[a].drawnLow += low
        aggregates[a].drawnHigh += high
        aggregates[a].pools.append((pool.id, pool.kind, Span(low, high)))
        for u in aggregates[a].usages where usages[u].quantity.high > .zero {
          poolsByComponent[usages[u].component].insert(pool.id)
        }
        poolText[pool.id] = PriceText.pool(pool)
      }
    }

    // No account meter may cost more than the limit (checked before pricing, so no sum overflows).
    var overLimit = false
    for a in aggregates where !checkCostLimit(a, billable: a.quantity.high - a.drawnHigh, usages: usages, architecture: architecture) { overLimit = true }
    if overLimit { return nil }

    // Tiers, then allocation back to the usages in proportion to their quantity.
    var lineCost = Array(repeating: Span.zero, count: usages.count)
    var lineFree = Array(repeating: Span.zero, count: usages.count)
    var meters: [AccountMeter] = []
    var total = Interval.zero
    for a in aggregates {
      let billable = Interval(a.quantity.low - a.drawnLow, a.quantity.high - a.drawnHigh)
      let low = a.ladder.cost(of: billable.low), high = a.ladder.cost(of: billable.high)
      let cost = Interval(low.total, high.total)
      total += cost
      let quantities = a.usages.map { usages[$0].quantity }
      let costLow = Self.allocate(cost.low, by: quantities.map(\.low))
      let costHigh = Self.allocate(cost.high, by: quantities.map(\.high))
      let freeLow = Self.allocate(a.drawnLow, by: quantities.map(\.low))
      let freeHigh = Self.allocate(a.drawnHigh, by: quantities.map(\.high))
      var shares: [(component: String, quantity: Interval, cost: Span)] = []
      for (j, u) in a.usages.enumerated() {
        lineCost[u] = Span(costLow[j], costHigh[j])
        lineFree[u] = Span(freeLow[j], freeHigh[j])
        shares.append((architecture.components[usages[u].component].component.name, usages[u].quantity, lineCost[u]))
      }
      meters.append(AccountMeter(
        key: a.key, unit: a.unit, quantity: a.quantity, freeTier: a.pools, billable: billable, ladder: a.ladder,
        chargesLow: low.charges, chargesHigh: high.charges, cost: cost, shares: shares))
    }

    // Lines, by component and by service.
    var components: [ComponentCost] = []
    var services: [ServiceCost] = []
    var usagesOf = Array(repeating: [Int](), count: architecture.components.count)
    for i in usages.indices { usagesOf[usages[i].component].append(i) }
    for (index, component) in architecture.components.enumerated() {
      var lines: [LineItem] = []
      var cost = Span.zero
      for i in usagesOf[index] {
        let usage = usages[i]
        lines.append(LineItem(
          component: component.component.name, service: component.service.id, meter: usage.meter.name,
          unit: usage.meter.unit, accountMeter: usage.accountKey, quantity: usage.quantity, freeTier: lineFree[i],
          cost: lineCost[i]))
        cost += lineCost[i]
      }
      let free = poolOrder.filter { poolsByComponent[index].contains($0) }.compactMap { poolText[$0] }
      components.append(ComponentCost(
        component: component.component.name, label: component.label, service: component.service.id,
        serviceName: component.service.name, cost: cost, lines: lines, freeTier: free, unitPrices: unitPrices[index]))
      if let s = services.firstIndex(where: { $0.service == component.service.id }) {
        services[s].lines += lines
        services[s].cost += cost
      } else {
        services.append(ServiceCost(service: component.service.id, name: component.service.name, group: component.service.group, cost: cost, lines: lines))
      }
    }

    var creditsApplied: Interval?
    var due = total
    if let credits = situation.credits {
      let applied = Interval(.minimum(credits, total.low), .minimum(credits, total.high))
      creditsApplied = applied
      due = Interval(total.low - applied.low, total.high - applied.high)
    }
    var result = ScenarioResult(
      scenario: "", scenarioDescription: nil, architecture: architecture.architecture.name,
      architectureDescription: architecture.architecture.description, total: total, creditsApplied: creditsApplied,
      amountDue: due, services: services, components: components, meters: meters, warnings: warnings, workload: [])
    result.templates = architecture.architecture.templates
    result.resources = architecture.architecture.resources
    return result
  }

  /// Splits `amount` in proportion to `weights`; the shares sum to `amount` exactly
  /// (the rounding remainder goes to the largest weight).
  static func allocate(_ amount: ExactDecimal, by weights: [ExactDecimal]) -> [ExactDecimal] {
    if weights.count == 1 { return [amount] }
    var sum = ExactDecimal.zero
    for w in weights { sum += w }
    guard sum > .zero else {
      var shares = Array(repeating: ExactDecimal.zero, count: weights.count)
      shares[0] = amount
      return shares
    }
    // Each weight is at most the sum, so each share is at most the amount: the full-width
    // product cannot overflow however large the amount and the weights are.
    var shares = weights.map { amount.multiplied(by: $0, dividedBy: sum)! }
    var allocated = ExactDecimal.zero
    for s in shares { allocated += s }
    if allocated != amount, let largest = weights.indices.max(by: { weights[$0] < weights[$1] }) {
      shares[largest] += amount - allocated
    }
    return shares
  }

  /// The account meter a meter is aggregated with, its price ladder and unit; an error if it has no price.
  func accountMeter(_ meter: Meter, _ component: ResolvedComponent) -> (MeterKey, TierLadder, String)? {
    if let found = component.accountMeter(for: meter, catalog: catalog, region: region, on: asOf) { return found }
    switch meter.billing {
    case .price(.keyed(let by, _)):
      diagnostics.add(component.component.location.diagnostic(.error, "no price for \(component.service.id)/\(meter.name) with \(by) = \(component.choices[by] ?? "?") in \(region)"))
    case .billedAs(let ref):
      diagnostics.add(component.component.location.diagnostic(.error, "no price for \(ref) in \(region) (billed_as of \(component.service.id)/\(meter.name))"))
    case .price(.ladder):
      break
    }
    return nil
  }
}
