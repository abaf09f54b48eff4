import Dispatch
import Foundation
import BillcastCore
import BillcastPricing
import BillcastProfile

extension ForecastPlan {
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

  /// One architecture's figures: the envelope after credits, and percentiles per month and cumulatively.
  func figures(_ a: String, envelope: [String: ArchitectureEnvelope], sampled: [String: Sampled])
    -> ArchitectureForecast
  {
    let env = envelope[a]!
    let low = spend(env.totals.map { $0?.low }), high = spend(env.totals.map { $0?.high })
    // Monte Carlo: credits spent along each path, then percentiles per month and cumulatively.
    var monthlyFigures: [MonthFigures?] = []
    var cumulativeFigures: [MonthFigures?] = []
    let samples = sampled[a]?.totals ?? []
    let n = samples.first { !$0.isEmpty }?.count ?? 0
    // Month-major buffers filled in place: one pass per path, no allocation per path.
    var (dueByMonth, cumulativeByMonth) = sampledDue(samples, paths: n)
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
        let s = Percentiles(&dueByMonth[m]), c = Percentiles(&cumulativeByMonth[m])
        monthlyFigures.append(MonthFigures(envelope: monthly, p10: s.p10, p50: s.p50, p90: s.p90, sampled: s.range))
        cumulativeFigures.append(
          MonthFigures(envelope: cumulative, p10: c.p10, p50: c.p50, p90: c.p90, sampled: c.range))
      } else {
        let mid = (monthly.low + monthly.high) / 2, cmid = (cumulative.low + cumulative.high) / 2
        monthlyFigures.append(MonthFigures(envelope: monthly, p10: mid, p50: mid, p90: mid, sampled: Interval(mid)))
        cumulativeFigures.append(
          MonthFigures(envelope: cumulative, p10: cmid, p50: cmid, p90: cmid, sampled: Interval(cmid)))
      }
    }
    let creditEnvelope: [Interval?] =
      credits == nil
      ? []
      : months.indices.map { m in
        guard let l = low.credits[m], let h = high.credits[m] else { return nil }
        return Interval(.minimum(l, h), .maximum(l, h))
      }
    return ArchitectureForecast(
      architecture: a, monthly: monthlyFigures, cumulative: cumulativeFigures, credits: creditEnvelope)
  }

  /// Credits spent along each sampled path: per month, each path's amount due and its running
  /// total. Month-major buffers filled in place: one pass per path, no allocation per path.
  func sampledDue(_ samples: [[ExactDecimal]], paths n: Int) -> ([[ExactDecimal]], [[ExactDecimal]]) {
    var dueByMonth = months.indices.map {
      samples.indices.contains($0) && !samples[$0].isEmpty ? [ExactDecimal](repeating: .zero, count: n) : []
    }
    var cumulativeByMonth = dueByMonth
    guard n > 0 else { return (dueByMonth, cumulativeByMonth) }
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
    return (dueByMonth, cumulativeByMonth)
  }

  mutating func assemble(architectures: [String], envelope: [String: ArchitectureEnvelope], sampled: [String: Sampled])
    -> Forecast
  {
    // Each architecture's percentiles are independent: compute them on both cores.
    let box = FiguresBox(count: architectures.count)
    let plan = self
    DispatchQueue.concurrentPerform(iterations: architectures.count) { i in
      box.set(i, plan.figures(architectures[i], envelope: envelope, sampled: sampled))
    }
    let result = box.values.map { $0! }
    for a in architectures {
      let env = envelope[a]!
      let low = spend(env.totals.map { $0?.low }), high = spend(env.totals.map { $0?.high })
      creditEvents(a, low: low.credits, high: high.credits)
    }

    let (byMonth, byCumulative) = Self.cheapest(result, months: months.count)
    var crossovers = findCrossovers(result, byMonth: byMonth, byCumulative: byCumulative)
    events = Self.merged(events)
    events.sort { ($0.month, $0.code, $0.architecture ?? "") < ($1.month, $1.code, $1.architecture ?? "") }
    crossovers.sort { ($0.month, $0.kind.rawValue) < ($1.month, $1.kind.rawValue) }
    let breakdownMonth = options.breakdownMonth ?? months.count  // checked by the Forecaster: 1 to months.count
    let breakdown = architectures.map { a in (a, envelope[a]!.services[breakdownMonth - 1]) }
    return Forecast(
      profileName: profile.name, profilePath: profile.path, profileSHA256: profile.sha256, region: profile.region,
      currency: resolved.catalog.tables(for: profile.region).first?.currency ?? "USD", tables: tables,
      freeTier: firstFreeTier
        ?? FreeTierSituation(account: profile.account.freeTier, kinds: [], credits: nil, summary: "not priced"),
      months: months, samples: options.samples, seed: options.seed, architectures: result, cheapestByMonth: byMonth,
      crossovers: crossovers, events: events, breakdownMonth: breakdownMonth, breakdown: breakdown)
  }

  /// The cheapest architecture each month and cumulatively, by the median.
  static func cheapest(_ result: [ArchitectureForecast], months: Int) -> ([String?], [String?]) {
    var byMonth: [String?] = []
    var byCumulative: [String?] = []
    for m in 0..<months {
      byMonth.append(result.compactMap { a in a.monthly[m].map { (a.architecture, $0.p50) } }.min { $0.1 < $1.1 }?.0)
      byCumulative.append(
        result.compactMap { a in a.cumulative[m].map { (a.architecture, $0.p50) } }.min { $0.1 < $1.1 }?.0)
    }
    return (byMonth, byCumulative)
  }

  /// Where the cheapest changes, each with its event. A change is a crossover only between
  /// architectures available in both months: one that becomes unavailable leaves the
  /// comparison (its event says so).
  mutating func findCrossovers(_ result: [ArchitectureForecast], byMonth: [String?], byCumulative: [String?])
    -> [ForecastCrossover]
  {
    var crossovers: [ForecastCrossover] = []
    let available = Dictionary(uniqueKeysWithValues: result.map { a in (a.architecture, a.monthly.map { $0 != nil }) })
    func comparable(_ x: String, _ y: String, _ m: Int) -> Bool {
      [x, y].allSatisfy { available[$0]?[m - 1] == true && available[$0]?[m] == true }
    }
    for (kind, list) in [(ForecastCrossover.Kind.monthly, byMonth), (.cumulative, byCumulative)] {
      for m in 1..<max(list.count, 1) {
        if let before = list[m - 1], let now = list[m], before != now, comparable(before, now, m) {
          crossovers.append(ForecastCrossover(kind: kind, month: m + 1, from: before, to: now))
          events.append(
            .init(
              month: m + 1, architecture: now, kind: .cheapest(kind),
              message: kind == .monthly
                ? "\(now) becomes cheaper than \(before) each month (median)"
                : "\(now)'s cumulative cost falls below \(before)'s (median)"))
        }
      }
    }
    return crossovers
  }

  /// The same event in several architectures (a shared service's retirement) told once, naming them all.
  static func merged(_ events: [ForecastEvent]) -> [ForecastEvent] {
    var merged: [ForecastEvent] = []
    for e in events {
      if let i = merged.firstIndex(where: {
        $0.month == e.month && $0.kind == e.kind && $0.message == e.message && $0.architecture != nil
          && e.architecture != nil
      }) {
        merged[i].architecture = merged[i].architecture! + ", " + e.architecture!
      } else {
        merged.append(e)
      }
    }
    return merged
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
      events.append(
        .init(
          month: a, architecture: architecture, kind: .creditsSpent,
          message: "the $\(credits.amount.formatted(fractionDigits: 2)) of credits run out"))
    case (let a?, let b):
      events.append(
        .init(
          month: a, architecture: architecture, kind: .creditsSpent,
          message:
            "the $\(credits.amount.formatted(fractionDigits: 2)) of credits run out at the high end of the ranges"
            + (b.map { " (month \($0) at the low end)" } ?? " (they last to their expiry at the low end)")))
    default:
      break
    }
    if l == nil || h == nil, let m = months.first(where: { $0.month.firstDay >= credits.expires }) {
      events.append(
        .init(
          month: m.index, architecture: architecture, kind: .creditsExpire,
          message:
            "unspent credits expire on \(credits.expires)\(profile.account.plan == .free ? "; the free plan ends and the account closes unless upgraded to the paid plan" : "")"
        ))
    }
  }
}

/// Collects each architecture's figures from the worker threads.
private final class FiguresBox: @unchecked Sendable {
  private let lock = NSLock()
  private(set) var values: [ArchitectureForecast?]
  init(count: Int) { values = Array(repeating: nil, count: count) }
  func set(_ i: Int, _ v: ArchitectureForecast) {
    lock.lock()
    defer { lock.unlock() }
    values[i] = v
  }
}

/// p10, p50 and p90 (nearest rank) and the range of values, by selection rather than a full sort.
private struct Percentiles {
  var p10: ExactDecimal
  var p50: ExactDecimal
  var p90: ExactDecimal
  var range: Interval

  /// Rearranges `values` (at least one) in place.
  init(_ values: inout [ExactDecimal]) {
    let n = values.count
    func rank(_ p: Int) -> Int { max((p * n + 99) / 100, 1) - 1 }
    let r10 = rank(10), r50 = rank(50), r90 = rank(90)
    values.withUnsafeMutableBufferPointer { v in
      Self.select(v, r50, 0, n - 1)
      Self.select(v, r10, 0, r50)
      Self.select(v, r90, r50, n - 1)
    }
    p10 = values[r10]
    p50 = values[r50]
    p90 = values[r90]
    var lo = values[0], hi = values[0]
    for x in values {
      if x < lo { lo = x }
      if x > hi { hi = x }
    }
    range = Interval(lo, hi)
  }

  /// Hoare's selection: afterwards v[k] holds the k-th smallest of v[lo...hi], no larger value before it, no smaller after.
  static func select(_ v: UnsafeMutableBufferPointer<ExactDecimal>, _ k: Int, _ lo: Int, _ hi: Int) {
    var lo = lo, hi = hi
    while lo < hi {
      let mid = lo + (hi - lo) / 2
      let a = v[lo], b = v[mid], c = v[hi]
      // Median of three as the pivot (deterministic).
      let pivot = a < b ? (b < c ? b : (a < c ? c : a)) : (a < c ? a : (b < c ? c : b))
      var i = lo, j = hi
      while i <= j {
        while v[i] < pivot { i += 1 }
        while pivot < v[j] { j -= 1 }
        if i <= j {
          v.swapAt(i, j)
          i += 1
          j -= 1
        }
      }
      if k <= j { hi = j } else if k >= i { lo = i } else { return }
    }
  }
}
