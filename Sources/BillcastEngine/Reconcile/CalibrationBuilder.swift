import BillcastCore
import BillcastPricing
import BillcastProfile

/// Measures, month by month, the component inputs that reproduce a bill's quantities.
///
/// For each component, each meter the bill gives a quantity for is solved for one input of its
/// quantity formula: the one not yet measured, preferring usage (an input the profile writes as a
/// formula of the workload) to configuration (a constant, or one left to its default). Meters with
/// one such input go first, so `requests` is measured before the duration that depends on it.
struct CalibrationBuilder {
  let architecture: ResolvedArchitecture
  let profile: Profile
  let scenario: String
  let catalog: PricingCatalog
  private var measured: [String: CalibratedInput] = [:]
  private var order: [String] = []

  init(architecture: ResolvedArchitecture, profile: Profile, scenario: String, catalog: PricingCatalog) {
    self.architecture = architecture
    self.catalog = catalog
    self.profile = profile
    self.scenario = scenario
  }

  /// The inputs measured, in component and first-measured order.
  func inputs() -> [CalibratedInput] { order.map { measured[$0]! } }

  /// Measures one month and explains its meters' quantity drifts.
  mutating func add(
    month: String, hours: ExactDecimal, first: CalendarDate, result: ScenarioResult, ledger: BillLedger.Month,
    compared: inout MonthReconciliation
  ) {
    let overrides = profile.scenarios.first { $0.name == scenario }?.overrides ?? []
    let workload =
      WorkloadEvaluator.evaluate(
        profile.workload, overrides: overrides, monthHours: hours, month: first, diagnostics: DiagnosticCollector())
      ?? [:]
    func builtin(_ name: String) -> Interval? {
      Builtins.value(name, hours: hours, month: first).map { Interval($0) }
    }
    let users = Dictionary(grouping: result.meters.flatMap { m in m.shares.map { (m.key, $0.component) } }, by: \.0)
      .mapValues { Set($0.map(\.1)) }
    for component in architecture.components {
      var inputs: [String: Interval] = [:]
      for (name, formula) in component.numeric {
        if let v = try? formula.evaluate({ builtin($0) ?? workload[$0] }) { inputs[name] = v }
      }
      let values = solve(
        component, inputs: inputs, builtin: builtin, first: first, ledger: ledger, users: users)
      for value in values {
        record(value, month: month, component: component)
        explain(value, in: &compared)
      }
    }
  }

  /// The inputs one component's meters measure in a month.
  func solve(
    _ component: ResolvedComponent, inputs start: [String: Interval], builtin: (String) -> Interval?,
    first: CalendarDate, ledger: BillLedger.Month, users: [MeterKey: Set<String>]
  ) -> [CalibratedInput.Value] {
    let name = component.component.name
    var inputs = start
    var pending: [(Meter, MeterKey, ExactDecimal)] = []
    for role in component.meters(on: first) {
      guard case .priced(let meter) = role,
        let (key, _, _) = component.accountMeter(
          for: meter, catalog: catalog, region: profile.region, on: first),
        let tally = ledger.meters[key]
      else { continue }
      let quantity: ExactDecimal?
      if let own = tally.byComponent[name] {
        quantity = own
      } else {
        quantity = (users[key] ?? [name]) == [name] && tally.byComponent.isEmpty ? tally.quantity : nil
      }
      if let quantity { pending.append((meter, key, quantity)) }
    }
    var values: [CalibratedInput.Value] = []
    var done = Set<String>()
    while !pending.isEmpty {
      let ranked = pending.enumerated().map { (i, p) in (i, candidates(p.0.quantity(on: first), component, done: done))
      }
      guard let (i, names) = ranked.min(by: { rank($0.1) < rank($1.1) }), let input = names.first else { break }
      let (meter, key, target) = pending.remove(at: i)
      let formula = meter.quantity(on: first)
      var fixed: [String: ExactDecimal] = [:]
      for (n, v) in inputs { fixed[n] = (v.low + v.high) / 2 }
      let evaluate = { (x: ExactDecimal) -> ExactDecimal? in
        var point = fixed
        point[input] = x
        return try? formula.evaluate({ builtin($0) ?? point[$0].map { Interval($0) } }).low
      }
      guard let x = InputSolver.solve(target: target, start: fixed[input] ?? .one, evaluate) else { continue }
      done.insert(input)
      inputs[input] = Interval(x)
      values.append(
        CalibratedInput.Value(
          component: name, input: input, profile: start[input] ?? Interval(.zero), measured: x, meter: key))
    }
    return values
  }

  /// The inputs of a quantity formula that can be measured, best first: not yet measured, numeric,
  /// usage before configuration.
  func candidates(_ formula: Formula, _ component: ResolvedComponent, done: Set<String>) -> [String] {
    let written = Dictionary(component.component.inputs.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    let names = formula.names.filter { component.numeric[$0] != nil && !done.contains($0) }
    var seen = Set<String>()
    return names.filter { seen.insert($0).inserted }.sorted { a, b in
      func configuration(_ n: String) -> Int {
        guard let given = written[n] else { return 2 }  // left to its default
        return component.numeric[n]?.isConstant == true && !given.text.contains("..") ? 1 : 0
      }
      return configuration(a) < configuration(b)
    }
  }

  /// Orders candidate lists: a single usage input first, then fewest candidates.
  func rank(_ names: [String]) -> Int { names.isEmpty ? Int.max : names.count }

  /// Keeps a month's value.
  mutating func record(_ value: CalibratedInput.Value, month: String, component: ResolvedComponent) {
    let id = value.component + "\u{1F}" + value.input
    if measured[id] == nil {
      let written = component.component.inputs.first { $0.name == value.input }?.text ?? ""
      let isVariable = profile.workload.contains { $0.name == written }
      measured[id] = CalibratedInput(
        component: value.component, input: value.input, written: written, variable: isVariable ? written : nil,
        values: [], meter: value.meter)
      order.append(id)
    }
    measured[id]!.values.append((month, value.measured))
  }

  /// Attaches a measured value to the quantity drift of its meter, if the meter drifted.
  func explain(_ value: CalibratedInput.Value, in month: inout MonthReconciliation) {
    guard !value.profile.contains(value.measured) else { return }
    for s in month.services.indices {
      for m in month.services[s].meters.indices where month.services[s].meters[m].meter == value.meter {
        if month.services[s].meters[m].quantityDrift != nil {
          month.services[s].meters[m].quantityDrift!.explanation = value
        }
      }
    }
  }
}
