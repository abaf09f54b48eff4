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
  /// The calendar month priced, or nil for an average month (see ``Builtins``).
  var month: CalendarDate?
  let workload: [String: Interval]
  /// The exact values of workload variables whose decimal values were rounded.
  var workloadExpansions: [String: ClosedFormula] = [:]
  /// The units workload variables declare, by name.
  var workloadUnits: [String: String] = [:]
  let diagnostics: DiagnosticCollector
  var warnings: [EstimateWarning] = []

  init(
    catalog: PricingCatalog, region: String, asOf: CalendarDate, today: CalendarDate, situation: FreeTierSituation,
    monthHours: ExactDecimal, workload: [String: Interval], diagnostics: DiagnosticCollector
  ) {
    self.catalog = catalog
    self.region = region
    self.asOf = asOf
    self.today = today
    self.situation = situation
    self.monthHours = monthHours
    self.workload = workload
    self.diagnostics = diagnostics
  }

  /// A built-in name's value in the month priced (see ``Builtins``).
  func builtin(_ name: String) -> ExactDecimal? { Builtins.value(name, hours: monthHours, month: month) }

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

  /// Prices an architecture: usages → aggregate per account meter → draw the free tier →
  /// price the ladders and allocate → group by component and service. Nil after an error.
  mutating func price(_ architecture: ResolvedArchitecture, scenario: Scenario?) -> ScenarioResult? {
    for notice in architecture.architecture.notices {
      warnings.append(
        EstimateWarning(
          .template(notice.kind), message: notice.message, component: notice.component, location: notice.location))
    }
    guard let (usages, prices) = usages(of: architecture) else { return nil }
    var (aggregates, aggregateIndex) = Self.aggregate(usages)
    let pools = catalog.freeTierPools(region: region).filter {
      situation.kinds.contains($0.kind) && $0.isInForce(on: asOf)
    }
    let billing = AccountBilling(
      ladders: aggregates.map(\.ladder),
      pools: pools.map {
        AccountBilling.Pool(allowance: $0.allowance, draws: $0.draws.compactMap { aggregateIndex[$0] })
      },
      perUnitRates: false)
    Self.drawFreeTier(&aggregates, pools: pools, billing: billing)
    // No account meter may cost more than the limit (checked before pricing, so no sum overflows).
    var overLimit = false
    for a in aggregates
    where !checkCostLimit(a, billable: a.quantity.high - a.drawnHigh, usages: usages, architecture: architecture) {
      overLimit = true
    }
    if overLimit { return nil }
    let priced = Self.priceAndAllocate(aggregates, usages: usages, architecture: architecture)
    let (components, services) = Self.group(
      usages, priced: priced, aggregates: aggregates, pools: pools, prices: prices, architecture: architecture)
    return result(
      architecture, scenario: scenario, total: priced.total, components: components, services: services,
      meters: priced.meters)
  }

  /// Each component's use of each meter in force, with the prices a report lists; nil after an error.
  mutating func usages(of architecture: ResolvedArchitecture) -> ([Usage], [[MeterPrice]])? {
    var usages: [Usage] = []
    var failed = false
    var prices: [[MeterPrice]] = Array(repeating: [], count: architecture.components.count)
    for (index, component) in architecture.components.enumerated() {
      checkAvailability(component)
      addNotes(component)
      checkUnits(component)
      guard let (inputs, inputExpansions) = evaluateInputs(component) else { failed = true; continue }
      for role in component.meters(on: asOf) {
        let meter: Meter
        switch role {
        case .priced(let m): meter = m
        case .unusedWithoutRate(let meter, let unpriced):
          warnings.append(
            EstimateWarning(
              .unusedWithoutRate,
              message:
                "\(component.component.name): \(unpriced.ratesFile) has no rate for \(unpriced.key); this component uses none (its \(meter.name) is 0 whatever the workload), so it is priced without it",
              component: component.component.name, location: component.component.serviceLocation))
          continue
        }
        guard let (key, ladder, unit) = accountMeter(meter, component),
          let quantity = quantity(of: meter, component, inputs: inputs, expansions: inputExpansions)
        else { failed = true; continue }
        usages.append(
          Usage(component: index, meter: meter, accountKey: key, ladder: ladder, unit: unit, quantity: quantity))
        guard quantity.high > .zero else { continue }  // unused meters stay out of the price list
        var billedAs: MeterReference?
        if case .billedAs(let ref) = meter.billing { billedAs = ref }
        prices[index].append(MeterPrice(meter: meter.name, ladder: ladder, unit: unit, billedAs: billedAs))
      }
    }
    return failed ? nil : (usages, prices)
  }

  /// A meter's quantity for a component's inputs; nil (with the error reported) if it cannot be
  /// evaluated, is negative or passes ``Estimator/quantityLimit``.
  func quantity(
    of meter: Meter, _ component: ResolvedComponent, inputs: [String: Interval], expansions: [String: ClosedFormula]
  ) -> Interval? {
    let what = "\(component.service.id) meter \(meter.name)"
    let quantity: Interval
    do {
      quantity = try meter.quantity(on: asOf).evaluate(
        { name in builtin(name).map { Interval($0) } ?? inputs[name] }, expansion: { expansions[$0] }
      ).value
    } catch {
      diagnostics.add(component.component.location.diagnostic(.error, "\(what): \(error)"))
      return nil
    }
    if quantity.low.isNegative {
      diagnostics.add(
        component.component.location.diagnostic(
          .error, "\(what) would be \(quantity) \(meter.unit); a quantity cannot be negative (check the inputs)"))
      return nil
    }
    if quantity.high > Estimator.quantityLimit {
      diagnostics.add(
        component.component.location.diagnostic(
          .error, "\(what) would be \(quantity) \(meter.unit), above billcast's limit of 10^14"))
      return nil
    }
    return quantity
  }

  /// The usages summed per account meter, in order of first use, and each account meter's index.
  static func aggregate(_ usages: [Usage]) -> ([Aggregate], [MeterKey: Int]) {
    var aggregates: [Aggregate] = []
    var indexOf: [MeterKey: Int] = [:]
    for (i, usage) in usages.enumerated() {
      if let a = indexOf[usage.accountKey] {
        aggregates[a].usages.append(i)
        aggregates[a].quantity += usage.quantity
      } else {
        indexOf[usage.accountKey] = aggregates.count
        aggregates.append(
          Aggregate(
            key: usage.accountKey, unit: usage.unit, ladder: usage.ladder, usages: [i], quantity: usage.quantity))
      }
    }
    return (aggregates, indexOf)
  }

  /// Draws the free-tier pools (``AccountBilling/drawFreeTier(_:taken:)``) at both ends of each
  /// account meter's range, and records each pool's draw on the meter.
  static func drawFreeTier(_ aggregates: inout [Aggregate], pools: [FreeTierPool], billing: AccountBilling) {
    var low = aggregates.map(\.quantity.low), high = aggregates.map(\.quantity.high)
    var lowDraws: [ExactDecimal] = []
    var highDraws: [(pool: Int, meter: Int, amount: ExactDecimal)] = []
    low.withUnsafeMutableBufferPointer { billing.drawFreeTier($0) { _, _, amount in lowDraws.append(amount) } }
    high.withUnsafeMutableBufferPointer { billing.drawFreeTier($0) { highDraws.append(($0, $1, $2)) } }
    for (drawnLow, draw) in zip(lowDraws, highDraws) {
      let pool = pools[draw.pool]
      aggregates[draw.meter].pools.append((pool.id, pool.kind, Span(drawnLow, draw.amount)))
    }
    for i in aggregates.indices {
      aggregates[i].drawnLow = aggregates[i].quantity.low - low[i]
      aggregates[i].drawnHigh = aggregates[i].quantity.high - high[i]
    }
  }

  /// Each account meter priced on its ladder, and its cost and free tier shared among its usages.
  struct Priced {
    var meters: [AccountMeter] = []
    var total = Interval.zero
    /// Per usage: its share of its account meter's cost and of its free tier.
    var lineCost: [Span]
    var lineFree: [Span]
  }

  /// Prices each account meter's billable quantity at both ends, and allocates the cost and the
  /// free tier back to the usages in proportion to their quantity.
  static func priceAndAllocate(_ aggregates: [Aggregate], usages: [Usage], architecture: ResolvedArchitecture) -> Priced
  {
    var priced = Priced(
      lineCost: Array(repeating: .zero, count: usages.count), lineFree: Array(repeating: .zero, count: usages.count))
    for a in aggregates {
      let billable = Interval(a.quantity.low - a.drawnLow, a.quantity.high - a.drawnHigh)
      let low = a.ladder.cost(of: billable.low), high = a.ladder.cost(of: billable.high)
      let cost = Interval(low.total, high.total)
      priced.total += cost
      let quantities = a.usages.map { usages[$0].quantity }
      let costLow = allocate(cost.low, by: quantities.map(\.low))
      let costHigh = allocate(cost.high, by: quantities.map(\.high))
      let freeLow = allocate(a.drawnLow, by: quantities.map(\.low))
      let freeHigh = allocate(a.drawnHigh, by: quantities.map(\.high))
      var shares: [(component: String, quantity: Interval, cost: Span)] = []
      for (j, u) in a.usages.enumerated() {
        priced.lineCost[u] = Span(costLow[j], costHigh[j])
        priced.lineFree[u] = Span(freeLow[j], freeHigh[j])
        shares.append(
          (architecture.components[usages[u].component].component.name, usages[u].quantity, priced.lineCost[u]))
      }
      priced.meters.append(
        AccountMeter(
          key: a.key, unit: a.unit, quantity: a.quantity, freeTier: a.pools, billable: billable, ladder: a.ladder,
          chargesLow: low.charges, chargesHigh: high.charges, cost: cost, shares: shares))
    }
    return priced
  }

  /// The priced usages as lines, grouped by component (in profile order) and by service (in order of first use).
  static func group(
    _ usages: [Usage], priced: Priced, aggregates: [Aggregate], pools: [FreeTierPool], prices: [[MeterPrice]],
    architecture: ResolvedArchitecture
  ) -> ([ComponentCost], [ServiceCost]) {
    // The pools each component drew from (through a usage it has), listed in the pools' order.
    var poolsByComponent: [Set<String>] = Array(repeating: [], count: architecture.components.count)
    for a in aggregates {
      for drawn in a.pools {
        for u in a.usages where usages[u].quantity.high > .zero {
          poolsByComponent[usages[u].component].insert(drawn.pool)
        }
      }
    }
    var components: [ComponentCost] = []
    var services: [ServiceCost] = []
    var usagesOf = Array(repeating: [Int](), count: architecture.components.count)
    for i in usages.indices { usagesOf[usages[i].component].append(i) }
    for (index, component) in architecture.components.enumerated() {
      var lines: [LineItem] = []
      var cost = Span.zero
      for i in usagesOf[index] {
        let usage = usages[i]
        lines.append(
          LineItem(
            component: component.component.name, service: component.service.id, meter: usage.meter.name,
            unit: usage.meter.unit, accountMeter: usage.accountKey, quantity: usage.quantity,
            freeTier: priced.lineFree[i],
            cost: priced.lineCost[i]))
        cost += priced.lineCost[i]
      }
      let free = pools.filter { poolsByComponent[index].contains($0.id) }
      components.append(
        ComponentCost(
          component: component.component.name, label: component.label, service: component.service.id,
          serviceName: component.service.name, cost: cost, lines: lines, freeTier: free, prices: prices[index]))
      if let s = services.firstIndex(where: { $0.service == component.service.id }) {
        services[s].lines += lines
        services[s].cost += cost
      } else {
        services.append(
          ServiceCost(
            service: component.service.id, name: component.service.name, group: component.service.group, cost: cost,
            lines: lines))
      }
    }
    return (components, services)
  }

  /// The result for one scenario, with any credits applied to the total.
  func result(
    _ architecture: ResolvedArchitecture, scenario: Scenario?, total: Interval, components: [ComponentCost],
    services: [ServiceCost], meters: [AccountMeter]
  ) -> ScenarioResult {
    var creditsApplied: Interval?
    var due = total
    if let credits = situation.credits {
      let applied = Interval(.minimum(credits, total.low), .minimum(credits, total.high))
      creditsApplied = applied
      due = Interval(total.low - applied.low, total.high - applied.high)
    }
    var result = ScenarioResult(
      scenario: scenario?.name ?? Scenario.defaultName, scenarioDescription: scenario?.description,
      architecture: architecture.architecture.name, architectureDescription: architecture.architecture.description,
      total: total, creditsApplied: creditsApplied, amountDue: due, services: services, components: components,
      meters: meters,
      warnings: warnings, workload: [])
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
      diagnostics.add(
        component.component.location.diagnostic(
          .error,
          "no price for \(component.service.id)/\(meter.name) with \(by) = \(component.choices[by] ?? "?") in \(region)"
        ))
    case .billedAs(let ref):
      diagnostics.add(
        component.component.location.diagnostic(
          .error, "no price for \(ref) in \(region) (billed_as of \(component.service.id)/\(meter.name))"))
    case .price(.ladder):
      break
    }
    return nil
  }
}
