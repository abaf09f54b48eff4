import BillcastCore
import BillcastPricing
import BillcastProfile

extension CostModel {
  /// Compiles a profile's workload and an architecture's usages into formulas over slots.
  struct Compiler {
    let registry: ParameterRegistry?
    let point: CompiledFormula.RangePoint
    let monthHours: ExactDecimal
    /// The calendar month priced, or nil for an average month (see ``Builtins``).
    let month: CalendarDate?
    /// Each workload variable's slot.
    var slots: [String: Int] = [:]

    init(
      registry: ParameterRegistry?, point: CompiledFormula.RangePoint, monthHours: ExactDecimal, month: CalendarDate?
    ) {
      self.registry = registry
      self.point = point
      self.monthHours = monthHours
      self.month = month
    }

    /// How ranges in the formula of `owner` are compiled: a point, or a Monte Carlo parameter.
    func mode(_ owner: String) -> CompiledFormula.RangeMode {
      guard let registry else { return .point(point) }
      registry.begin(owner)
      return .sample(registry, owner: owner)
    }

    func bindWorkload(_ name: String) -> CompiledFormula.Binding? {
      if let v = Builtins.value(name, hours: monthHours, month: month) { return .value(v) }
      return slots[name].map { .slot($0) }
    }

    /// The workload variables in evaluation order (each after those it names), with the
    /// scenario's overrides in place of the base formulas, compiled.
    mutating func workload(_ profile: Profile, scenario: String?) throws(FormulaEvaluationError) -> (
      [String], [CompiledFormula]
    ) {
      var byName: [String: Formula] = [:]
      for v in profile.workload { byName[v.name] = v.value }
      if let scenario, let s = profile.scenarios.first(where: { $0.name == scenario }) {
        for o in s.overrides { byName[o.name] = o.value }
      }
      let order = DependencyOrder.order(roots: profile.workload.map(\.name)) { name in
        byName[name].map { $0.names.filter { byName[$0] != nil } }
      }.order
      slots = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($0.element, $0.offset) })
      var formulas: [CompiledFormula] = []
      for name in order {
        formulas.append(try CompiledFormula.compile(byName[name]!, ranges: mode("w:" + name), bind: bindWorkload))
      }
      return (order, formulas)
    }

    /// Each meter's quantity with the component's inputs substituted, grouped by account meter.
    func usages(_ arch: ResolvedArchitecture, catalog: PricingCatalog, region: String, asOf: CalendarDate)
      throws(FormulaEvaluationError) -> Meters
    {
      var meters = Meters()
      for component in arch.components {
        var inputs: [String: CompiledFormula] = [:]
        for (name, f) in component.numeric.sorted(by: { $0.key < $1.key }) {
          inputs[name] = try CompiledFormula.compile(
            f, ranges: mode("c:\(component.component.name).\(name)"), bind: bindWorkload)
        }
        for case .priced(let meter) in component.meters(on: asOf) {
          guard let (key, ladder, _) = component.accountMeter(for: meter, catalog: catalog, region: region, on: asOf)
          else {
            throw .unknownName("\(component.service.id)/\(meter.name)")
          }
          let quantity = try CompiledFormula.compile(
            meter.quantity(on: asOf), ranges: mode("m:\(component.service.id)/\(meter.name)")
          ) { n in
            if let v = Builtins.value(n, hours: monthHours, month: month) { return .value(v) }
            return inputs[n].map { .formula($0) }
          }
          // A quantity that is zero whatever the workload (an unused input left at its default)
          // can only add zero: leave it out, and with it any meter nothing else uses.
          if let constant = quantity.constantValue, constant.isZero { continue }
          meters.add(key, ladder: ladder, quantity: quantity)
        }
      }
      return meters
    }
  }

  /// The account meters an architecture uses, and each usage's quantity formula.
  struct Meters {
    var keys: [MeterKey] = []
    var ladders: [TierLadder] = []
    /// Each account meter's index in ``keys``, as first compiled.
    var index: [MeterKey: Int] = [:]
    var usages: [(meter: Int, quantity: CompiledFormula)] = []
    /// Where each account meter of ``index`` went after ``foldConstants(drawn:)`` (absent: folded).
    var remap: [Int: Int] = [:]

    mutating func add(_ key: MeterKey, ladder: TierLadder, quantity: CompiledFormula) {
      let meter: Int
      if let i = index[key] {
        meter = i
      } else {
        meter = keys.count
        index[key] = meter
        keys.append(key)
        ladders.append(ladder)
      }
      usages.append((meter, quantity))
    }

    /// Prices once the meters that cost the same at every point (every usage constant, and
    /// no free-tier pool in `drawn` draws from them), leaves them out of the inner loop, and
    /// returns their cost.
    mutating func foldConstants(drawn: Set<Int>) -> ExactDecimal {
      var constantCost = ExactDecimal.zero
      var keptLadders: [TierLadder] = [], keptKeys: [MeterKey] = []
      remap = [:]
      for i in ladders.indices {
        let own = usages.filter { $0.meter == i }
        if !drawn.contains(i), own.allSatisfy({ $0.quantity.constantValue != nil }) {
          var q = ExactDecimal.zero
          for u in own { q += u.quantity.constantValue! }
          constantCost += ladders[i].cost(of: q).total
        } else {
          remap[i] = keptLadders.count
          keptLadders.append(ladders[i])
          keptKeys.append(keys[i])
        }
      }
      usages = usages.compactMap { u in remap[u.meter].map { ($0, u.quantity) } }
      ladders = keptLadders
      keys = keptKeys
      return constantCost
    }
  }
}
