import BillcastCore

/// Finds break-even points by bisection that exploits piecewise linearity.
///
/// Each architecture's monthly total is piecewise linear in any one workload
/// variable: formulas multiply it by constants, tiers and free tiers bend it at
/// a few points, `ceil` steps it. The search prices every architecture at both
/// ends of a stretch and at its midpoint. When each total is colinear across
/// the three points and the cheapest is the same at both ends, the stretch holds
/// no change of the cheapest and is accepted whole (slopes equal to 10^-12 dollars per unit); otherwise it is halved, down
/// to the variable's step, where a change is pinned exactly. A range of 10M with
/// a handful of bends costs a few hundred points instead of ten million.
package enum BreakEvenSearch {
  static func run(
    models: [(String, CostModel)], variable: String, from: ExactDecimal, to: ExactDecimal, step: ExactDecimal,
    scenario: String
  ) throws -> BreakEven {
    guard !models.isEmpty else {
      return BreakEven(
        scenario: scenario, variable: variable, from: from, to: to, step: step, crossings: [], segments: [],
        evaluations: 0)
    }
    var search = Search(models: models, variable: variable, step: step)
    let lo = from, hi = ExactDecimal.maximum(from, to)
    let a = try search.price(lo), b = try search.price(hi)
    try search.explore(lo, a, hi, b, depth: 0)
    search.changes.sort { $0.at < $1.at }
    var segments: [BreakEven.Segment] = []
    var start = lo
    var current = search.cheapest(a)
    for c in search.changes {
      segments.append(.init(from: start, to: c.at - step, cheapest: current))
      start = c.at
      current = c.to
    }
    segments.append(.init(from: start, to: hi, cheapest: current))
    return BreakEven(
      scenario: scenario, variable: variable, from: lo, to: hi, step: step, crossings: search.changes,
      segments: segments, evaluations: search.evaluations)
  }

  struct Search {
    let models: [(String, CostModel)]
    let slots: [Int?]
    let step: ExactDecimal
    var evaluations = 0
    var changes: [BreakEven.Crossing] = []
    static let slopeTolerance = ExactDecimal(raw: 1_000_000)  // 10^-12
    static let maximumEvaluations = 200_000

    init(models: [(String, CostModel)], variable: String, step: ExactDecimal) {
      self.models = models
      self.slots = models.map { $0.1.slot(of: variable) }
      self.step = step
    }

    mutating func price(_ x: ExactDecimal) throws -> [ExactDecimal] {
      evaluations += 1
      var totals: [ExactDecimal] = []
      for (i, (_, model)) in models.enumerated() {
        totals.append(try slots[i].map { try model.total(fixing: [$0: x]) } ?? model.total())
      }
      return totals
    }

    /// The cheapest architecture's name; ties go to the one listed first.
    func cheapest(_ totals: [ExactDecimal]) -> String { models[index(totals)].0 }

    func index(_ totals: [ExactDecimal]) -> Int {
      var best = 0
      for i in totals.indices where totals[i] < totals[best] { best = i }
      return best
    }

    /// The grid point halfway between two grid points (rounded down to the step).
    func midpoint(_ lo: ExactDecimal, _ hi: ExactDecimal) -> ExactDecimal {
      let steps = ((hi - lo) / step).floor()
      return lo + (steps / 2).floor() * step
    }

    /// Whether a stretch that looks linear at its ends and midpoint steps instead: the slope over
    /// its first and last grid step differs from the slope across it.
    ///
    /// A step function such as `ceil(users / 1000)` is colinear at any three points whose steps
    /// happen to line up, and would hide every crossing between them; its slope over one grid
    /// step is 0 or a whole jump, never the average. (Exact decimals round at the 18th digit, so
    /// one step's slope is compared within 10^-12 plus that rounding over the step.)
    mutating func steppedNear(_ lo: ExactDecimal, _ a: [ExactDecimal], _ hi: ExactDecimal, _ b: [ExactDecimal])
      throws -> Bool
    {
      guard hi - lo > step + step else { return false }
      let first = try price(lo + step), last = try price(hi - step)
      let tolerance = Self.slopeTolerance + ExactDecimal(raw: 4) / step
      return a.indices.contains { i in
        let across = (b[i] - a[i]) / (hi - lo)
        return ((first[i] - a[i]) / step - across).magnitude > tolerance
          || ((b[i] - last[i]) / step - across).magnitude > tolerance
      }
    }

    mutating func explore(_ lo: ExactDecimal, _ a: [ExactDecimal], _ hi: ExactDecimal, _ b: [ExactDecimal], depth: Int)
      throws
    {
      let ia = index(a), ib = index(b)
      if hi - lo <= step {
        if ia != ib {
          changes.append(
            .init(
              at: hi, from: models[ia].0, to: models[ib].0, fromCostBefore: a[ia], toCostBefore: a[ib],
              fromCostAt: b[ia], toCostAt: b[ib]))
        }
        return
      }
      let mid = midpoint(lo, hi)
      let m = try price(mid)
      if ia == ib && index(m) == ia {
        // Colinear at lo, mid, hi for every architecture: the slopes on both halves agree to
        // within 10^-12 dollars per unit (exact decimals still round a division like /30 at
        // the 18th digit; a real bend, such as a free tier running out, changes the slope by
        // far more than that).
        let linear = a.indices.allSatisfy {
          let left = (m[$0] - a[$0]) / (mid - lo), right = (b[$0] - m[$0]) / (hi - mid)
          return (left - right).magnitude <= Self.slopeTolerance
        }
        if linear, try steppedNear(lo, a, hi, b) == false { return }
      }
      if evaluations > Self.maximumEvaluations {
        throw BreakEvenError.tooManyPoints(Self.maximumEvaluations)
      }
      try explore(lo, a, mid, m, depth: depth + 1)
      try explore(mid, m, hi, b, depth: depth + 1)
    }
  }
}
