import BillcastCore

/// Pricing month after month of one path: only what changed since the previous month.
///
/// Within one Monte Carlo path the sampled parameters are fixed, so from one month to the
/// next only the variables that grow or accumulate change, the formulas that differ from the
/// previous month's model (a scenario's override, the month's hours), and whatever is computed
/// from them. The rest is carried over; the result is the same as pricing the month afresh.
extension CostModel {
  /// What to recompute in a month whose model computes the same as the previous month's.
  package struct Recompute: Sendable {
    /// Workload slots, in evaluation order.
    package var workload: [Int]
    /// Usage formulas.
    package var usages: [Int]
  }

  /// What to recompute when the variables in `changed` (slots) change, given the model of the
  /// previous month; nil when everything must be computed (no previous month, or a model of a
  /// different shape). A formula that differs from the previous month's (a scenario's
  /// override, a month's hours) is recomputed, with everything computed from it.
  package func recompute(changed: Set<Int>, after previous: CostModel?) -> Recompute? {
    guard let previous, previous.variables == variables, previous.usageAggregate == usageAggregate,
      previous.workloadList.count == workloadList.count, previous.usageList.count == usageList.count
    else { return nil }
    var varying = changed
    // Variables are in evaluation order, so one pass reaches everything computed from a changed one.
    for i in 0..<workloadList.count where !varying.contains(i) {
      if !workloadList.isSame(i, as: previous.workloadList) || !workloadList.slotsRead(by: i).isDisjoint(with: varying)
      {
        varying.insert(i)
      }
    }
    let usages = (0..<usageList.count).filter {
      !usageList.isSame($0, as: previous.usageList) || !usageList.slotsRead(by: $0).isDisjoint(with: varying)
    }
    return Recompute(workload: varying.sorted(), usages: usages)
  }

  /// The number of usage formulas (the size of a usage buffer).
  package var usageCount: Int { usageAggregate.count }

  /// Fills `values` like ``fillWorkload(_:parameters:adjustments:)``, recomputing only `only` (slots) when given.
  package func fillWorkload(
    _ values: inout [ExactDecimal], parameters: [ExactDecimal], adjustments: [Adjustment?], only: [Int]?
  ) throws(FormulaEvaluationError) {
    guard let only else { return try fillWorkload(&values, parameters: parameters, adjustments: adjustments) }
    try workloadList.withEvaluator { (ev: CompiledFormulaList.Evaluator) throws(FormulaEvaluationError) -> Void in
      try parameters.withUnsafeBufferPointer {
        (p: UnsafeBufferPointer<ExactDecimal>) throws(FormulaEvaluationError) -> Void in
        try values.withUnsafeMutableBufferPointer {
          (out: inout UnsafeMutableBufferPointer<ExactDecimal>) throws(FormulaEvaluationError) -> Void in
          let slots = UnsafeBufferPointer(out)
          for i in only {
            out[i] = try Self.adjusted(try ev.evaluate(i, slots: slots, parameters: p), adjustments[i])
          }
        }
      }
    }
  }

  /// The monthly total, keeping each usage's quantity in `usages` (``usageCount`` long) between
  /// calls and recomputing only `only` (usage indices) when given.
  package func total(
    workload values: [ExactDecimal], parameters: [ExactDecimal], quantities: inout [ExactDecimal],
    usages: inout [ExactDecimal], only: [Int]?
  ) throws(FormulaEvaluationError) -> ExactDecimal {
    let usageAggregate = self.usageAggregate
    try usageList.withEvaluator { (ev: CompiledFormulaList.Evaluator) throws(FormulaEvaluationError) -> Void in
      try values.withUnsafeBufferPointer {
        (slots: UnsafeBufferPointer<ExactDecimal>) throws(FormulaEvaluationError) -> Void in
        try parameters.withUnsafeBufferPointer {
          (p: UnsafeBufferPointer<ExactDecimal>) throws(FormulaEvaluationError) -> Void in
          try usages.withUnsafeMutableBufferPointer {
            (out: inout UnsafeMutableBufferPointer<ExactDecimal>) throws(FormulaEvaluationError) -> Void in
            func evaluate(_ i: Int) throws(FormulaEvaluationError) {
              let q = try ev.evaluate(i, slots: slots, parameters: p)
              if q.isNegative { throw .invertedRange("negative quantity \(q) for \(self.meters[usageAggregate[i]])") }
              out[i] = q
            }
            if let only {
              for i in only { try evaluate(i) }
            } else {
              for i in 0..<usageAggregate.count { try evaluate(i) }
            }
          }
        }
      }
    }
    usages.withUnsafeBufferPointer { u in
      quantities.withUnsafeMutableBufferPointer { q in
        for i in 0..<q.count { q[i] = .zero }
        usageAggregate.withUnsafeBufferPointer { agg in
          for i in 0..<agg.count { q[agg[i]] += u[i] }
        }
      }
    }
    return priceQuantities(&quantities)
  }
}
