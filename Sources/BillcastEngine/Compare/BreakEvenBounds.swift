import BillcastCore
import BillcastProfile

/// Where a break-even search may go: the step grid's size, and the inputs' hard bounds.
///
/// A search that varies `lambda_memory_mb` past Lambda's 10,240 MB, or `page_views` past
/// billcast's quantity limit, would price a workload that `estimate` rejects. The search
/// stops at the largest value on the step grid at which every architecture still prices,
/// and says why it stopped.
enum BreakEvenBounds {
  /// The most points the step grid may have between `from` and `to`.
  static let maximumSteps = ExactDecimal(raw: 1_000_000_000_000 * ExactDecimal.scale)  // 10^12
  /// The most fractional digits `step` may have.
  static let stepFractionDigits = 9

  /// The problems with a step and range, if any: too fine a step, or too many points.
  static func gridProblems(from: ExactDecimal, to: ExactDecimal, step: ExactDecimal) -> [String] {
    var problems: [String] = []
    if !(step > .zero) { problems.append("the step must be above zero") }
    if step.rounded(toFractionDigits: stepFractionDigits) != step {
      problems.append("the step \(step) has more than \(stepFractionDigits) decimal places")
    }
    if problems.isEmpty, to > from {
      let (steps, overflow) = (to - from).dividedReportingOverflow(by: step)
      if overflow || steps > maximumSteps {
        problems.append("the range \(from) to \(to) holds more than 10^12 steps of \(step); use a coarser step")
      }
    }
    return problems
  }

  /// The largest grid value in `from...to` at which every architecture prices, and why the
  /// next one does not (nil when `to` itself prices); nil result when `from` does not price.
  static func limit(
    from: ExactDecimal, to: ExactDecimal, step: ExactDecimal, problem: (ExactDecimal) -> String?
  ) -> (limit: ExactDecimal, reason: String?)? {
    if problem(from) != nil { return nil }
    guard let first = problem(to) else { return (to, nil) }
    var lo = from, hi = to, reason = first
    while hi - lo > step {
      let steps = ((hi - lo) / step).floor()
      let mid = lo + (steps / 2).floor() * step
      if mid == lo { break }
      if let p = problem(mid) { hi = mid; reason = p } else { lo = mid }
    }
    return (lo, "above \(lo), \(reason)")
  }

  /// The first problem in pricing `scenario` with `variable` fixed to `x`, or nil if it prices.
  static func problem(
    at x: ExactDecimal, variable: String, scenario: String?, architectures: [String], resolved: ResolvedProfile,
    options: EstimateOptions
  ) -> String? {
    let profile = resolved.profile
    let collector = DiagnosticCollector()
    let overrides = profile.scenarios.first { $0.name == scenario }?.overrides ?? []
    let workload = WorkloadEvaluator.evaluate(
      profile.workload, overrides: overrides, monthHours: options.monthHours, month: options.month,
      diagnostics: collector,
      adjust: { name, value in name == variable ? Interval(x) : value })
    guard let workload, !collector.hasErrors else {
      return collector.errors.first.map(describe) ?? "the workload does not evaluate"
    }
    var fixed = options
    fixed.workload = workload
    fixed.scenarios = scenario.map { [$0] }
    fixed.architectures = architectures
    do {
      _ = try Estimator.estimate(resolved, options: fixed)
      return nil
    } catch {
      return error.diagnostics.first.map(describe) ?? "it does not price"
    }
  }

  static func describe(_ d: Diagnostic) -> String { (d.path.isEmpty ? "" : d.path + ": ") + d.message }
}
