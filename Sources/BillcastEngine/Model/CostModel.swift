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
  /// The free tier and the ladders of the account meters that vary (``meters``).
  let billing: AccountBilling

  /// The slot of a workload variable.
  public func slot(of name: String) -> Int? { variables.firstIndex(of: name) }

  /// Compiles an architecture for a scenario; ranges in formulas take `point`.
  public convenience init(
    resolved: ResolvedProfile, architecture: String, scenario: String?, asOf: CalendarDate,
    situation: FreeTierSituation, monthHours: ExactDecimal = 730, month: CalendarDate? = nil,
    point: CompiledFormula.RangePoint
  ) throws(FormulaEvaluationError) {
    try self.init(
      resolved: resolved, architecture: architecture, scenario: scenario, asOf: asOf, situation: situation,
      monthHours: monthHours, month: month, sampling: nil, point: point)
  }

  /// Compiles an architecture for a scenario with every range a Monte Carlo parameter of `registry`.
  package convenience init(
    resolved: ResolvedProfile, architecture: String, scenario: String?, asOf: CalendarDate,
    situation: FreeTierSituation, monthHours: ExactDecimal = 730, month: CalendarDate? = nil,
    sampling registry: ParameterRegistry
  ) throws(FormulaEvaluationError) {
    try self.init(
      resolved: resolved, architecture: architecture, scenario: scenario, asOf: asOf, situation: situation,
      monthHours: monthHours, month: month, sampling: registry, point: .mid)
  }

  init(
    resolved: ResolvedProfile, architecture: String, scenario: String?, asOf: CalendarDate,
    situation: FreeTierSituation, monthHours: ExactDecimal, month: CalendarDate?, sampling registry: ParameterRegistry?,
    point: CompiledFormula.RangePoint
  ) throws(FormulaEvaluationError) {
    guard let arch = resolved.architectures.first(where: { $0.architecture.name == architecture }) else {
      throw .unknownName(architecture)
    }
    var compiler = Compiler(registry: registry, point: point, monthHours: monthHours, month: month)
    let (order, formulas) = try compiler.workload(resolved.profile, scenario: scenario)
    var meters = try compiler.usages(arch, catalog: resolved.catalog, region: resolved.profile.region, asOf: asOf)
    let pools = resolved.catalog.freeTierPools(region: resolved.profile.region).filter {
      situation.kinds.contains($0.kind) && $0.isInForce(on: asOf)
    }.compactMap { pool -> AccountBilling.Pool? in
      let draws = pool.draws.compactMap { meters.index[$0] }
      return draws.isEmpty ? nil : AccountBilling.Pool(allowance: pool.allowance, draws: draws)
    }
    let constantCost = meters.foldConstants(drawn: Set(pools.flatMap(\.draws)))
    self.constantCost = constantCost
    self.variables = order
    self.formulas = formulas
    self.meters = meters.keys
    workloadList = CompiledFormulaList(formulas)
    usageList = CompiledFormulaList(meters.usages.map(\.quantity))
    usageAggregate = meters.usages.map(\.meter)
    billing = AccountBilling(
      ladders: meters.ladders,
      pools: pools.map {
        AccountBilling.Pool(allowance: $0.allowance, draws: $0.draws.compactMap { meters.remap[$0] })
      },
      perUnitRates: true)
  }

  /// How a forecast month changes a workload variable: `(replace ?? value) × multiply + add`.
  package struct Adjustment: Sendable {
    /// A value used instead of the formula's, if any.
    package var replace: ExactDecimal?
    /// The factor the value is multiplied by.
    package var multiply: ExactDecimal
    /// The amount added after multiplying.
    package var add: ExactDecimal

    /// Creates an adjustment; the defaults leave the value unchanged.
    package init(replace: ExactDecimal? = nil, multiply: ExactDecimal = .one, add: ExactDecimal = .zero) {
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
  package func workload(parameters: [ExactDecimal], adjustments: [Adjustment?]) throws(FormulaEvaluationError)
    -> [ExactDecimal]
  {
    var values = [ExactDecimal](repeating: .zero, count: formulas.count)
    try fillWorkload(&values, parameters: parameters, adjustments: adjustments)
    return values
  }

  /// Fills `values` (one per variable) without allocating: the Monte Carlo's inner loop.
  package func fillWorkload(_ values: inout [ExactDecimal], parameters: [ExactDecimal], adjustments: [Adjustment?])
    throws(FormulaEvaluationError)
  {
    let n = formulas.count
    try workloadList.withEvaluator { (ev: CompiledFormulaList.Evaluator) throws(FormulaEvaluationError) -> Void in
      try parameters.withUnsafeBufferPointer {
        (p: UnsafeBufferPointer<ExactDecimal>) throws(FormulaEvaluationError) -> Void in
        try values.withUnsafeMutableBufferPointer {
          (out: inout UnsafeMutableBufferPointer<ExactDecimal>) throws(FormulaEvaluationError) -> Void in
          let slots = UnsafeBufferPointer(out)
          for i in 0..<n { out[i] = try Self.adjusted(try ev.evaluate(i, slots: slots, parameters: p), adjustments[i]) }
        }
      }
    }
  }

  /// A variable's value after a forecast month's adjustment.
  @inline(__always)
  static func adjusted(_ value: ExactDecimal, _ adjustment: Adjustment?) throws(FormulaEvaluationError) -> ExactDecimal
  {
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
  package var meterCount: Int { billing.meterCount }

  /// The monthly total at the compiled point, with some variables fixed (by slot).
  public func total(fixing fixed: [Int: ExactDecimal] = [:]) throws(FormulaEvaluationError) -> ExactDecimal {
    try total(workload: try workload(fixing: fixed))
  }

  /// The monthly total for given workload values (one per variable, in ``variables`` order).
  public func total(workload values: [ExactDecimal], parameters: [ExactDecimal] = []) throws(FormulaEvaluationError)
    -> ExactDecimal
  {
    var quantities = [ExactDecimal](repeating: .zero, count: meterCount)
    return try total(workload: values, parameters: parameters, quantities: &quantities)
  }

  /// The monthly total, using `quantities` (``meterCount`` long) as scratch space.
  package func total(workload values: [ExactDecimal], parameters: [ExactDecimal], quantities: inout [ExactDecimal])
    throws(FormulaEvaluationError) -> ExactDecimal
  {
    var usages = [ExactDecimal](repeating: .zero, count: usageCount)
    return try total(workload: values, parameters: parameters, quantities: &quantities, usages: &usages, only: nil)
  }

  /// Draws the free-tier pools from the aggregated quantities and prices each ladder.
  @inline(__always)
  func priceQuantities(_ quantities: inout [ExactDecimal]) -> ExactDecimal {
    quantities.withUnsafeMutableBufferPointer { constantCost + billing.total($0) }
  }
}
