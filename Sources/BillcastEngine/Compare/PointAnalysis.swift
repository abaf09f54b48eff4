import BillcastCore
import BillcastPricing
import BillcastProfile

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
              monthHours: options.estimate.monthHours, month: options.estimate.month, point: options.point)
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
