import BillcastCore
import BillcastPricing
import BillcastProfile

/// What to compare: the estimate's options, and optionally a break-even search.
public struct CompareOptions: Sendable {
  /// The options of the estimate underneath: date, scenarios, architectures, free tier.
  public var estimate: EstimateOptions
  /// The workload variable to vary for break-even points, and its range.
  public var vary: String?
  /// The low end of the varied variable's range.
  public var from: ExactDecimal
  /// The high end of the varied variable's range.
  public var to: ExactDecimal
  /// The variable's unit: break-even points are exact to this step.
  public var step: ExactDecimal
  /// Where the other variables' ranges are taken for break-even and sensitivity.
  public var point: CompiledFormula.RangePoint
  /// Called after each scenario's break-even search and sensitivity, with the share of
  /// scenarios done (0 to 1); the command line shows it on a terminal.
  public var progress: (@Sendable (Double) -> Void)? = nil

  /// Creates compare options; without `vary`, no break-even search runs.
  public init(
    estimate: EstimateOptions, vary: String? = nil, from: ExactDecimal = .zero, to: ExactDecimal = .zero,
    step: ExactDecimal = 1, point: CompiledFormula.RangePoint = .mid
  ) {
    self.estimate = estimate
    self.vary = vary
    self.from = from
    self.to = to
    self.step = step
    self.point = point
  }
}

/// Architectures side by side: every scenario's cost, the cheapest, break-even points and sensitivity.
public struct Comparison: Sendable {
  /// The estimate of every priced architecture in every selected scenario.
  public var estimate: Estimate
  /// Architectures that cannot be built on the date priced, with why.
  public var unavailable: [UnavailableArchitecture]
  /// Architectures that can be priced but not newly adopted (closed to new customers).
  public var closed: [UnavailableArchitecture]
  /// The cheapest architecture per scenario, at the low and at the high end.
  public var cheapest: [CheapestChoice]
  /// Break-even points per scenario, when a variable is varied.
  public var breakEven: [BreakEven]
  /// For each scenario × architecture, which workload variables move its cost most.
  public var sensitivity: [Sensitivity]
  /// Where the other variables' ranges were taken for break-even and sensitivity.
  public var point: CompiledFormula.RangePoint
}

/// An architecture left out of the comparison or flagged in it, and why.
public struct UnavailableArchitecture: Sendable, Hashable {
  /// The architecture's name.
  public var architecture: String
  /// Why: the component, its service and the retirement, launch or closing date.
  public var status: ArchitectureStatus

  /// Why, in words.
  public var reason: String {
    switch status {
    case .retired(let component, let service, let until, let replacement):
      return "\(component): \(service) was retired on \(until)\(replacement.map { "; use \($0)" } ?? "")"
    case .notLaunched(let component, let service, let from):
      return "\(component): \(service) is available from \(from)"
    case .closedToNewCustomers(let component, let service, let since, let replacement):
      return
        "\(component): \(service) takes no new customers after \(since)\(replacement.map { "; AWS recommends \($0)" } ?? "")"
    case .available:
      return "available"
    }
  }
}

/// The cheapest architecture of a scenario.
public struct CheapestChoice: Sendable, Hashable {
  /// The scenario's name.
  public var scenario: String
  /// The cheapest architecture at the low end of the ranges (by amount due).
  public var low: String
  /// Its amount due at the low end, after any credits.
  public var lowTotal: ExactDecimal
  /// The cheapest architecture at the high end of the ranges (by amount due).
  public var high: String
  /// Its amount due at the high end, after any credits.
  public var highTotal: ExactDecimal
}

/// Compares the architectures of a profile.
public enum Comparer {
  /// Prices every available architecture in every selected scenario and analyses them:
  /// availability → estimate → cheapest per scenario → per scenario, compile point models →
  /// break-even → sensitivity.
  public static func compare(_ resolved: ResolvedProfile, options: CompareOptions) throws(DiagnosticError) -> Comparison
  {
    let profile = resolved.profile
    let asOf = options.estimate.asOf ?? profile.asOf ?? options.estimate.today
    let wanted = options.estimate.architectures ?? profile.architectures.map(\.name)
    let (unavailable, closed) = availability(resolved, wanted: wanted, on: asOf)
    let priced = wanted.filter { name in !unavailable.contains { $0.architecture == name } }
    if priced.isEmpty {
      throw DiagnosticError([
        Diagnostic(
          file: profile.path, path: "architectures",
          message: "no architecture can be priced as of \(asOf): " + unavailable.map(\.reason).joined(separator: "; "))
      ])
    }
    var estimateOptions = options.estimate
    estimateOptions.architectures = priced
    let estimate = try Estimator.estimate(resolved, options: estimateOptions)
    let scenarios = unique(estimate.results.map(\.scenario))
    let cheapest = scenarios.map { cheapestChoice(estimate, scenario: $0, closed: closed) }

    // Break-even and sensitivity price single points through compiled cost models.
    let run = PointAnalysis(
      resolved: resolved, options: options, asOf: asOf, situation: estimate.freeTier, architectures: priced)
    try run.checkVary()
    let scenarioNames: [String?] = profile.scenarios.isEmpty ? [nil] : scenarios.map { Optional($0) }
    var breakEven: [BreakEven] = []
    var sensitivity: [Sensitivity] = []
    for (done, scenario) in scenarioNames.enumerated() {
      defer { options.progress?(Double(done + 1) / Double(scenarioNames.count)) }
      let models = try run.models(scenario: scenario)
      if let vary = options.vary, let result = run.breakEven(vary, scenario: scenario, models: models) {
        breakEven.append(result)
      }
      let workload = estimate.results.first { $0.scenario == (scenario ?? Scenario.defaultName) }?.workload ?? []
      sensitivity += run.sensitivity(scenario: scenario, models: models, workload: workload)
    }
    try run.collector.throwIfErrors()
    return Comparison(
      estimate: estimate, unavailable: unavailable, closed: closed, cheapest: cheapest, breakEven: breakEven,
      sensitivity: sensitivity, point: options.point)
  }

  /// The architectures whose services are retired or not yet launched (reported, not priced), and
  /// those closed to new customers (priced, flagged).
  static func availability(_ resolved: ResolvedProfile, wanted: [String], on asOf: CalendarDate) -> (
    [UnavailableArchitecture], [UnavailableArchitecture]
  ) {
    var unavailable: [UnavailableArchitecture] = []
    var closed: [UnavailableArchitecture] = []
    for arch in resolved.architectures where wanted.contains(arch.architecture.name) {
      let name = arch.architecture.name
      let status = arch.status(on: asOf)
      switch status {
      case .retired, .notLaunched: unavailable.append(.init(architecture: name, status: status))
      case .closedToNewCustomers: closed.append(.init(architecture: name, status: status))
      case .available: break
      }
    }
    return (unavailable, closed)
  }

  /// The cheapest architecture of a scenario at each end, among those open to new customers (all, if none is).
  static func cheapestChoice(_ estimate: Estimate, scenario s: String, closed: [UnavailableArchitecture])
    -> CheapestChoice
  {
    var results = estimate.results.filter { $0.scenario == s }
    let open = results.filter { r in !closed.contains { $0.architecture == r.architecture } }
    if !open.isEmpty { results = open }
    let low = results.min { ($0.amountDue.low, $0.amountDue.high) < ($1.amountDue.low, $1.amountDue.high) }!
    let high = results.min { ($0.amountDue.high, $0.amountDue.low) < ($1.amountDue.high, $1.amountDue.low) }!
    return CheapestChoice(
      scenario: s, low: low.architecture, lowTotal: low.amountDue.low, high: high.architecture,
      highTotal: high.amountDue.high)
  }

  static func unique(_ names: [String]) -> [String] {
    var seen = Set<String>()
    return names.filter { seen.insert($0).inserted }
  }
}

/// Break-even and sensitivity for one comparison: single points priced through compiled cost
/// models, problems collected for the end.
struct PointAnalysis {
  let resolved: ResolvedProfile
  let options: CompareOptions
  let asOf: CalendarDate
  let situation: FreeTierSituation
  let architectures: [String]
  let collector = DiagnosticCollector()

  var profile: Profile { resolved.profile }

  /// `--vary` must name a workload variable, and its grid (from, to, step) must make sense.
  func checkVary() throws(DiagnosticError) {
    guard let vary = options.vary else { return }
    if !profile.workload.contains(where: { $0.name == vary }) {
      let names = profile.workload.map(\.name)
      collector.add(
        profile.workloadLocation.diagnostic(
          .error,
          "--vary names '\(TerminalText.excerpt(vary))', which is not a workload variable\(Spelling.hint(for: vary, among: names)); the profile's are: \(names.joined(separator: ", "))"
        ))
    }
    for problem in BreakEvenBounds.gridProblems(from: options.from, to: options.to, step: options.step) {
      collector.add(Diagnostic(file: profile.path, path: "workload.\(vary)", message: "break-even search: \(problem)"))
    }
    try collector.throwIfErrors()
  }

  /// Each architecture compiled for point pricing in a scenario.
  func models(scenario: String?) throws(DiagnosticError) -> [(String, CostModel)] {
    var models: [(String, CostModel)] = []
    for arch in architectures {
      do {
        models.append(
          (
            arch,
            try CostModel(
              resolved: resolved, architecture: arch, scenario: scenario, asOf: asOf, situation: situation,
              monthHours: options.estimate.monthHours, point: options.point)
          ))
      } catch {
        collector.add(
          Diagnostic(
            file: profile.path, path: "architectures.\(arch)", message: "cannot compile for point pricing: \(error)"))
      }
    }
    try collector.throwIfErrors()
    return models
  }

  /// Where the cheapest architecture changes as `vary` grows; nil (reported) if the search cannot run.
  func breakEven(_ vary: String, scenario: String?, models: [(String, CostModel)]) -> BreakEven? {
    do {
      // The search stays where every architecture prices: inside each input's hard bounds
      // and billcast's limits, as `estimate` would check them.
      let bounds = BreakEvenBounds.limit(
        from: options.from, to: ExactDecimal.maximum(options.from, options.to), step: options.step
      ) { x in
        BreakEvenBounds.problem(
          at: x, variable: vary, scenario: scenario, architectures: architectures, resolved: resolved,
          options: options.estimate)
      }
      guard let bounds else {
        let why =
          BreakEvenBounds.problem(
            at: options.from, variable: vary, scenario: scenario, architectures: architectures, resolved: resolved,
            options: options.estimate) ?? ""
        collector.add(
          Diagnostic(
            file: profile.path, path: "workload.\(vary)",
            message: "break-even search: \(vary) = \(options.from) does not price: \(why)"))
        return nil
      }
      var result = try BreakEvenSearch.run(
        models: models, variable: vary, from: options.from, to: bounds.limit, step: options.step,
        scenario: scenario ?? Scenario.defaultName)
      result.requestedTo = ExactDecimal.maximum(options.from, options.to)
      result.stopReason = bounds.reason
      return result
    } catch {
      collector.add(
        Diagnostic(file: profile.path, path: "workload.\(vary)", message: "break-even search failed: \(error)"))
      return nil
    }
  }

  /// For each architecture, how far its cost moves across each variable's range; only variables
  /// set directly (not computed from others) are swung.
  func sensitivity(scenario: String?, models: [(String, CostModel)], workload: [(name: String, value: Interval)])
    -> [Sensitivity]
  {
    var formulas: [String: Formula] = [:]
    for v in profile.workload { formulas[v.name] = v.value }
    for o in profile.scenarios.first(where: { $0.name == scenario })?.overrides ?? [] { formulas[o.name] = o.value }
    let independent = workload.filter { w in
      !w.value.isPoint && (formulas[w.name]?.names.allSatisfy { Builtins.names.contains($0) } ?? false)
    }
    var result: [Sensitivity] = []
    for (arch, model) in models {
      do {
        result.append(
          try Sensitivity.analyse(
            model: model, architecture: arch, scenario: scenario ?? Scenario.defaultName, ranges: independent))
      } catch {
        collector.add(
          Diagnostic(
            file: profile.path, path: "architectures.\(arch)", message: "sensitivity analysis failed: \(error)"))
      }
    }
    return result
  }
}
