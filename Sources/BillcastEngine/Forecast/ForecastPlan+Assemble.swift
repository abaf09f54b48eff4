import Foundation
import BillcastCore
import BillcastPricing
import BillcastProfile

extension ForecastPlan {
  /// The p-th percentile (nearest rank) of sorted values.
  static func percentile(_ sorted: [ExactDecimal], _ p: Int) -> ExactDecimal {
    let rank = (p * sorted.count + 99) / 100
    return sorted[max(rank, 1) - 1]
  }

  /// Applies credits to a path of monthly totals: what is due each month, and what the credits covered.
  func spend(_ totals: [ExactDecimal?]) -> (due: [ExactDecimal?], credits: [ExactDecimal?]) {
    guard let credits else { return (totals, totals.map { $0 == nil ? nil : .zero }) }
    var balance = credits.amount
    var due: [ExactDecimal?] = []
    var used: [ExactDecimal?] = []
    for (i, t) in totals.enumerated() {
      guard let t else { due.append(nil); used.append(nil); continue }
      let date = months[i].month.firstDay
      let applied = date < credits.expires ? ExactDecimal.minimum(balance, t) : .zero
      balance -= applied
      due.append(t - applied)
      used.append(applied)
    }
    return (due, used)
  }

  mutating func assemble(architectures: [String], envelope: [String: ArchitectureEnvelope], sampled: [String: Sampled]) -> Forecast {
    var result: [ArchitectureForecast] = []
    for a in architectures {
      let env = envelope[a]!
      let low = spend(env.totals.map { $0?.low }), high = spend(env.totals.map { $0?.high })
      creditEvents(a, low: low.credits, high: high.credits)
      // Monte Carlo: credits spent along each path, then percentiles per month and cumulatively.
      var monthlyFigures: [MonthFigures?] = []
      var cumulativeFigures: [MonthFigures?] = []
      let samples = sampled[a]?.totals ?? []
      let n = samples.first { !$0.isEmpty }?.count ?? 0
      // Month-major buffers filled in place: one pass per path, no allocation per path.
      var dueByMonth = months.indices.map { samples.indices.contains($0) && !samples[$0].isEmpty ? [ExactDecimal](repeating: .zero, count: n) : [] }
      var cumulativeByMonth = dueByMonth
      if n > 0 {
        let expires = credits?.expires
        let monthDates = months.map { $0.month.firstDay }
        for path in 0..<n {
          var balance = credits?.amount ?? .zero
          var running = ExactDecimal.zero
          for m in months.indices where !dueByMonth[m].isEmpty {
            var d = samples[m][path]
            if let expires, monthDates[m] < expires, balance > .zero {
              let applied = ExactDecimal.minimum(balance, d)
              balance -= applied
              d -= applied
            }
            running += d
            dueByMonth[m][path] = d
            cumulativeByMonth[m][path] = running
          }
        }
      }
      var cumLow = ExactDecimal.zero, cumHigh = ExactDecimal.zero
      for m in months.indices {
        guard let l = low.due[m], let h = high.due[m] else {
          monthlyFigures.append(nil)
          cumulativeFigures.append(nil)
          continue
        }
        cumLow += l
        cumHigh += h
        let monthly = Interval(.minimum(l, h), .maximum(l, h))
        let cumulative = Interval(.minimum(cumLow, cumHigh), .maximum(cumLow, cumHigh))
        if n > 0 {
          dueByMonth[m].sort()
          cumulativeByMonth[m].sort()
          let s = dueByMonth[m], c = cumulativeByMonth[m]
          monthlyFigures.append(MonthFigures(envelope: monthly, p10: Self.percentile(s, 10), p50: Self.percentile(s, 50), p90: Self.percentile(s, 90), sampled: Interval(s.first!, s.last!)))
          cumulativeFigures.append(MonthFigures(envelope: cumulative, p10: Self.percentile(c, 10), p50: Self.percentile(c, 50), p90: Self.percentile(c, 90), sampled: Interval(c.first!, c.last!)))
        } else {
          let mid = (monthly.low + monthly.high) / 2, cmid = (cumulative.low + cumulative.high) / 2
          monthlyFigures.append(MonthFigures(envelope: monthly, p10: mid, p50: mid, p90: mid, sampled: Interval(mid)))
          cumulativeFigures.append(MonthFigures(envelope: cumulative, p10: cmid, p50: cmid, p90: cmid, sampled: Interval(cmid)))
        }
      }
      let creditEnvelope: [Interval?] = credits == nil ? [] : months.indices.map { m in
        guard let l = low.credits[m], let h = high.credits[m] else { return nil }
        return Interval(.minimum(l, h), .maximum(l, h))
      }
      result.append(ArchitectureForecast(architecture: a, monthly: monthlyFigures, cumulative: cumulativeFigures, credits: creditEnvelope))
    }

    // The cheapest each month and cumulatively, by the median; and where it changes.
    var byMonth: [String?] = []
    var byCumulative: [String?] = []
    for m in months.indices {
      byMonth.append(result.compactMap { a in a.monthly[m].map { (a.architecture, $0.p50) } }.min { $0.1 < $1.1 }?.0)
      byCumulative.append(result.compactMap { a in a.cumulative[m].map { (a.architecture, $0.p50) } }.min { $0.1 < $1.1 }?.0)
    }
    var crossovers: [ForecastCrossover] = []
    for (kind, list) in [(ForecastCrossover.Kind.monthly, byMonth), (.cumulative, byCumulative)] {
      for m in 1..<max(list.count, 1) {
        if let before = list[m - 1], let now = list[m], before != now {
          crossovers.append(ForecastCrossover(kind: kind, month: m + 1, from: before, to: now))
          events.append(.init(month: m + 1, architecture: now, code: "cheapest-\(kind.rawValue)", message: kind == .monthly ? "\(now) becomes cheaper than \(before) each month (median)" : "\(now)'s cumulative cost falls below \(before)'s (median)"))
        }
      }
    }
    // The same event in several architectures (a shared service's retirement) is told once, naming them all.
    var merged: [ForecastEvent] = []
    for e in events {
      if let i = merged.firstIndex(where: { $0.month == e.month && $0.code == e.code && $0.message == e.message && $0.architecture != nil && e.architecture != nil }) {
        merged[i].architecture = merged[i].architecture! + ", " + e.architecture!
      } else {
        merged.append(e)
      }
    }
    events = merged
    events.sort { ($0.month, $0.code, $0.architecture ?? "") < ($1.month, $1.code, $1.architecture ?? "") }
    crossovers.sort { ($0.month, $0.kind.rawValue) < ($1.month, $1.kind.rawValue) }
    let breakdownMonth = min(max(options.breakdownMonth ?? months.count, 1), months.count)
    let breakdown = architectures.map { a in (a, envelope[a]!.services[breakdownMonth - 1]) }
    return Forecast(
      profileName: profile.name, profilePath: profile.path, profileSHA256: profile.sha256, region: profile.region,
      currency: resolved.catalog.tables(for: profile.region).first?.currency ?? "USD", tables: tables, freeTier: freeTierSummary,
      months: months, samples: options.samples, seed: options.seed, architectures: result, cheapestByMonth: byMonth,
      crossovers: crossovers, events: events, breakdownMonth: breakdownMonth, breakdown: breakdown)
  }

  /// When credits run out or expire, along the low and the high path.
  mutating func creditEvents(_ architecture: String, low: [ExactDecimal?], high: [ExactDecimal?]) {
    guard let credits else { return }
    func exhausted(_ used: [ExactDecimal?]) -> Int? {
      var total = ExactDecimal.zero
      for (i, u) in used.enumerated() {
        total += u ?? .zero
        if total >= credits.amount { return i + 1 }
      }
      return nil
    }
    let l = exhausted(low), h = exhausted(high)
    switch (h, l) {
    case (let a?, let b?) where a == b:
      events.append(.init(month: a, architecture: architecture, code: "credits-spent", message: "the $\(credits.amount.formatted(fractionDigits: 2)) of credits run out"))
    case (let a?, let b):
      events.append(.init(month: a, architecture: architecture, code: "credits-spent", message: "the $\(credits.amount.formatted(fractionDigits: 2)) of credits run out at the high end of the ranges" + (b.map { " (month \($0) at the low end)" } ?? " (they last to their expiry at the low end)")))
    default:
      break
    }
    if l == nil || h == nil, let m = months.first(where: { $0.month.firstDay >= credits.expires }) {
      events.append(.init(month: m.index, architecture: architecture, code: "credits-expire", message: "unspent credits expire on \(credits.expires)\(profile.account.plan == .free ? "; the free plan ends and the account closes unless upgraded to the paid plan" : "")"))
    }
  }
}
