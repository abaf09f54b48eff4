import BillcastCore

extension ProfileReader {
  /// Reads the `forecast` section; names are checked against the workload and scenarios.
  func readForecast(_ c: YAMLCursor, workload: [String], scenarios: [String]) -> ForecastSettings? {
    guard
      let f = c.fields(
        ["start", "months", "month_hours", "scenario", "calendar", "growth", "accumulate", "distributions"],
        what: "forecast settings {start, months, growth, …}")
    else { return nil }
    var start: CalendarMonth?
    if let s = f.required("start"), let text = s.string("a month, YYYY-MM") {
      start = CalendarMonth(text)
      if start == nil { s.error("'\(TerminalText.excerpt(text))' is not a month; expected YYYY-MM, like 2024-10") }
      if let m = start, !m.firstDay.isSupported {
        s.error("\(m) is outside the calendar billcast prices: \(CalendarDate.supportedRangeText)")
        start = nil
      }
    }
    let months = f.required("months")?.integer(in: 1...ForecastSettings.maximumMonths)
    var hours = ForecastSettings.MonthHours.fixed(730)
    if let h = f["month_hours"] {
      if h.string() == "calendar" {
        hours = .calendar
      } else if let v = h.decimal() {
        if v > .zero && v <= 744 { hours = .fixed(v) } else { h.error("month_hours must be above 0 and at most 744, or 'calendar'") }
      }
    }
    func checkScenario(_ cursor: YAMLCursor) -> String? {
      guard let name = cursor.string("a scenario name") else { return nil }
      guard scenarios.contains(name) else {
        cursor.error("'\(TerminalText.excerpt(name))' is not a scenario of this profile\(Spelling.hint(for: name, among: scenarios)); its scenarios are: \(scenarios.joined(separator: ", "))")
        return nil
      }
      return name
    }
    let scenario = f["scenario"].flatMap(checkScenario)
    var calendar: [ForecastSettings.CalendarEntry] = []
    for item in f["calendar"]?.items("a list of {months, scenario}") ?? [] {
      guard let e = item.fields(["months", "scenario"], what: "a calendar entry {months: 1..3, scenario: …}") else { continue }
      guard let mc = e.required("months"), let text = mc.string("months like 1..3 or 4") else { continue }
      let bounds = text.split(separator: ".", omittingEmptySubsequences: true).map { Int($0) }
      var range: (Int, Int)?
      if bounds.count == 1, let a = bounds[0] { range = (a, a) }
      if bounds.count == 2, text.contains(".."), let a = bounds[0], let b = bounds[1] { range = (a, b) }
      guard let (first, last) = range, first >= 1, first <= last, last <= (months ?? ForecastSettings.maximumMonths) else {
        mc.error("'\(TerminalText.excerpt(text))' is not a stretch of months; expected like 1..3 within 1..\(months ?? ForecastSettings.maximumMonths)")
        continue
      }
      if let overlap = calendar.first(where: { !($0.last < first || last < $0.first) }) {
        mc.error("months \(first)..\(last) overlap months \(overlap.first)..\(overlap.last) of an earlier entry")
      }
      if let s = e.required("scenario").flatMap(checkScenario) {
        calendar.append(.init(first: first, last: last, scenario: s, location: item.location))
      }
    }
    func checkNames(_ formula: Formula, _ cursor: YAMLCursor) {
      for n in formula.names where !workload.contains(n) && !Builtins.names.contains(n) {
        cursor.error("the formula names '\(TerminalText.excerpt(n))', which is not a workload variable\(Spelling.hint(for: n, among: workload))")
      }
    }
    func checkVariable(_ name: String, _ parent: YAMLCursor) -> Bool {
      if workload.contains(name) { return true }
      parent.keyCursor(name).error("'\(TerminalText.excerpt(name))' is not a workload variable\(Spelling.hint(for: name, among: workload))")
      return false
    }
    var growth: [String: ForecastSettings.Growth] = [:]
    var adjustmentLocations: [String: SourceLocation] = [:]
    if let g = f["growth"] {
      for (name, v) in g.entries("a mapping of workload variables to growth") ?? [] where checkVariable(name, g) {
        adjustmentLocations[name] = v.location
        if case .mapping = v.node {
          guard let gf = v.fields(["compound", "linear", "values"], what: "growth {compound: 0.15}, {linear: 100} or {values: […]}") else { continue }
          if let c = gf["compound"], let formula = c.formula() {
            checkNames(formula, c)
            growth[name] = .compound(formula)
          } else if let l = gf["linear"], let formula = l.formula() {
            checkNames(formula, l)
            growth[name] = .linear(formula)
          } else if let list = gf["values"] {
            let formulas = (list.items("a list of monthly values") ?? []).compactMap { item -> Formula? in
              guard let formula = item.formula() else { return nil }
              checkNames(formula, item)
              return formula
            }
            if formulas.isEmpty { list.error("give at least one value") } else { growth[name] = .values(formulas) }
          } else if !gf.has("compound") && !gf.has("linear") && !gf.has("values") {
            v.error("growth needs compound, linear or values")
          }
        } else if let text = v.string("a growth like 15% (compound, per month)") {
          // Shorthand: "15%" is compound growth of 0.15 a month.
          if text.hasSuffix("%"), case .success(let pct) = ExactDecimal.parse(String(text.dropLast())) {
            growth[name] = .compound(.number(pct / 100))
          } else {
            v.error("'\(TerminalText.excerpt(text))' is not a growth; write 15% (compound per month), {compound: 0.10..0.20}, {linear: 100} or {values: […]}")
          }
        }
      }
    }
    var accumulate: [String: Formula] = [:]
    if let a = f["accumulate"] {
      for (name, v) in a.entries("a mapping of workload variables to their monthly increase") ?? [] where checkVariable(name, a) {
        if adjustmentLocations[name] == nil { adjustmentLocations[name] = v.location }
        if let formula = v.formula() {
          checkNames(formula, v)
          accumulate[name] = formula
        }
      }
    }
    var distributions: [String: ForecastSettings.Distribution] = [:]
    if let d = f["distributions"] {
      for (name, v) in d.entries("a mapping of workload variables to distributions") ?? [] where checkVariable(name, d) {
        if let kind = v.choice(ForecastSettings.Distribution.allCases.map(\.rawValue)).flatMap(ForecastSettings.Distribution.init) {
          distributions[name] = kind
        }
      }
    }
    guard let start, let months else { return nil }
    return ForecastSettings(
      start: start, months: months, monthHours: hours, scenario: scenario, calendar: calendar, growth: growth,
      accumulate: accumulate, distributions: distributions, location: c.location, adjustmentLocations: adjustmentLocations)
  }
}
