import BillcastBill
import BillcastCore
import BillcastPricing
import BillcastProfile

/// Sets a profile's estimate against real bills, month by month.
public enum Reconciler {
  /// Reads the bills, estimates each of their months and compares them.
  ///
  /// Every error is thrown at once: the bills' bad rows, a month the bills lack, an architecture
  /// or scenario that must be named. Nothing is compared until every bill read cleanly.
  public static func reconcile(_ resolved: ResolvedProfile, bills: [String], options: ReconcileOptions)
    throws(DiagnosticError) -> Reconciliation
  {
    let profile = resolved.profile
    let (architecture, scenario) = try selection(resolved, options)
    let matchDate = options.months?.sorted().last.flatMap { CalendarDate($0 + "-01") } ?? options.today
    let matcher = BillMatcher(
      architecture: architecture, catalog: resolved.catalog, region: profile.region, on: matchDate)
    var ledger = BillLedger(matcher: matcher, only: options.months.map(Set.init))
    for path in bills { ledger.read(path, options: options.read) }
    if !ledger.diagnostics.isEmpty { throw DiagnosticError(ledger.diagnostics) }
    let months = options.months?.sorted() ?? ledger.months.keys.sorted()
    var problems: [Diagnostic] = []
    for month in months where ledger.months[month] == nil {
      let covered = Set(ledger.summaries.flatMap(\.months)).sorted()
      problems.append(
        Diagnostic(
          file: bills.joined(separator: ", "),
          message:
            "--month \(month): the bills have no rows in that month (they cover \(covered.isEmpty ? "no month" : covered.joined(separator: ", ")))"
        ))
    }
    if months.isEmpty {
      problems.append(Diagnostic(file: bills.joined(separator: ", "), message: "the bills have no rows to reconcile"))
    }
    if !problems.isEmpty { throw DiagnosticError(problems) }
    var results: [MonthReconciliation] = []
    var calibration = CalibrationBuilder(
      architecture: architecture, profile: profile, scenario: scenario, catalog: resolved.catalog)
    var tables: [TableReference] = []
    for month in months {
      let first = CalendarDate(month + "-01")!
      let hours = ExactDecimal(CalendarDate.daysIn(year: first.year, month: first.month) * 24)
      let (estimate, result) = try Self.estimate(
        resolved, architecture: architecture.architecture.name, scenario: scenario, month: first, hours: hours,
        options: options)
      tables = estimate.tables
      let ledgerMonth = ledger.months[month]!
      var reconciled = MonthComparison.compare(
        month: month, hours: hours, result: result, ledger: ledgerMonth, catalog: resolved.catalog,
        region: profile.region)
      calibration.add(
        month: month, hours: hours, first: first, result: result, ledger: ledgerMonth, compared: &reconciled)
      results.append(reconciled)
    }
    return Reconciliation(
      profileName: profile.name, profilePath: profile.path, architecture: architecture.architecture.name,
      scenario: scenario, region: profile.region, tables: tables, bills: ledger.summaries, months: results,
      findings: Findings.collect(results), calibration: calibration.inputs())
  }

  /// The estimate of one month: priced as of its first day, with its own hours.
  static func estimate(
    _ resolved: ResolvedProfile, architecture: String, scenario: String, month first: CalendarDate,
    hours: ExactDecimal, options: ReconcileOptions
  ) throws(DiagnosticError) -> (Estimate, ScenarioResult) {
    var estimateOptions = EstimateOptions(
      asOf: first, today: options.today, freeTier: options.freeTier,
      scenarios: resolved.profile.scenarios.isEmpty ? nil : [scenario], architectures: [architecture],
      monthHours: hours)
    estimateOptions.month = first
    let estimate = try Estimator.estimate(resolved, options: estimateOptions)
    guard let result = estimate.results.first else {
      throw DiagnosticError([
        Diagnostic(
          file: resolved.profile.path,
          message:
            "architecture \(architecture) cannot be estimated for \(first.description.prefix(7)): \(estimate.notYetAvailable.map(\.reason).joined(separator: "; "))"
        )
      ])
    }
    return (estimate, result)
  }

  /// The architecture and scenario to reconcile: the options', else the profile's only one.
  static func selection(_ resolved: ResolvedProfile, _ options: ReconcileOptions) throws(DiagnosticError) -> (
    ResolvedArchitecture, String
  ) {
    let profile = resolved.profile
    var problems: [Diagnostic] = []
    var architecture: ResolvedArchitecture?
    let names = resolved.architectures.map(\.architecture.name)
    if let wanted = options.architecture {
      architecture = resolved.architectures.first { $0.architecture.name == wanted }
      if architecture == nil {
        problems.append(
          Diagnostic(
            file: profile.path,
            message: "--architecture \(wanted): the profile has no such architecture (\(names.joined(separator: ", ")))"
          ))
      }
    } else if resolved.architectures.count == 1 {
      architecture = resolved.architectures[0]
    } else {
      problems.append(
        Diagnostic(
          file: profile.path,
          message:
            "the profile has \(names.count) architectures; a bill is one of them: name it with --architecture (\(names.joined(separator: ", ")))"
        ))
    }
    let scenarios = profile.scenarios.map(\.name)
    var scenario = "default"
    if let wanted = options.scenario {
      if scenarios.contains(wanted) || (scenarios.isEmpty && wanted == "default") {
        scenario = wanted
      } else {
        problems.append(
          Diagnostic(
            file: profile.path,
            message:
              "--scenario \(wanted): the profile has no such scenario (\(scenarios.isEmpty ? "it has none" : scenarios.joined(separator: ", ")))"
          ))
      }
    } else if scenarios.count == 1 {
      scenario = scenarios[0]
    } else if scenarios.count > 1 {
      problems.append(
        Diagnostic(
          file: profile.path,
          message:
            "the profile has \(scenarios.count) scenarios; name the one the bill should be set against with --scenario (\(scenarios.joined(separator: ", ")))"
        ))
    }
    guard problems.isEmpty, let architecture else { throw DiagnosticError(problems) }
    return (architecture, scenario)
  }
}
