import BillcastCore
import BillcastPricing
import BillcastProfile

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
