import BillcastCore
import BillcastPricing
import BillcastProfile

/// Forecasts a profile month by month: each month priced as of its own date, with
/// growth, accumulation, free-tier expiry, credits and dated pricing changes, as a
/// deterministic envelope and a seeded Monte Carlo.
public enum Forecaster {
  /// Forecasts every selected architecture over the horizon, reporting every problem at once:
  /// check the options → lay out the months → the envelope → the Monte Carlo → assemble.
  public static func forecast(_ resolved: ResolvedProfile, options: ForecastOptions) throws(DiagnosticError) -> Forecast
  {
    let profile = resolved.profile
    let settings = profile.forecast
    let start = options.start ?? settings?.start ?? CalendarMonth(profile.asOf ?? options.today)
    let count = options.months ?? settings?.months ?? 12
    let wanted = options.architectures ?? profile.architectures.map(\.name)
    let collector = DiagnosticCollector()
    check(options, profile: profile, months: count, architectures: wanted, diagnostics: collector)
    try collector.throwIfErrors()
    var plan = ForecastPlan(
      resolved: resolved, settings: settings, months: months(profile, options: options, start: start, count: count),
      options: options, diagnostics: collector)
    let envelope = plan.envelope(architectures: wanted)
    try collector.throwIfErrors()
    let sampled = plan.monteCarlo(architectures: wanted, envelope: envelope)
    try collector.throwIfErrors()
    return plan.assemble(architectures: wanted, envelope: envelope, sampled: sampled)
  }

  /// The scenario and architectures asked for exist, the breakdown month is in the horizon, and the size is within limits.
  static func check(
    _ options: ForecastOptions, profile: Profile, months count: Int, architectures wanted: [String],
    diagnostics collector: DiagnosticCollector
  ) {
    let scenarioNames = profile.scenarios.map(\.name)
    if let s = options.scenario, !scenarioNames.contains(s) {
      collector.add(
        Diagnostic(
          file: profile.path,
          message:
            "the profile has no scenario '\(TerminalText.excerpt(s))'\(Spelling.hint(for: s, among: scenarioNames)); it has: \(scenarioNames.joined(separator: ", "))"
        ))
    }
    for a in wanted where !profile.architectures.contains(where: { $0.name == a }) {
      collector.add(
        Diagnostic(
          file: profile.path,
          message:
            "the profile has no architecture '\(TerminalText.excerpt(a))'\(Spelling.hint(for: a, among: profile.architectures.map(\.name)))"
        ))
    }
    if let b = options.breakdownMonth, !(1...count).contains(b) {
      collector.add(
        Diagnostic(
          file: profile.path, path: "forecast.months",
          message: "the breakdown month \(b) is not a month of the forecast; it has months 1 to \(count)"))
    }
    let location = profile.forecast?.location ?? SourceLocation(file: profile.path, path: "forecast")
    for problem in ForecastOptions.sizeProblems(samples: options.samples, months: count, architectures: wanted.count) {
      collector.add(location.diagnostic(.error, problem))
    }
  }

  /// The months of the horizon, each with its scenario (the option, the calendar, the default) and its hours.
  static func months(_ profile: Profile, options: ForecastOptions, start: CalendarMonth, count: Int) -> [ForecastMonth]
  {
    let settings = profile.forecast
    return (1...count).map { m in
      let month = start.adding(months: m - 1)
      let scenario =
        options.scenario ?? settings?.calendar.first { $0.first <= m && m <= $0.last }?.scenario ?? settings?.scenario
        ?? profile.scenarios.first?.name
      let hours: ExactDecimal
      if case .calendar? = settings?.monthHours {
        hours = month.hours
      } else if case .fixed(let h)? = settings?.monthHours {
        hours = h
      } else {
        hours = 730
      }
      var result = ForecastMonth(index: m, month: month, scenario: scenario, hours: hours)
      if case .calendar? = settings?.monthHours { result.onCalendar = true }
      return result
    }
  }
}
