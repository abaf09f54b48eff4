import BillcastCore

/// How often a template's schedule runs in a month, read from its expression and its state.
enum ScheduleRuns {
  /// It runs: a formula over the month priced, the property it comes from, and what in it
  /// billcast does not apply (a year field).
  case runs(formula: String, caveats: [String], property: String, location: SourceLocation)
  /// It never runs in a steady month, with why: disabled, or a one-time `at(…)` schedule.
  case never(why: String, property: String, location: SourceLocation)
  /// Its expression or state cannot be known statically.
  case unresolved(property: String, node: TemplateNode)

  /// The states that run a schedule (EventBridge rules and Scheduler's), and the booleans of
  /// SAM's `Enabled` and Terraform's `is_enabled`.
  static let running: Set = ["ENABLED", "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS", "true"]
  static let stopped: Set = ["DISABLED", "false"]

  /// Reads a schedule (an EventBridge Scheduler one, or a rule's): nil when it has no
  /// expression, or one AWS would refuse (an error located at it, never a silent $0).
  static func read(
    expression: TemplateNode?, expressionName: String, state: TemplateNode?, stateName: String, scheduler: Bool,
    diagnostics: DiagnosticCollector
  ) -> ScheduleRuns? {
    if let state, !(state.text.map(running.contains) ?? false) {
      if let text = state.text, stopped.contains(text) {
        return .never(why: "\(stateName) is \(text)", property: stateName, location: state.location)
      }
      if state.unknownReason != nil { return .unresolved(property: stateName, node: state) }
    }
    guard let expression else { return nil }
    guard let text = expression.text else { return .unresolved(property: expressionName, node: expression) }
    switch ScheduleExpression.parse(text, scheduler: scheduler) {
    case .success(.recurring(let formula, let caveats)):
      return .runs(formula: formula, caveats: caveats, property: expressionName, location: expression.location)
    case .success(.once(let when)):
      return .never(
        why: "\(text) runs once, at \(when), and in no steady month", property: expressionName,
        location: expression.location)
    case .failure(let problem):
      diagnostics.add(
        expression.location.diagnostic(
          .error, "\(expressionName) '\(TerminalText.excerpt(text))' is not a schedule: \(problem.reason)"))
      return nil
    }
  }

  /// Sets `input` of a draft to the runs a month (0 when it never runs), or records it as unresolved.
  func set(_ input: String, on d: inout ComponentDraft) {
    switch self {
    case .runs(let formula, let caveats, let property, let location):
      d.set(input, formula, property: property, at: location)
      d.notes += caveats.map { "\(property): \($0)" }
    case .never(let why, let property, let location):
      d.set(input, "0", property: property, at: location)
      d.notes.append("\(why): it runs no times a month")
    case .unresolved(let property, let node):
      d.unresolved(input, property: property, node: node)
    }
  }
}
