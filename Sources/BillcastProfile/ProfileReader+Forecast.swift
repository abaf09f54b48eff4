import BillcastCore

extension ProfileReader {
  /// Reads the `forecast` section; names are checked against the workload and scenarios.
  func readForecast(_ c: YAMLCursor, workload: [String], scenarios: [String]) -> ForecastSettings? {
    guard
      let f = c.fields(
        ["start", "months", "month_hours", "scenario", "calendar", "growth", "accumulate", "distributions"],
        what: "forecast settings {start, months, growth, …}")
    else { return nil }
    let reader = ForecastSectionReader(workload: workload, scenarios: scenarios)
    let start = f.required("start").flatMap(reader.start)
    let months = f.required("months")?.integer(in: 1...ForecastSettings.maximumMonths)
    let hours = f["month_hours"].map(reader.monthHours) ?? .fixed(730)
    let scenario = f["scenario"].flatMap(reader.scenario)
    let calendar = f["calendar"].map { reader.calendar($0, months: months) } ?? []
    var adjustmentLocations: [String: SourceLocation] = [:]
    let growth = f["growth"].map { reader.growth($0, locations: &adjustmentLocations) } ?? [:]
    let accumulate = f["accumulate"].map { reader.accumulate($0, locations: &adjustmentLocations) } ?? [:]
    let distributions = f["distributions"].map(reader.distributions) ?? [:]
    guard let start, let months else { return nil }
    return ForecastSettings(
      start: start, months: months, monthHours: hours, scenario: scenario, calendar: calendar, growth: growth,
      accumulate: accumulate, distributions: distributions, location: c.location,
      adjustmentLocations: adjustmentLocations)
  }
}

/// Reads the parts of a profile's `forecast` section, each checked against the profile's
/// workload variables and scenarios; problems are reported at their cursor.
private struct ForecastSectionReader {
  let workload: [String]
  let scenarios: [String]

  /// `start: 2025-01`, a month inside the supported calendar.
  func start(_ s: YAMLCursor) -> CalendarMonth? {
    guard let text = s.string("a month, YYYY-MM") else { return nil }
    guard let month = CalendarMonth(text) else {
      s.error("'\(TerminalText.excerpt(text))' is not a month; expected YYYY-MM, like 2024-10")
      return nil
    }
    guard month.firstDay.isSupported else {
      s.error("\(month) is outside the calendar billcast prices: \(CalendarDate.supportedRangeText)")
      return nil
    }
    return month
  }

  /// `month_hours: 730` (above 0, at most 744) or `calendar` (each month's own hours).
  func monthHours(_ h: YAMLCursor) -> ForecastSettings.MonthHours {
    if h.string() == "calendar" { return .calendar }
    if let v = h.decimal() {
      if v > .zero && v <= 744 { return .fixed(v) }
      h.error("month_hours must be above 0 and at most 744, or 'calendar'")
    }
    return .fixed(730)
  }

  /// A scenario of the profile, by name.
  func scenario(_ cursor: YAMLCursor) -> String? {
    guard let name = cursor.string("a scenario name") else { return nil }
    guard scenarios.contains(name) else {
      cursor.error(
        "'\(TerminalText.excerpt(name))' is not a scenario of this profile\(Spelling.hint(for: name, among: scenarios)); its scenarios are: \(scenarios.joined(separator: ", "))"
      )
      return nil
    }
    return name
  }

  /// `calendar: [{months: 1..3, scenario: …}, …]`: stretches of months within the horizon, not overlapping.
  func calendar(_ list: YAMLCursor, months: Int?) -> [ForecastSettings.CalendarEntry] {
    var calendar: [ForecastSettings.CalendarEntry] = []
    let horizon = months ?? ForecastSettings.maximumMonths
    for item in list.items("a list of {months, scenario}") ?? [] {
      guard let e = item.fields(["months", "scenario"], what: "a calendar entry {months: 1..3, scenario: …}") else {
        continue
      }
      guard let mc = e.required("months"), let text = mc.string("months like 1..3 or 4") else { continue }
      guard let (first, last) = Self.stretch(text), first >= 1, first <= last, last <= horizon else {
        mc.error("'\(TerminalText.excerpt(text))' is not a stretch of months; expected like 1..3 within 1..\(horizon)")
        continue
      }
      if let overlap = calendar.first(where: { !($0.last < first || last < $0.first) }) {
        mc.error("months \(first)..\(last) overlap months \(overlap.first)..\(overlap.last) of an earlier entry")
      }
      if let s = e.required("scenario").flatMap(scenario) {
        calendar.append(.init(first: first, last: last, scenario: s, location: item.location))
      }
    }
    return calendar
  }

  /// `4` or `1..3` as the first and last month.
  static func stretch(_ text: String) -> (Int, Int)? {
    let bounds = text.split(separator: ".", omittingEmptySubsequences: true).map { Int($0) }
    if bounds.count == 1, let a = bounds[0] { return (a, a) }
    if bounds.count == 2, text.contains(".."), let a = bounds[0], let b = bounds[1] { return (a, b) }
    return nil
  }

  /// `growth: {variable: 15% | {compound: …} | {linear: …} | {values: […]}}`; records where each is written.
  func growth(_ g: YAMLCursor, locations: inout [String: SourceLocation]) -> [String: ForecastSettings.Growth] {
    var growth: [String: ForecastSettings.Growth] = [:]
    for (name, v) in g.entries("a mapping of workload variables to growth") ?? [] where isVariable(name, g) {
      locations[name] = v.location
      if case .mapping = v.node {
        if let rule = growthRule(v) { growth[name] = rule }
      } else if let text = v.string("a growth like 15% (compound, per month)") {
        // Shorthand: "15%" is compound growth of 0.15 a month.
        if text.hasSuffix("%"), case .success(let pct) = ExactDecimal.parse(String(text.dropLast())) {
          growth[name] = .compound(.number(pct / 100))
        } else {
          v.error(
            "'\(TerminalText.excerpt(text))' is not a growth; write 15% (compound per month), {compound: 0.10..0.20}, {linear: 100} or {values: […]}"
          )
        }
      }
    }
    return growth
  }

  /// One variable's growth written as a mapping: `{compound: …}`, `{linear: …}` or `{values: […]}`.
  func growthRule(_ v: YAMLCursor) -> ForecastSettings.Growth? {
    guard
      let gf = v.fields(
        ["compound", "linear", "values"], what: "growth {compound: 0.15}, {linear: 100} or {values: […]}")
    else { return nil }
    if let c = gf["compound"], let formula = c.formula() {
      checkNames(formula, c)
      return .compound(formula)
    } else if let l = gf["linear"], let formula = l.formula() {
      checkNames(formula, l)
      return .linear(formula)
    } else if let list = gf["values"] {
      let formulas = (list.items("a list of monthly values") ?? []).compactMap { item -> Formula? in
        guard let formula = item.formula() else { return nil }
        checkNames(formula, item)
        return formula
      }
      if formulas.isEmpty { list.error("give at least one value") } else { return .values(formulas) }
    } else if !gf.has("compound") && !gf.has("linear") && !gf.has("values") {
      v.error("growth needs compound, linear or values")
    }
    return nil
  }

  /// `accumulate: {variable: monthly increase}`; records where each is written, unless growth did.
  func accumulate(_ a: YAMLCursor, locations: inout [String: SourceLocation]) -> [String: Formula] {
    var accumulate: [String: Formula] = [:]
    for (name, v) in a.entries("a mapping of workload variables to their monthly increase") ?? []
    where isVariable(name, a) {
      if locations[name] == nil { locations[name] = v.location }
      if let formula = v.formula() {
        checkNames(formula, v)
        accumulate[name] = formula
      }
    }
    return accumulate
  }

  /// `distributions: {variable: uniform | triangular | log-normal}`.
  func distributions(_ d: YAMLCursor) -> [String: ForecastSettings.Distribution] {
    var distributions: [String: ForecastSettings.Distribution] = [:]
    for (name, v) in d.entries("a mapping of workload variables to distributions") ?? [] where isVariable(name, d) {
      if let kind = v.choice(ForecastSettings.Distribution.allCases.map(\.rawValue)).flatMap(
        ForecastSettings.Distribution.init)
      {
        distributions[name] = kind
      }
    }
    return distributions
  }

  /// Reports each name a formula uses that is not a workload variable (or a built-in).
  func checkNames(_ formula: Formula, _ cursor: YAMLCursor) {
    for n in formula.names where !workload.contains(n) && !Builtins.names.contains(n) {
      cursor.error(
        "the formula names '\(TerminalText.excerpt(n))', which is not a workload variable\(Spelling.hint(for: n, among: workload))"
      )
    }
  }

  /// Whether a mapping key under `parent` names a workload variable (reported at the key if not).
  func isVariable(_ name: String, _ parent: YAMLCursor) -> Bool {
    if workload.contains(name) { return true }
    parent.keyCursor(name).error(
      "'\(TerminalText.excerpt(name))' is not a workload variable\(Spelling.hint(for: name, among: workload))")
    return false
  }
}
