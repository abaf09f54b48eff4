import BillcastCore
import Foundation
import BillcastPricing
import BillcastProfile

/// Evaluates workload variables, each formula after the variables it names.
package enum WorkloadEvaluator {
  /// The value of every variable, or nil (with errors reported) if one cannot be evaluated.
  ///
  /// `adjust` changes a variable's value after its formula (a forecast month's growth);
  /// `adjustedAt` says where that change is written and in which month, so a value it pushes past
  /// a limit is reported there (`forecast.growth.page_views`, month 37), not at the variable.
  package static func evaluate(
    _ variables: [WorkloadVariable], overrides: [WorkloadVariable], monthHours: ExactDecimal,
    month: CalendarDate? = nil, diagnostics: DiagnosticCollector,
    adjust: ((String, Interval) throws(FormulaEvaluationError) -> Interval)? = nil,
    adjustedAt: ((String) -> (location: SourceLocation, context: String)?)? = nil
  ) -> [String: Interval]? {
    var expansions: [String: ClosedFormula] = [:]
    return evaluate(
      variables, overrides: overrides, monthHours: monthHours, month: month, diagnostics: diagnostics,
      expansions: &expansions,
      adjust: adjust, adjustedAt: adjustedAt)
  }

  /// The value of every variable, and in `expansions` the exact value of each variable whose
  /// value had to be rounded (a closed formula), for the formulas that use it.
  static func evaluate(
    _ variables: [WorkloadVariable], overrides: [WorkloadVariable], monthHours: ExactDecimal,
    month: CalendarDate? = nil, diagnostics: DiagnosticCollector,
    expansions: inout [String: ClosedFormula],
    adjust: ((String, Interval) throws(FormulaEvaluationError) -> Interval)? = nil,
    adjustedAt: ((String) -> (location: SourceLocation, context: String)?)? = nil
  ) -> [String: Interval]? {
    var byName: [String: WorkloadVariable] = [:]
    for v in variables { byName[v.name] = v }
    for o in overrides { byName[o.name] = o }
    var values: [String: Interval] = [:]
    var failed = false
    let builtin = { (n: String) in Builtins.value(n, hours: monthHours, month: month) }
    // Each variable after those it names (cycles were reported when the profile was read).
    let order = DependencyOrder.order(roots: variables.map(\.name)) { name in
      byName[name].map { $0.value.names.filter { byName[$0] != nil } }
    }.order
    for name in order {
      guard let variable = byName[name] else { continue }
      do {
        let known = expansions
        var (v, exact) = try variable.value.evaluate(
          { n in builtin(n).map { Interval($0) } ?? values[n] }, expansion: { known[$0] })
        var place: (location: SourceLocation, context: String)?
        if let adjust {
          let formulaValue = v
          do {
            v = try adjust(name, v)
          } catch {
            let at = adjustedAt?(name)
            diagnostics.add(
              (at?.location ?? variable.location).diagnostic(
                .error, "\(at.map { $0.context + ": " } ?? "")\(name): \(error)"))
            failed = true
            continue
          }
          if v != formulaValue { place = adjustedAt?(name) }
        } else if !exact {
          expansions[name] = ClosedFormula(
            variable.value, closed: { known[$0] },
            literal: { n in builtin(n).map { .number($0) } ?? values[n].map(Formula.literal) })
        }
        if v.low.magnitude > Estimator.quantityLimit || v.high.magnitude > Estimator.quantityLimit {
          diagnostics.add(
            (place?.location ?? variable.location).diagnostic(
              .error, "\(place.map { $0.context + ": " } ?? "")\(name) = \(v) exceeds billcast's limit of 10^14"))
          failed = true
          continue
        }
        values[name] = v
      } catch .unknownName {
        continue  // reported where the named variable failed, or at load
      } catch {
        diagnostics.add(variable.location.diagnostic(.error, "\(name): \(error)"))
        failed = true
      }
    }
    return failed || values.count != byName.count ? nil : values
  }
}
