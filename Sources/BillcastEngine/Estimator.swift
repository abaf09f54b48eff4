import BillcastCore
import Foundation
import BillcastPricing
import BillcastProfile

/// Prices a resolved profile: per scenario × architecture, usage aggregated per
/// account meter, free tier drawn, tiers applied, costs allocated back to components.
public enum Estimator {
  /// The largest magnitude a component input or meter quantity may reach: 10^14.
  public static let quantityLimit = ExactDecimal(raw: 100_000_000_000_000 * ExactDecimal.scale)

  /// The most one account meter may cost in a month: $10^12.
  ///
  /// Checked before pricing, so that no product, share or sum of costs can overflow: a total
  /// would need 170 million account meters at the limit to leave `ExactDecimal`'s range.
  public static let costLimit = ExactDecimal(raw: 1_000_000_000_000 * ExactDecimal.scale)

  /// Prices every selected scenario × architecture, reporting every problem at once.
  public static func estimate(_ resolved: ResolvedProfile, options: EstimateOptions) throws(DiagnosticError) -> Estimate
  {
    let profile = resolved.profile
    let collector = DiagnosticCollector()
    let asOf = options.asOf ?? profile.asOf ?? options.today
    let situation = FreeTierRules.situation(
      account: profile.account, override: options.freeTier, asOf: asOf, profilePath: profile.path,
      diagnostics: collector)

    let scenarios = select(
      options.scenarios, from: profile.scenarios.map(\.name), what: "scenario", profile: profile, diagnostics: collector
    )
    var architectures = select(
      options.architectures, from: profile.architectures.map(\.name), what: "architecture", profile: profile,
      diagnostics: collector)
    try collector.throwIfErrors()
    let notYetAvailable = leaveOutNotLaunched(resolved, &architectures, asked: options.architectures != nil, on: asOf)
    let scenarioList: [Scenario?] =
      profile.scenarios.isEmpty ? [nil] : profile.scenarios.filter { scenarios.contains($0.name) }
    var pricedSituation = situation
    if !options.applyCredits { pricedSituation.credits = nil }
    let jobs = pricingJobs(
      resolved, scenarios: scenarioList, architectures: architectures, options: options, diagnostics: collector)
    let results = price(
      jobs, resolved, asOf: asOf, situation: pricedSituation, options: options, diagnostics: collector)
    try collector.throwIfErrors()

    let tableRefs = tableReferences(resolved, results: results, on: asOf)
    let currency = resolved.catalog.tables(for: profile.region).first?.currency ?? "USD"
    var estimate = Estimate(
      profileName: profile.name, profilePath: profile.path, profileSHA256: profile.sha256, region: profile.region,
      currency: currency, asOf: asOf, freeTier: situation, tables: tableRefs, results: results)
    estimate.notYetAvailable = notYetAvailable
    return estimate
  }

  /// Pricing an earlier date: an architecture built on a service that had not launched yet is
  /// left out with its reason, unless architectures were asked for by name (then the date is the
  /// error) or every one would be left out.
  static func leaveOutNotLaunched(
    _ resolved: ResolvedProfile, _ architectures: inout [String], asked: Bool, on asOf: CalendarDate
  ) -> [UnavailableArchitecture] {
    guard !asked else { return [] }
    var notYetAvailable: [UnavailableArchitecture] = []
    for arch in resolved.architectures where architectures.contains(arch.architecture.name) {
      let status = arch.status(on: asOf)
      if case .notLaunched = status {
        notYetAvailable.append(UnavailableArchitecture(architecture: arch.architecture.name, status: status))
      }
    }
    guard notYetAvailable.count < architectures.count else { return [] }
    architectures.removeAll { a in notYetAvailable.contains { $0.architecture == a } }
    return notYetAvailable
  }

  /// The tables the results used, by id, each with its staleness on the date priced.
  static func tableReferences(_ resolved: ResolvedProfile, results: [ScenarioResult], on asOf: CalendarDate)
    -> [TableReference]
  {
    let region = resolved.profile.region
    let usedTables = Set(results.flatMap { $0.services.map { s in s.service } }).compactMap {
      resolved.catalog.table(holding: $0, region: region)
    }
    var tableRefs: [TableReference] = []
    for t in usedTables.sorted(by: { $0.id < $1.id }) where !tableRefs.contains(where: { $0.id == t.id }) {
      tableRefs.append(
        TableReference(
          id: t.id, effective: t.effective, sha256: t.sha256, path: t.path,
          warning: TableReference.staleness(id: t.id, effective: t.effective, on: asOf),
          directory: resolved.catalog.directory))
    }
    return tableRefs
  }

  static func select(
    _ wanted: [String]?, from names: [String], what: String, profile: Profile, diagnostics: DiagnosticCollector
  ) -> [String] {
    guard let wanted else { return names }
    for w in wanted where !names.contains(w) && !(what == "scenario" && names.isEmpty && w == Scenario.defaultName) {
      diagnostics.add(
        Diagnostic(
          file: profile.path,
          message:
            "the profile has no \(what) '\(TerminalText.excerpt(w))'\(Spelling.hint(for: w, among: names)); it has: \(names.joined(separator: ", "))"
        ))
    }
    return wanted
  }
}

/// The estimate's pricing step: one job per scenario and architecture, priced on all cores.
extension Estimator {
  /// One result to price: a scenario's evaluated workload and an architecture.
  struct PricingJob: Sendable {
    var scenario: Scenario?
    var workload: [String: Interval]
    var expansions: [String: ClosedFormula]
    var architecture: ResolvedArchitecture
  }

  /// Evaluates each scenario's workload (its problems go to `diagnostics`) and pairs it with each
  /// architecture, in report order.
  static func pricingJobs(
    _ resolved: ResolvedProfile, scenarios: [Scenario?], architectures: [String], options: EstimateOptions,
    diagnostics: DiagnosticCollector
  ) -> [[PricingJob]] {
    scenarios.map { scenario in
      var expansions: [String: ClosedFormula] = [:]
      guard
        let workload = options.workload
          ?? WorkloadEvaluator.evaluate(
            resolved.profile.workload, overrides: scenario?.overrides ?? [], monthHours: options.monthHours,
            month: options.month, diagnostics: diagnostics, expansions: &expansions)
      else { return [] }
      return resolved.architectures.filter { architectures.contains($0.architecture.name) }.map {
        PricingJob(scenario: scenario, workload: workload, expansions: expansions, architecture: $0)
      }
    }
  }

  /// Prices every job, on all cores when there are several; results and problems come back in
  /// job order, so the estimate does not depend on the threads.
  static func price(
    _ jobs: [[PricingJob]], _ resolved: ResolvedProfile, asOf: CalendarDate, situation: FreeTierSituation,
    options: EstimateOptions, diagnostics: DiagnosticCollector
  ) -> [ScenarioResult] {
    let flat = jobs.flatMap { $0 }
    let slots = ConcurrentSlots<(ScenarioResult?, [Diagnostic])>(count: flat.count)
    let priceOne: @Sendable (Int) -> Void = { i in
      let job = flat[i]
      let collector = DiagnosticCollector()
      var calculator = Calculator(
        catalog: resolved.catalog, region: resolved.profile.region, asOf: asOf, today: options.today,
        situation: situation, monthHours: options.monthHours, workload: job.workload, diagnostics: collector)
      calculator.workloadExpansions = job.expansions
      calculator.month = options.month
      calculator.workloadUnits = resolved.profile.workload.reduce(into: [:]) { $0[$1.name] = $1.unit }
      var result = calculator.price(job.architecture, scenario: job.scenario)
      result?.workload = resolved.profile.workload.compactMap { v in job.workload[v.name].map { (v.name, $0) } }
      slots.set(i, (result, collector.diagnostics))
    }
    if flat.count > 1 {
      DispatchQueue.concurrentPerform(iterations: flat.count, execute: priceOne)
    } else {
      flat.indices.forEach(priceOne)
    }
    var results: [ScenarioResult] = []
    for (result, problems) in slots.all {
      problems.forEach(diagnostics.add)
      if let result { results.append(result) }
    }
    return results
  }
}
