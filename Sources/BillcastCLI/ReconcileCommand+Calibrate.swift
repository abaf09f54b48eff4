import BillcastCore
import BillcastEngine
import BillcastProfile
import Foundation

extension ReconcileCommand {
  /// The profile rewritten with the workload the bills measured, for `--calibrate`.
  ///
  /// A measured input the profile writes as one workload variable (`duration_ms:
  /// lambda_duration_ms`) calibrates that variable, when every input that uses the variable was
  /// measured with the same values; any other calibrates the component's input itself. A value
  /// is the months' range (`380..420`), or one number when every month measured the same.
  static func calibrated(_ r: Reconciliation, resolved: ResolvedProfile, bills: [String]) throws(DiagnosticError)
    -> String
  {
    let profile = resolved.profile
    let architecture = resolved.architectures.first { $0.architecture.name == r.architecture }!
    let months = r.months.map(\.month)
    let span = months.count == 1 ? months[0] : "\(months.first!)..\(months.last!)"
    // Every (component, input) whose formula names each workload variable.
    var users: [String: Set<String>] = [:]
    for component in architecture.components {
      for (input, formula) in component.numeric {
        for name in formula.names { users[name, default: []].insert(component.component.name + "." + input) }
      }
    }
    var byVariable: [String: [CalibratedInput]] = [:]
    for input in r.calibration { if let v = input.variable { byVariable[v, default: []].append(input) } }
    var values: [CalibratedValue] = []
    var written = Set<String>()
    for input in r.calibration {
      let numbers = input.values.map(\.value)
      let low = numbers.min()!, high = numbers.max()!
      let text = low == high ? low.description : "\(low)..\(high)"
      let was = input.written.isEmpty ? "its default" : input.written
      let comment =
        "calibrated by billcast reconcile from the bill, \(span) (\(input.values.map { "\($0.month): \($0.value)" }.joined(separator: ", "))); was: \(was)"
      if let variable = input.variable, let group = byVariable[variable],
        Set(group.map { $0.component + "." + $0.input }) == users[variable],
        group.allSatisfy({ $0.values.map(\.value) == numbers })
      {
        if written.insert("workload " + variable).inserted {
          values.append(
            CalibratedValue(
              target: .workload(variable: variable, scenario: r.scenario == "default" ? nil : r.scenario), value: text,
              comment: comment))
        }
        continue
      }
      values.append(
        CalibratedValue(
          target: .input(architecture: r.architecture, component: input.component, input: input.input), value: text,
          comment: comment))
    }
    let text: String
    do {
      text = try String(contentsOfFile: profile.path, encoding: .utf8)
    } catch {
      throw DiagnosticError([Diagnostic(file: profile.path, message: "cannot read the profile again: \(error)")])
    }
    let header = [
      "Calibrated by billcast reconcile: architecture \(r.architecture), scenario \(r.scenario), months \(span),",
      "from \(bills.joined(separator: ", ")). Each calibrated value says which months it came from.",
    ]
    return try ProfileCalibration.rewrite(text, path: profile.path, values: values, header: header)
  }
}
