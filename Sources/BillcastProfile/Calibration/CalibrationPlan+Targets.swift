import BillcastCore
import Foundation
import Yams

extension CalibrationPlan {
  /// Plans one calibrated value: finds its target in the profile, or says why it cannot.
  mutating func add(_ value: CalibratedValue) {
    switch value.target {
    case .workload(let name, let scenario):
      addWorkload(value, name: name, scenario: scenario)
    case .input(let architecture, let component, let input):
      addInput(value, architecture: architecture, component: component, input: input)
    }
  }

  /// Whether the value text can be written at all; an error at `use` if not.
  mutating func checkValue(_ value: CalibratedValue, use: String, at location: SourceLocation) -> Bool {
    let v = value.value
    if v.trimmingCharacters(in: .whitespaces).isEmpty || v.unicodeScalars.contains(where: YAMLText.isBreak) {
      problems.append(
        Diagnostic(
          file: path, line: location.line, column: location.column, path: use,
          message:
            "the calibrated value '\(TerminalText.excerpt(v))' must be one line of text: a number, a range, a formula or a choice"
        ))
      return false
    }
    return true
  }

  private mutating func addWorkload(_ value: CalibratedValue, name: String, scenario: String?) {
    let base = ["workload", name]
    let known = profile.workload.map(\.name) + profile.unreadableVariables.sorted()
    guard known.contains(name) else {
      let at = profile.workloadLocation
      problems.append(
        Diagnostic(
          file: path, line: at.line, column: at.column, path: base.joined(separator: "."),
          message: "no such workload variable\(Spelling.hint(for: name, among: known))"))
      return
    }
    let at = profile.workload.first { $0.name == name }?.location ?? profile.workloadLocation
    guard checkValue(value, use: "workload.\(name)", at: at) else { return }
    do {
      _ = try Formula.parse(value.value)
    } catch {
      problems.append(
        Diagnostic(
          file: path, line: at.line, column: at.column, path: "workload.\(name)",
          message: "the calibrated value '\(TerminalText.excerpt(value.value))' is not a formula: \(error.message)"))
      return
    }
    writeVariable(base, value: value)
    guard let scenario else { return }
    guard let s = profile.scenarios.first(where: { $0.name == scenario }) else {
      if profile.scenarios.isEmpty && scenario == Scenario.defaultName { return }
      let names = profile.scenarios.map(\.name)
      let at: Node? = if case .found(let key, _, _, _) = walk(["scenarios"]) { key } else { root }
      problems.append(
        diagnostic(
          at: at, path: "scenarios.\(scenario)", "no such scenario\(Spelling.hint(for: scenario, among: names))"))
      return
    }
    if s.overrides.contains(where: { $0.name == name }) {
      writeVariable(["scenarios", scenario, "workload", name], value: value)
    }
  }

  /// A variable given as `{value: …, unit: …}` is calibrated in its `value`.
  private mutating func writeVariable(_ chain: [String], value: CalibratedValue) {
    if case .found(_, .mapping, _, _) = walk(chain) {
      write(chain + ["value"], creatable: 0, value: value)
    } else {
      write(chain, creatable: 0, value: value)
    }
  }

  private mutating func addInput(_ value: CalibratedValue, architecture a: String, component c: String, input i: String)
  {
    guard let architecture = profile.architectures.first(where: { $0.name == a }) else {
      let at: Node? = if case .found(let key, _, _, _) = walk(["architectures"]) { key } else { root }
      problems.append(
        diagnostic(
          at: at, path: "architectures.\(a)",
          "no such architecture\(Spelling.hint(for: a, among: profile.architectures.map(\.name)))"))
      return
    }
    guard let component = architecture.components.first(where: { $0.name == c }) else {
      let loc = architecture.location
      problems.append(
        Diagnostic(
          file: path, line: loc.line, column: loc.column, path: "architectures.\(a).components.\(c)",
          message:
            "no such component in architecture '\(a)' (hand-written or read from its templates)\(Spelling.hint(for: c, among: architecture.components.map(\.name)))"
        ))
      return
    }
    let use =
      component.usagePath.map { "\($0).\(i)" } ?? "architectures.\(a).components.\(c).inputs.\(i)"
    guard checkValue(value, use: use, at: component.location) else { return }
    guard let usagePath = component.usagePath else {
      write(["architectures", a, "components", c, "inputs", i], creatable: 2, value: value)
      return
    }
    // A template's component: its usage entry (`ssr` for the instances `ssr[0]`, `ssr[1]`).
    let key = String(usagePath.dropFirst("architectures.\(a).usage.".count))
    let base = ["architectures", a, "usage", key]
    if has(base + [i]) {
      write(base + [i], creatable: 0, value: value)
    } else if has(base + ["override", i]) || component.inputs.contains(where: { $0.name == i && $0.statedByTemplate }) {
      write(base + ["override", i], creatable: 4, value: value)
    } else {
      write(base + [i], creatable: 3, value: value)
    }
  }
}
