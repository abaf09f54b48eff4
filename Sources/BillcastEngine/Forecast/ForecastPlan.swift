import BillcastCore
import BillcastPricing
import BillcastProfile

/// The work of one forecast: the deterministic envelope, the Monte Carlo, and their assembly.
struct ForecastPlan {
  let resolved: ResolvedProfile
  let settings: ForecastSettings?
  let months: [ForecastMonth]
  let options: ForecastOptions
  let diagnostics: DiagnosticCollector
  var events: [ForecastEvent] = []
  var tables: [TableReference] = []
  /// The free-tier situation of the first month priced.
  var firstFreeTier: FreeTierSituation?
  /// Per month, the free-tier situation priced (without credits; the forecast spends them).
  var situations: [FreeTierSituation] = []

  init(
    resolved: ResolvedProfile, settings: ForecastSettings?, months: [ForecastMonth], options: ForecastOptions,
    diagnostics: DiagnosticCollector
  ) {
    self.resolved = resolved
    self.settings = settings
    self.months = months
    self.options = options
    self.diagnostics = diagnostics
  }

  var profile: Profile { resolved.profile }

  /// The deterministic result of one architecture.
  struct ArchitectureEnvelope {
    /// Each month's total before credits (nil: unavailable).
    var totals: [Interval?]
    /// Each month's per-service-group cost.
    var services: [[(group: String, cost: Span)]]
  }

  // MARK: Workload per month

  /// Growth of one variable in month m (1-based) as an interval adjustment.
  static func growthAdjustment(_ growth: ForecastSettings.Growth, month m: Int, value: Interval)
    throws(FormulaEvaluationError) -> Interval
  {
    switch growth {
    case .compound(let rate):
      let g = try rate.evaluate { _ in nil }
      var factor = Interval(.one)
      let step = Interval(.one + g.low, .one + g.high)
      for _ in 1..<m { factor = try factor.times(step) }
      return try value.times(factor)
    case .linear(let amount):
      let k = try amount.evaluate { _ in nil }
      return try value.plus(try k.times(Interval(ExactDecimal(m - 1))))
    case .values(let list):
      return try list[min(m - 1, list.count - 1)].evaluate { _ in nil }
    }
  }

  // MARK: Envelope

  /// Prices every month of every architecture at the ends of its ranges: per month, the
  /// workload (growth and accumulation applied) → each available architecture's estimate →
  /// the free-tier and scenario events → next month's accumulation. Stops at the first error.
  mutating func envelope(architectures: [String]) -> [String: ArchitectureEnvelope] {
    var result: [String: ArchitectureEnvelope] = [:]
    for a in architectures { result[a] = ArchitectureEnvelope(totals: [], services: []) }
    var accumulated: [String: Interval] = [:]
    var previousKinds: [FreeTierKind]?
    var previousScenario: String??
    var unavailable = Set<String>()
    var tableSet: [String: TableReference] = [:]
    for month in months {
      if previousScenario != nil, previousScenario! != month.scenario, let s = month.scenario {
        events.append(
          .init(month: month.index, architecture: nil, kind: .scenario, message: "the scenario becomes \(s)"))
      }
      previousScenario = .some(month.scenario)
      guard let workload = workload(of: month, accumulated: accumulated) else { return result }
      for a in architectures where !unavailable.contains(a) {
        if let reason = availabilityProblem(a, on: month.month.firstDay) {
          unavailable.insert(a)
          events.append(.init(month: month.index, architecture: a, kind: .unavailable, message: reason))
          continue
        }
        guard let estimate = estimate(a, in: month, workload: workload) else { return result }
        result[a]!.totals.append(estimate.results[0].total)
        result[a]!.services.append(Self.groups(estimate.results[0]))
        for t in estimate.tables { tableSet[t.id] = t }
        if situations.count < month.index { situations.append(estimate.freeTier) }
        if firstFreeTier == nil { firstFreeTier = estimate.freeTier }
      }
      for a in architectures where result[a]!.totals.count < month.index {
        result[a]!.totals.append(nil)
        result[a]!.services.append([])
      }
      if situations.count < month.index {
        // Every architecture unavailable: keep the month's situation from the previous one.
        situations.append(
          situations.last ?? FreeTierSituation(account: profile.account.freeTier, kinds: [], credits: nil, summary: ""))
      }
      let kinds = situations[month.index - 1].kinds
      if let previousKinds, previousKinds.contains(.legacy12Month), !kinds.contains(.legacy12Month) {
        events.append(
          .init(
            month: month.index, architecture: nil, kind: .freeTierEnds,
            message:
              "the legacy account's 12-month free-tier offers end (opened \(profile.account.opened?.description ?? "?"))"
          ))
      }
      previousKinds = kinds
      accumulate(month, workload: workload, into: &accumulated)
    }
    dateEvents(architectures: architectures)
    // A forecast prices months to come: the tables must be current when it starts.
    let start = months.first?.month.firstDay
    tables = tableSet.keys.sorted().map { id in
      var t = tableSet[id]!
      if let start { t.warning = TableReference.staleness(id: t.id, effective: t.effective, on: start) }
      return t
    }
    return result
  }

  /// A month's workload: each variable's formula (the month's scenario's, if it overrides it),
  /// then its growth and what has accumulated; nil (reported) if a value fails.
  func workload(of month: ForecastMonth, accumulated sums: [String: Interval]) -> [String: Interval]? {
    let scenario = profile.scenarios.first { $0.name == month.scenario }
    let growth = settings?.growth ?? [:]
    let index = month.index
    let places = settings?.adjustmentLocations ?? [:]
    let context = "month \(index) (\(month.month)), after growth and accumulation"
    return WorkloadEvaluator.evaluate(
      profile.workload, overrides: scenario?.overrides ?? [], monthHours: month.hours, month: month.calendarDay,
      diagnostics: diagnostics,
      adjust: { (name: String, value: Interval) throws(FormulaEvaluationError) -> Interval in
        var v = value
        if let g = growth[name] { v = try Self.growthAdjustment(g, month: index, value: v) }
        if let acc = sums[name] { v = try v.plus(acc) }
        return v
      },
      adjustedAt: { name in places[name].map { ($0, context) } })
  }

  /// One architecture priced in one month for a given workload (credits left to the forecast);
  /// nil (reported, with the month named) on an error.
  func estimate(_ architecture: String, in month: ForecastMonth, workload: [String: Interval]) -> Estimate? {
    var o = EstimateOptions(
      asOf: month.month.firstDay, today: options.today, freeTier: options.freeTier,
      scenarios: month.scenario.map { [$0] },
      architectures: [architecture], monthHours: month.hours)
    o.month = month.calendarDay
    o.workload = workload
    o.applyCredits = false
    do {
      return try Estimator.estimate(resolved, options: o)
    } catch {
      // Say which month: the profile prices as it stands, and growth took it past a limit.
      for var d in error.diagnostics {
        d.message = "month \(month.index) (\(month.month)), \(architecture): " + d.message
        diagnostics.add(d)
      }
      return nil
    }
  }

  /// A result's cost per service group, groups in order of first use.
  static func groups(_ r: ScenarioResult) -> [(group: String, cost: Span)] {
    var groups: [(group: String, cost: Span)] = []
    for s in r.services {
      if let i = groups.firstIndex(where: { $0.group == s.group }) {
        groups[i].cost += s.cost
      } else {
        groups.append((s.group, s.cost))
      }
    }
    return groups
  }

  /// Adds this month's increment of each accumulated variable, for the next month.
  func accumulate(_ month: ForecastMonth, workload: [String: Interval], into accumulated: inout [String: Interval]) {
    for (name, formula) in settings?.accumulate ?? [:] {
      do {
        let inc = try formula.evaluate { n in
          Builtins.value(n, hours: month.hours, month: month.calendarDay).map { Interval($0) } ?? workload[n]
        }
        accumulated[name] = try (accumulated[name] ?? .zero).plus(inc)
      } catch {
        diagnostics.add(
          (settings?.location ?? SourceLocation(file: profile.path)).diagnostic(.error, "accumulate.\(name): \(error)"))
      }
    }
  }

  /// Why an architecture cannot be priced on a date, if it cannot.
  func availabilityProblem(_ architecture: String, on date: CalendarDate) -> String? {
    switch resolved.architectures.first(where: { $0.architecture.name == architecture })?.status(on: date) {
    case .retired(_, let service, let until, let replacement)?:
      return
        "\(service) was retired on \(until)\(replacement.map { "; price \($0) instead" } ?? ""): unavailable from this month"
    case .notLaunched(_, let service, let from)?:
      return "\(service) is available only from \(from)"
    default:
      return nil
    }
  }

  /// Dated changes in the tables that fall inside the horizon: meters that start or stop billing,
  /// free-tier pools that start or end, services that close to new customers.
  mutating func dateEvents(architectures: [String]) {
    let first = months.first!.month.firstDay, last = months.last!.month.firstDay
    func monthIndex(of date: CalendarDate) -> Int? {
      months.first { $0.month == CalendarMonth(date) }.map { date == $0.month.firstDay ? $0.index : $0.index + 1 }
    }
    var seen = Set<String>()
    for a in architectures {
      guard let arch = resolved.architectures.first(where: { $0.architecture.name == a }) else { continue }
      for c in arch.components {
        for meter in c.service.meters where c.matches(meter.when) {
          for (date, verb) in [(meter.from, "starts billing"), (meter.until, "stops billing")] {
            guard let date, date > first, date <= last, let m = monthIndex(of: date), m <= months.count else {
              continue
            }
            let key = "\(a)|\(c.service.id)/\(meter.name)|\(verb)"
            if seen.insert(key).inserted {
              events.append(
                .init(
                  month: m, architecture: a, kind: .pricingChange,
                  message: "\(c.service.id)/\(meter.name) \(verb) on \(date)"))
            }
          }
        }
        if let newUntil = c.service.availability?.newUntil, newUntil >= first, newUntil < last,
          let m = monthIndex(of: newUntil.adding(months: 0)), m <= months.count
        {
          let key = "\(a)|\(c.service.id)|closed"
          if seen.insert(key).inserted {
            events.append(
              .init(
                month: m, architecture: a, kind: .closedToNewCustomers,
                message: "\(c.service.name) takes no new customers after \(newUntil)"))
          }
        }
      }
    }
  }
}
