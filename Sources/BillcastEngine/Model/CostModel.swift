import BillcastCore
import BillcastPricing
import BillcastProfile

/// One architecture in one scenario compiled for pricing single points of the
/// workload quickly: no ranges, no text, no allocation — only the total.
///
/// It applies the same rules as ``Estimator`` (aggregation per account meter,
/// free-tier pools in order, tier ladders), so at a workload where every value is
/// a single number its total equals the estimate's. Break-even searches,
/// sensitivity tables and the forecast's Monte Carlo price thousands of points
/// through it.
public final class CostModel: Sendable {
  /// The workload variables, in the order they are evaluated (each after those it names).
  public let variables: [String]
  let formulas: [CompiledFormula]
  /// The account meters priced per point, in order of first use.
  public let meters: [MeterKey]
  /// The cost of the meters that are the same at every point (constant usage, no free tier).
  let constantCost: ExactDecimal

  // The same, flattened into arrays of plain values for the Monte Carlo's inner loop
  // (no element holds an array, so reading one retains nothing).
  let workloadList: CompiledFormulaList
  let usageList: CompiledFormulaList
  let usageAggregate: [Int]
  let ladderStart: [Int]
  let ladderCount: [Int]
  let ladderPer: [ExactDecimal]
  let tierUpto: [ExactDecimal?]
  let tierRate: [ExactDecimal]
  let poolAllowance: [ExactDecimal]
  let poolStart: [Int]
  let poolCount: [Int]
  let poolDraws: [Int]

  /// The slot of a workload variable.
  public func slot(of name: String) -> Int? { variables.firstIndex(of: name) }

  /// Compiles an architecture for a scenario; ranges in formulas take `point`.
  public convenience init(
    resolved: ResolvedProfile, architecture: String, scenario: String?, asOf: CalendarDate,
    situation: FreeTierSituation, monthHours: ExactDecimal = 730, point: CompiledFormula.RangePoint
  ) throws(FormulaEvaluationError) {
    try self.init(resolved: resolved, architecture: architecture, scenario: scenario, asOf: asOf, situation: situation, monthHours: monthHours, sampling: nil, point: point)
  }

  /// Compiles an architecture for a scenario with every range a Monte Carlo parameter of `registry`.
  public convenience init(
    resolved: ResolvedProfile, architecture: String, scenario: String?, asOf: CalendarDate,
    situation: FreeTierSituation, monthHours: ExactDecimal = 730, sampling registry: ParameterRegistry
  ) throws(FormulaEvaluationError) {
    try self.init(resolved: resolved, architecture: architecture, scenario: scenario, asOf: asOf, situation: situation, monthHours: monthHours, sampling: registry, point: .mid)
  }

  init(
    resolved: ResolvedProfile, architecture: String, scenario: String?, asOf: CalendarDate,
    situation: FreeTierSituation, monthHours: ExactDecimal, sampling registry: ParameterRegistry?, point: CompiledFormula.RangePoint
  ) throws(FormulaEvaluationError) {
    func mode(_ owner: String) -> CompiledFormula.RangeMode {
      guard let registry else { return .point(point) }
      registry.begin(owner)
      return .sample(registry, owner: owner)
    }
    let profile = resolved.profile
    guard let arch = resolved.architectures.first(where: { $0.architecture.name == architecture }) else {
      throw .unknownName(architecture)
    }
    // Workload: the scenario's overrides replace the base formulas; order so each comes after what it names.
    var byName: [String: Formula] = [:]
    for v in profile.workload { byName[v.name] = v.value }
    if let scenario, let s = profile.scenarios.first(where: { $0.name == scenario }) {
      for o in s.overrides { byName[o.name] = o.value }
    }
    let order = DependencyOrder.order(roots: profile.workload.map(\.name)) { name in
      byName[name].map { $0.names.filter { byName[$0] != nil } }
    }.order
    let slots = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($0.element, $0.offset) })
    func bindWorkload(_ n: String) -> CompiledFormula.Binding? {
      if n == Builtins.monthHours { return .value(monthHours) }
      return slots[n].map { .slot($0) }
    }
    var formulas: [CompiledFormula] = []
    for name in order { formulas.append(try CompiledFormula.compile(byName[name]!, ranges: mode("w:" + name), bind: bindWorkload)) }

    // Usages: each meter's quantity with the component's inputs substituted.
    var meterIndex: [MeterKey: Int] = [:]
    var meters: [MeterKey] = []
    var ladders: [TierLadder] = []
    var usages: [(Int, CompiledFormula)] = []
    for component in arch.components {
      var inputs: [String: CompiledFormula] = [:]
      for (name, f) in component.numeric.sorted(by: { $0.key < $1.key }) {
        inputs[name] = try CompiledFormula.compile(f, ranges: mode("c:\(component.component.name).\(name)"), bind: bindWorkload)
      }
      for meter in component.service.meters where component.matches(meter.when) && meter.isInForce(on: asOf) {
        guard let (key, ladder, _) = component.accountMeter(for: meter, catalog: resolved.catalog, region: profile.region, on: asOf) else {
          throw .unknownName("\(component.service.id)/\(meter.name)")
        }
        let quantity = try CompiledFormula.compile(meter.quantity(on: asOf), ranges: mode("m:\(component.service.id)/\(meter.name)")) { n in
          if n == Builtins.monthHours { return .value(monthHours) }
          return inputs[n].map { .formula($0) }
        }
        // A quantity that is zero whatever the workload (an unused input left at its default)
        // can only add zero: leave it out, and with it any meter nothing else uses.
        if let constant = quantity.constantValue, constant.isZero { continue }
        let index: Int
        if let i = meterIndex[key] {
          index = i
        } else {
          index = meters.count
          meterIndex[key] = index
          meters.append(key)
          ladders.append(ladder)
        }
        usages.append((index, quantity))
      }
    }
    var pools: [(ExactDecimal, [Int])] = []
    for pool in resolved.catalog.freeTierPools(region: profile.region) where situation.kinds.contains(pool.kind) && pool.isInForce(on: asOf) {
      let draws = pool.draws.compactMap { meterIndex[$0] }
      if !draws.isEmpty { pools.append((pool.allowance, draws)) }
    }
    // A meter whose every usage is constant and which no free-tier pool draws from costs the
    // same at every point: price it once here and leave it out of the inner loop.
    let drawn = Set(pools.flatMap(\.1))
    var constantCost = ExactDecimal.zero
    var remap: [Int: Int] = [:]
    var keptLadders: [TierLadder] = [], keptMeters: [MeterKey] = []
    for i in ladders.indices {
      let own = usages.filter { $0.0 == i }
      if !drawn.contains(i), own.allSatisfy({ $0.1.constantValue != nil }) {
        var q = ExactDecimal.zero
        for u in own { q += u.1.constantValue! }
        constantCost += ladders[i].totalCost(of: q)
      } else {
        remap[i] = keptLadders.count
        keptLadders.append(ladders[i])
        keptMeters.append(meters[i])
      }
    }
    usages = usages.compactMap { u in remap[u.0].map { ($0, u.1) } }
    pools = pools.map { ($0.0, $0.1.compactMap { remap[$0] }) }
    ladders = keptLadders
    meters = keptMeters
    self.constantCost = constantCost
    self.variables = order
    self.formulas = formulas
    self.meters = meters
    workloadList = CompiledFormulaList(formulas)
    usageList = CompiledFormulaList(usages.map(\.1))
    usageAggregate = usages.map(\.0)
    var ladderStart: [Int] = [], ladderCount: [Int] = [], ladderPer: [ExactDecimal] = []
    var tierUpto: [ExactDecimal?] = [], tierRate: [ExactDecimal] = []
    for l in ladders {
      ladderStart.append(tierRate.count)
      ladderCount.append(l.tiers.count)
      // A rate per 1M or per 10K becomes a rate per unit when that is exact (it is for
      // every published rate: a decimal shift), saving a division per tier.
      let exact = l.tiers.allSatisfy { t in
        let unit = t.rate.dividedReportingOverflow(by: l.per)
        return !unit.overflow && unit.partialValue.multipliedReportingOverflow(by: l.per) == (t.rate, false)
      }
      ladderPer.append(exact ? .one : l.per)
      for t in l.tiers {
        tierUpto.append(t.upto)
        tierRate.append(exact ? t.rate / l.per : t.rate)
      }
    }
    (self.ladderStart, self.ladderCount, self.ladderPer, self.tierUpto, self.tierRate) = (ladderStart, ladderCount, ladderPer, tierUpto, tierRate)
    poolAllowance = pools.map(\.0)
    var poolStart: [Int] = [], poolCount: [Int] = [], poolDraws: [Int] = []
    for p in pools {
      poolStart.append(poolDraws.count)
      poolCount.append(p.1.count)
      poolDraws += p.1
    }
    (self.poolStart, self.poolCount, self.poolDraws) = (poolStart, poolCount, poolDraws)
  }

  /// How a forecast month changes a workload variable: `(replace ?? value) × multiply + add`.
  public struct Adjustment: Sendable {
    /// A value used instead of the formula's, if any.
    public var replace: ExactDecimal?
    /// The factor the value is multiplied by.
    public var multiply: ExactDecimal
    /// The amount added after multiplying.
    public var add: ExactDecimal

    /// Creates an adjustment; the defaults leave the value unchanged.
    public init(replace: ExactDecimal? = nil, multiply: ExactDecimal = .one, add: ExactDecimal = .zero) {
      self.replace = replace
      self.multiply = multiply
      self.add = add
    }
  }

  /// The workload's values at the compiled point, with some variables fixed (by slot).
  public func workload(fixing fixed: [Int: ExactDecimal] = [:]) throws(FormulaEvaluationError) -> [ExactDecimal] {
    var values = [ExactDecimal](repeating: .zero, count: formulas.count)
    for i in 0..<formulas.count {
      if let v = fixed[i] { values[i] = v } else { values[i] = try formulas[i].evaluate(values) }
    }
    return values
  }

  /// The workload's values for sampled parameters, each variable adjusted (by slot) after its formula.
  public func workload(parameters: [ExactDecimal], adjustments: [Adjustment?]) throws(FormulaEvaluationError) -> [ExactDecimal] {
    var values = [ExactDecimal](repeating: .zero, count: formulas.count)
    try fillWorkload(&values, parameters: parameters, adjustments: adjustments)
    return values
  }

  /// Fills `values` (one per variable) without allocating: the Monte Carlo's inner loop.
  public func fillWorkload(_ values: inout [ExactDecimal], parameters: [ExactDecimal], adjustments: [Adjustment?]) throws(FormulaEvaluationError) {
    let n = formulas.count
    try workloadList.withEvaluator { (ev: CompiledFormulaList.Evaluator) throws(FormulaEvaluationError) -> Void in
      try parameters.withUnsafeBufferPointer { (p: UnsafeBufferPointer<ExactDecimal>) throws(FormulaEvaluationError) -> Void in
        try values.withUnsafeMutableBufferPointer { (out: inout UnsafeMutableBufferPointer<ExactDecimal>) throws(FormulaEvaluationError) -> Void in
          let slots = UnsafeBufferPointer(out)
          for i in 0..<n { out[i] = try Self.adjusted(try ev.evaluate(i, slots: slots, parameters: p), adjustments[i]) }
        }
      }
    }
  }

  /// A variable's value after a forecast month's adjustment.
  @inline(__always)
  static func adjusted(_ value: ExactDecimal, _ adjustment: Adjustment?) throws(FormulaEvaluationError) -> ExactDecimal {
    guard let a = adjustment else { return value }
    var v = a.replace ?? value
    if a.multiply != .one {
      let m = v.multipliedReportingOverflow(by: a.multiply)
      if m.overflow { throw .overflow }
      v = m.partialValue
    }
    return v + a.add
  }

  /// The number of account meters (the size of a quantities buffer).
  public var meterCount: Int { ladderStart.count }

  /// The monthly total at the compiled point, with some variables fixed (by slot).
  public func total(fixing fixed: [Int: ExactDecimal] = [:]) throws(FormulaEvaluationError) -> ExactDecimal {
    try total(workload: try workload(fixing: fixed))
  }

  /// The monthly total for given workload values (one per variable, in ``variables`` order).
  public func total(workload values: [ExactDecimal], parameters: [ExactDecimal] = []) throws(FormulaEvaluationError) -> ExactDecimal {
    var quantities = [ExactDecimal](repeating: .zero, count: meterCount)
    return try total(workload: values, parameters: parameters, quantities: &quantities)
  }

  /// The monthly total, using `quantities` (``meterCount`` long) as scratch space.
  public func total(workload values: [ExactDecimal], parameters: [ExactDecimal], quantities: inout [ExactDecimal]) throws(FormulaEvaluationError) -> ExactDecimal {
    var usages = [ExactDecimal](repeating: .zero, count: usageCount)
    return try total(workload: values, parameters: parameters, quantities: &quantities, usages: &usages, only: nil)
  }

  /// Draws the free-tier pools from the aggregated quantities and prices each ladder.
  @inline(__always)
  func priceQuantities(_ quantities: inout [ExactDecimal]) -> ExactDecimal {
    quantities.withUnsafeMutableBufferPointer { priceQuantities($0) }
  }

  /// Draws the free-tier pools from the aggregated quantities and prices each ladder (over a raw buffer).
  func priceQuantities(_ quantities: UnsafeMutableBufferPointer<ExactDecimal>) -> ExactDecimal {
    for p in 0..<poolAllowance.count {
      var remaining = poolAllowance[p]
      for j in poolStart[p]..<(poolStart[p] + poolCount[p]) where remaining > .zero {
        let d = poolDraws[j]
        let take = ExactDecimal.minimum(remaining, quantities[d])
        quantities[d] -= take
        remaining -= take
      }
    }
    var total = constantCost
    for l in 0..<ladderStart.count {
      let quantity = quantities[l], per = ladderPer[l]
      var start = ExactDecimal.zero
      for t in ladderStart[l]..<(ladderStart[l] + ladderCount[l]) {
        let upto = tierUpto[t]
        let top = upto.map { ExactDecimal.minimum(quantity, $0) } ?? quantity
        if top > start {
          let inTier = top - start
          total += per == .one ? inTier * tierRate[t] : (inTier * tierRate[t]) / per
        }
        guard let end = upto, quantity > end else { break }
        start = end
      }
    }
    return total
  }
}
