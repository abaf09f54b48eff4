/// One value a bill measured, to write into a profile.
public struct CalibratedValue: Sendable, Hashable {
  /// Where a calibrated value goes.
  public enum Target: Sendable, Hashable {
    /// A workload variable: `workload.NAME`, and the scenario's override of it if that scenario overrides it.
    case workload(variable: String, scenario: String?)
    /// A component's input: `architectures.A.components.C.inputs.I` for a hand-written component,
    /// `architectures.A.usage.C.I` for a component read from a template (C is its logical ID, `Stack/ID`
    /// in a nested stack; an input the template states goes under `usage.C.override.I`).
    case input(architecture: String, component: String, input: String)
  }

  /// Where the value goes.
  public var target: Target
  /// The new YAML value text, e.g. `41250..52000` or `412.5` (a valid billcast value).
  public var value: String
  /// The comment written after it, e.g. `calibrated from the bill, 2026-09..2026-11 (3 months); was: …`.
  public var comment: String

  /// Creates a calibrated value.
  public init(target: Target, value: String, comment: String) {
    self.target = target
    self.value = value
    self.comment = comment
  }
}
