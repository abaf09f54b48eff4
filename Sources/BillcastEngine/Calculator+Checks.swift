import BillcastCore
import BillcastPricing
import BillcastProfile

extension Calculator {
  /// Evaluates a component's numeric inputs and checks them against the service's bounds; also
  /// gives the exact value (a closed formula) of each input whose decimal value was rounded.
  mutating func evaluateInputs(_ component: ResolvedComponent) -> ([String: Interval], [String: ClosedFormula])? {
    var values: [String: Interval] = [:]
    var expansions: [String: ClosedFormula] = [:]
    var ok = true
    for input in component.service.inputs where input.isNumeric {
      guard let formula = component.numeric[input.name] else { continue }
      let given = component.component.inputs.first { $0.name == input.name }
      let location = given?.location ?? component.component.location
      let value: Interval
      do {
        let (v, exact) = try formula.evaluate(
          { builtin($0).map { Interval($0) } ?? workload[$0] }, expansion: { workloadExpansions[$0] })
        value = v
        if !exact {
          expansions[input.name] = ClosedFormula(
            formula, closed: { workloadExpansions[$0] },
            literal: { n in builtin(n).map { .number($0) } ?? workload[n].map(Formula.literal) })
        }
      } catch {
        diagnostics.add(location.diagnostic(.error, "\(input.name): \(error)"))
        ok = false
        continue
      }
      if value.low.magnitude > Estimator.quantityLimit || value.high.magnitude > Estimator.quantityLimit {
        diagnostics.add(location.diagnostic(.error, "\(input.name) = \(value) exceeds billcast's limit of 10^14"))
        ok = false
        continue
      }
      if let min = input.hardMinimum, value.low < min {
        diagnostics.add(
          location.diagnostic(
            .error, "\(input.name) = \(value) is below \(min), the least \(component.service.id) allows"))
        ok = false
      }
      if let max = input.hardMaximum, value.high > max {
        diagnostics.add(
          location.diagnostic(
            .error, "\(input.name) = \(value) is above \(max), the most \(component.service.id) allows"))
        ok = false
      }
      for rule in input.softRules where component.matches(rule.when) && inForce(from: rule.from, until: rule.until) {
        if let problem = Self.violation(of: rule, by: value) {
          if rule.isError {
            diagnostics.add(location.diagnostic(.error, "\(input.name) = \(value) \(problem): \(rule.message)"))
            ok = false
            continue
          }
          warnings.append(
            EstimateWarning(
              .softRule, message: "\(component.component.name): \(input.name) = \(value) \(problem): \(rule.message)",
              component: component.component.name, location: location))
        }
      }
      values[input.name] = value
    }
    if ok, let combinations = component.service.combinations, !checkCombinations(combinations, values, component) {
      ok = false
    }
    return ok ? (values, expansions) : nil
  }

  /// Inputs a service accepts only in certain combinations must be single values forming one of them.
  func checkCombinations(_ combinations: Combinations, _ values: [String: Interval], _ component: ResolvedComponent)
    -> Bool
  {
    var point: [String: ExactDecimal] = [:]
    for name in combinations.inputs {
      guard let v = values[name] else { continue }
      let location = component.component.inputs.first { $0.name == name }?.location ?? component.component.location
      guard v.isPoint else {
        diagnostics.add(
          location.diagnostic(
            .error, "\(name) = \(v) must be a single value: \(component.service.name) is configured with one size"))
        return false
      }
      point[name] = v.low
    }
    if combinations.allows(point) { return true }
    let given = combinations.inputs.map { "\($0) = \(point[$0]?.description ?? "?")" }.joined(separator: ", ")
    diagnostics.add(
      component.component.location.diagnostic(
        .error, "\(given) is not a valid size: \(combinations.message) (\(combinations.summary))"))
    return false
  }

  /// What is wrong with a value under a soft rule, or nil.
  static func violation(of rule: SoftRule, by value: Interval) -> String? {
    if let min = rule.minimum, value.low < min { return "is below \(min)" }
    if let max = rule.maximum, value.high > max { return "is above \(max)" }
    if let allowed = rule.oneOf, !(allowed.contains(value.low) && allowed.contains(value.high)) {
      return "is not one of \(allowed.map(\.description).joined(separator: ", "))"
    }
    if let step = rule.step {
      for v in [value.low, value.high] where !(v / step).isInteger { return "is not a multiple of \(step)" }
    }
    return nil
  }

  func inForce(from: CalendarDate?, until: CalendarDate?) -> Bool {
    if let from, asOf < from { return false }
    if let until, asOf >= until { return false }
    return true
  }

  /// A retired service is an error after its retirement date; past its last day for new resources, a warning.
  mutating func checkAvailability(_ component: ResolvedComponent) {
    if let (what, from) = component.launch(after: asOf) {
      diagnostics.add(
        component.component.serviceLocation.diagnostic(
          .error, "\(what) is available from \(from); the date priced is \(asOf)"))
    }
    guard let availability = component.service.availability else { return }
    let service = component.service
    let replacement = availability.replacement.map { "; price \($0) instead" } ?? ""
    if let from = availability.from, asOf < from {
      diagnostics.add(
        component.component.serviceLocation.diagnostic(
          .error, "\(service.name) (\(service.id)) is available from \(from); the date priced is \(asOf)"))
    } else if let until = availability.until, asOf > until {
      let newNote = availability.newUntil.map { " (no new resources after \($0))" } ?? ""
      diagnostics.add(
        component.component.serviceLocation.diagnostic(
          .error,
          "\(service.name) (\(service.id)) was retired on \(until)\(newNote)\(replacement), or price as of a date up to \(until) (as_of, --as-of)"
        ))
    } else if let until = availability.until, until < today {
      warnings.append(
        EstimateWarning(
          .retiredSince,
          message:
            "\(component.component.name): \(service.name) is priced as of \(asOf), but it was retired on \(until)\(availability.newUntil.map { " (no new resources after \($0))" } ?? "")\(replacement) for anything built today",
          component: component.component.name, location: component.component.serviceLocation))
    } else if let newUntil = availability.newUntil, asOf > newUntil {
      warnings.append(
        EstimateWarning(
          .availability,
          message:
            "\(component.component.name): \(service.name) accepts no new resources after \(newUntil)\(availability.until.map { " and is retired on \($0)" } ?? "")\(replacement)",
          component: component.component.name, location: component.component.serviceLocation))
    }
  }

  /// The service's notes in force for this component.
  mutating func addNotes(_ component: ResolvedComponent) {
    for note in component.service.notes
    where note.severity == .warning && component.matches(note.when) && inForce(from: note.from, until: note.until) {
      warnings.append(
        EstimateWarning(
          .note(note.code), message: "\(component.component.name): \(note.message)",
          component: component.component.name, location: nil))
    }
  }

  /// Checks that an account meter's cost stays within ``Estimator/costLimit``: its billable
  /// quantity times the ladder's highest rate, computed with overflow reported, bounds the cost.
  mutating func checkCostLimit(
    _ a: Aggregate, billable: ExactDecimal, usages: [Usage], architecture: ResolvedArchitecture
  ) -> Bool {
    let highest = a.ladder.tiers.map(\.rate).max() ?? .zero
    let (product, overflow) = billable.multipliedReportingOverflow(by: highest)
    let (bound, divisionOverflow) = product.dividedReportingOverflow(by: a.ladder.per)
    guard overflow || divisionOverflow || bound > Estimator.costLimit else { return true }
    let first = architecture.components[usages[a.usages[0]].component]
    let amount = overflow || divisionOverflow ? "more than billcast can represent" : "up to $\(bound)"
    diagnostics.add(
      first.component.location.diagnostic(
        .error,
        "\(a.key) would cost \(amount) a month (\(billable) \(a.unit)), above billcast's limit of $10^12 per account meter"
      ))
    return false
  }

  /// Warns when an input is just a workload variable whose declared unit is not the input's
  /// (`size: {value: 500, unit: MB}` given to `storage_gb`, in GB-month): billcast does not convert it.
  mutating func checkUnits(_ component: ResolvedComponent) {
    for input in component.service.inputs {
      guard case .name(let name)? = component.numeric[input.name], let declared = workloadUnits[name],
        case .numeric(let unit) = input.kind, !unit.isEmpty, !Self.sameUnit(declared, unit)
      else { continue }
      let location = component.component.inputs.first { $0.name == input.name }?.location
      warnings.append(
        EstimateWarning(
          .unitMismatch,
          message:
            "\(component.component.name): \(input.name) is measured in \(unit), but the workload variable \(name) it is given is in \(TerminalText.excerpt(declared)); billcast does not convert units, so its value is taken as \(unit)",
          component: component.component.name, location: location ?? component.component.location))
    }
  }

  /// Whether a declared unit is an input's, ignoring case and a per-period suffix
  /// (`GB` is `GB-month`'s and `GB/month`'s unit, `requests` is `requests/month`'s).
  static func sameUnit(_ a: String, _ b: String) -> Bool {
    func base(_ u: String) -> String {
      String(u.lowercased().prefix { $0 != "/" && $0 != "-" && $0 != " " }).trimmingCharacters(in: .whitespaces)
    }
    let (x, y) = (base(a), base(b))
    return x == y || x + "s" == y || x == y + "s"
  }
}
