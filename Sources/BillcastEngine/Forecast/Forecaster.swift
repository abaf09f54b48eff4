import BillcastCore
import BillcastPricing
import BillcastProfile

/// Forecasts a profile month by month: each month priced as of its own date, with
/// growth, accumulation, free-tier expiry, credits and dated pricing changes, as a
/// deterministic envelope and a seeded Monte Carlo.
public enum Forecaster {
  /// Forecasts every selected architecture over the horizon, reporting every problem at once.
  public static func forecast(_ resolved: ResolvedProfile, options: ForecastOptions) throws(DiagnosticError) -> Forecast {
    let profile = resolved.profile
    let settings = profile.forecast
    let collector = DiagnosticCollector()
    let location = settings?.location ?? SourceLocation(file: profile.path, path: "forecast")

    // The months and their scenarios.
    let start = options.start ?? settings?.start ?? CalendarMonth(profile.asOf ?? options.today)
    let count = options.months ?? settings?.months ?? 12
    let scenarioNames = profile.scenarios.map(\.name)
    if let s = options.scenario, !scenarioNames.contains(s) {
      collector.add(Diagnostic(file: profile.path, message: "the profile has no scenario '\(TerminalText.excerpt(s))'\(Spelling.hint(for: s, among: scenarioNames)); it has: \(scenarioNames.joined(separator: ", "))"))
    }
    let wanted = options.architectures ?? profile.architectures.map(\.name)
    for a in wanted where !profile.architectures.contains(where: { $0.name == a }) {
      collector.add(Diagnostic(file: profile.path, message: "the profile has no architecture '\(TerminalText.excerpt(a))'\(Spelling.hint(for: a, among: profile.architectures.map(\.name)))"))
    }
    if let b = options.breakdownMonth, !(1...count).contains(b) {
      collector.add(Diagnostic(file: profile.path, path: "forecast.months", message: "the breakdown month \(b) is not a month of the forecast; it has months 1 to \(count)"))
    }
    for problem in ForecastOptions.sizeProblems(samples: options.samples, months: count, architectures: wanted.count) {
      collector.add(location.diagnostic(.error, problem))
    }
    try collector.throwIfErrors()

    var months: [ForecastMonth] = []
    for m in 1...count {
      let month = start.adding(months: m - 1)
      let scenario = options.scenario ?? settings?.calendar.first { $0.first <= m && m <= $0.last }?.scenario ?? settings?.scenario ?? scenarioNames.first
      let hours: ExactDecimal
      if case .calendar? = settings?.monthHours { hours = month.hours } else if case .fixed(let h)? = settings?.monthHours { hours = h } else { hours = 730 }
      months.append(ForecastMonth(index: m, month: month, scenario: scenario, hours: hours))
    }

    var plan = ForecastPlan(resolved: resolved, settings: settings, months: months, options: options, diagnostics: collector)
    let envelope = plan.envelope(architectures: wanted)
    try collector.throwIfErrors()
    let sampled = plan.monteCarlo(architectures: wanted, envelope: envelope)
    try collector.throwIfErrors()
    return plan.assemble(architectures: wanted, envelope: envelope, sampled: sampled)
  }
}
