import BillcastCore

/// A compiled Monte Carlo: per architecture and month, the cost model with its growth and
/// accumulation as array indices, and the parameters every path draws.
struct MonteCarloRun: Sendable {
  /// One architecture-month. A class: the inner loop reads one per architecture-month, and
  /// copying a struct of arrays out of the list retained each array every time.
  final class Step: Sendable {
    let model: CostModel
    let grown: [(slot: Int, growth: Int)]
    let accumulate: [(slot: Int, index: Int, increment: CompiledFormula)]
    /// What changes since the previous month, when that month's model computes the same (else everything).
    let recompute: CostModel.Recompute?

    init(
      model: CostModel, grown: [(slot: Int, growth: Int)],
      accumulate: [(slot: Int, index: Int, increment: CompiledFormula)], recompute: CostModel.Recompute?
    ) {
      self.model = model
      self.grown = grown
      self.accumulate = accumulate
      self.recompute = recompute
    }
  }

  /// Per architecture, per month: the step, or nil where the architecture is unavailable.
  let steps: [[Step?]]
  let parameters: [ParameterRegistry.Parameter]
  /// Each parameter's key hashed, for its per-path draw.
  let keys: [UInt64]
  let seed: UInt64
  let growth: [ForecastPlan.GrowthProgram]
  let accumulateCount: Int
  let monthCount: Int
  let reusesUnchangedValues: Bool

  /// The buffers one thread prices its paths in, reused from path to path.
  struct Scratch {
    var values: [ExactDecimal]
    var rates: [ExactDecimal]
    var factors: [ExactDecimal]
    var accumulated: [ExactDecimal]
    var workload: [ExactDecimal] = []
    var quantities: [ExactDecimal] = []
    var usages: [ExactDecimal] = []
    var adjustments: [CostModel.Adjustment?] = []

    init(parameters: Int, growth: Int, accumulate: Int) {
      values = Array(repeating: .zero, count: parameters)
      rates = Array(repeating: .zero, count: growth)
      factors = rates
      accumulated = Array(repeating: .zero, count: accumulate)
    }

    /// Sizes the per-model buffers for `model`.
    mutating func fit(_ model: CostModel) {
      if workload.count != model.variables.count { workload = Array(repeating: .zero, count: model.variables.count) }
      if quantities.count != model.meterCount { quantities = Array(repeating: .zero, count: model.meterCount) }
      if usages.count != model.usageCount { usages = Array(repeating: .zero, count: model.usageCount) }
      if adjustments.count != model.variables.count {
        adjustments = Array(repeating: nil, count: model.variables.count)
      }
    }
  }

  /// Prices the paths in `range`: per architecture and month, one total per path, in one flat
  /// buffer at ((architecture × months + month) × paths + path − range.lowerBound); and the
  /// first failure, if any (which stops the chunk).
  func paths(_ range: Range<Int>, progress: ForecastPlan.ProgressCounter?) -> (
    totals: [[[ExactDecimal]]], failure: String?
  ) {
    let n = range.count
    var flat = [ExactDecimal](repeating: .zero, count: steps.count * monthCount * n)
    var scratch = Scratch(parameters: parameters.count, growth: growth.count, accumulate: accumulateCount)
    var failure: String?
    for path in range {
      drawParameters(path: path, into: &scratch.values)
      do {
        try price(path: path - range.lowerBound, of: n, scratch: &scratch, into: &flat)
      } catch {
        failure = "path \(path): \(error)"
        break
      }
      if let progress,
        (path - range.lowerBound) % ForecastPlan.ProgressCounter.stride == ForecastPlan.ProgressCounter.stride - 1
      {
        progress.add(ForecastPlan.ProgressCounter.stride)
      }
    }
    let totals = steps.indices.map { a in
      (0..<monthCount).map { m in
        steps[a][m] == nil ? [] : Array(flat[((a * monthCount + m) * n)..<((a * monthCount + m) * n + n)])
      }
    }
    return (totals, failure)
  }

  /// One draw per parameter for a path, shared by every architecture and month.
  @inline(__always)
  func drawParameters(path: Int, into values: inout [ExactDecimal]) {
    for (k, p) in parameters.enumerated() {
      let u = Sampling.uniform(seed: seed, key: keys[k], path: path)
      if let low = p.low, let high = p.high {
        values[k] = Sampling.value(low: low, high: high, u: u, distribution: p.distribution)
      } else {
        values[k] = Sampling.exactFraction(Sampling.fraction(u, distribution: p.distribution))
      }
    }
  }

  /// Prices one path (its parameters drawn into the scratch) through every architecture and
  /// month; path `p` of the `n` in the chunk's flat buffer.
  @inline(__always)
  func price(path p: Int, of n: Int, scratch s: inout Scratch, into flat: inout [ExactDecimal])
    throws(FormulaEvaluationError)
  {
    for g in growth.indices { s.rates[g] = try growth[g].rate(s.values) }
    for (a, list) in steps.enumerated() {
      for g in s.factors.indices { s.factors[g] = .one }
      for i in s.accumulated.indices { s.accumulated[i] = .zero }
      for m in 0..<monthCount {
        guard let step = list[m] else { continue }
        flat[(a * monthCount + m) * n + p] = try price(step, month: m, scratch: &s)
      }
    }
  }

  /// One month of one path: adjust the workload for growth and accumulation, price it, and
  /// carry the accumulations and compound factors to the next month.
  @inline(__always)
  func price(_ step: Step, month m: Int, scratch s: inout Scratch) throws(FormulaEvaluationError) -> ExactDecimal {
    let model = step.model
    s.fit(model)
    for (slot, g) in step.grown {
      s.adjustments[slot] = try growth[g].adjustment(
        month: m + 1, rate: s.rates[g], factor: s.factors[g], parameters: s.values)
    }
    for (slot, index, _) in step.accumulate {
      var adjustment = s.adjustments[slot] ?? CostModel.Adjustment()
      adjustment.add += s.accumulated[index]
      s.adjustments[slot] = adjustment
    }
    // The previous month of this path left its workload and usages in the buffers.
    let recompute = m > 0 && reusesUnchangedValues ? step.recompute : nil
    try model.fillWorkload(&s.workload, parameters: s.values, adjustments: s.adjustments, only: recompute?.workload)
    let total = try model.total(
      workload: s.workload, parameters: s.values, quantities: &s.quantities, usages: &s.usages, only: recompute?.usages)
    // Only the slots set above hold adjustments: clear them for the next step.
    for (slot, _) in step.grown { s.adjustments[slot] = nil }
    for (slot, _, _) in step.accumulate { s.adjustments[slot] = nil }
    for (_, index, increment) in step.accumulate {
      s.accumulated[index] += try increment.evaluate(s.workload, parameters: s.values)
    }
    // Next month's compound factors.
    for g in s.factors.indices where growth[g].kind == .compound {
      let r = s.factors[g].multipliedReportingOverflow(by: .one + s.rates[g])
      if r.overflow { throw FormulaEvaluationError.overflow }
      s.factors[g] = r.partialValue
    }
    return total
  }

  /// The chunks' totals joined, path order kept: per architecture, per month, every path.
  func merge(_ chunks: [[[[ExactDecimal]]]], architectures: [String]) -> [String: ForecastPlan.Sampled] {
    var result: [String: ForecastPlan.Sampled] = [:]
    for (a, name) in architectures.enumerated() {
      var merged = Array(repeating: [ExactDecimal](), count: monthCount)
      for chunk in chunks where a < chunk.count {
        for (m, values) in chunk[a].enumerated() { merged[m] += values }
      }
      result[name] = ForecastPlan.Sampled(totals: merged)
    }
    return result
  }
}
