import BillcastCore

/// Schedules invoke their targets: each run of an EventBridge rule's or Scheduler's schedule,
/// or of a SAM function's `Schedule` or `ScheduleV2` event, is one invocation of the Lambda
/// function it targets, added to the function's requests. Code, for it joins two resources
/// (in a plan three: the rule, its target and the function).
extension IrregularRules {
  /// A schedule's runs and the function they invoke.
  private struct Invocation {
    var function: String
    var runs: ScheduleRuns
    var source: String
  }

  /// Adds every schedule's runs to the requests of the function it targets; a SAM `ScheduleV2`
  /// event also becomes the Scheduler schedule SAM creates for it, priced beside the function.
  static func scheduledInvocations(
    _ resources: [DefinedResource], diagnostics: DiagnosticCollector,
    update: (String, (inout ComponentDraft) -> Void) -> Void
  ) {
    var invocations: [Invocation] = []
    var rules: [String: ScheduleRuns?] = [:]
    for r in resources {
      switch r.type {
      case "AWS::Events::Rule", "AWS::Scheduler::Schedule":
        let targets =
          r.type == "AWS::Scheduler::Schedule"
          ? ["Target.Arn"] : (0..<(r.properties["Targets"]?.items?.count ?? 0)).map { "Targets.\($0).Arn" }
        let functions = targets.compactMap { r.links?.target(of: r.id, at: $0, names: "function") }
        // A Scheduler schedule's own rule reports its expression's errors; a rule is free, so
        // here, with or without targets (AWS refuses it either way).
        let reporter = r.type == "AWS::Events::Rule" ? diagnostics : DiagnosticCollector()
        guard let runs = runs(of: r, r.properties, diagnostics: reporter), !functions.isEmpty else { continue }
        invocations += functions.map { Invocation(function: $0, runs: runs, source: "\(r.type) \(r.id)") }
      case "AWS::Serverless::Function":
        samEvents(r, diagnostics: diagnostics, update: update).forEach { invocations.append($0) }
      case "aws_scheduler_schedule":
        guard let function = r.links?.target(of: r.id, at: "target.arn", names: "function"),
          let runs = runs(of: r, r.properties, diagnostics: DiagnosticCollector())
        else { continue }
        invocations.append(Invocation(function: function, runs: runs, source: "\(r.type) \(r.id)"))
      case "aws_cloudwatch_event_target":
        guard let rule = r.links?.target(of: r.id, at: "rule", names: nil),
          let function = r.links?.target(of: r.id, at: "arn", names: "function"),
          let properties = r.links?.properties(of: rule)
        else { continue }
        if rules[rule] == nil { rules[rule] = runs(of: r, properties, diagnostics: diagnostics) }
        guard let runs = rules[rule]! else { continue }
        invocations.append(Invocation(function: function, runs: runs, source: "aws_cloudwatch_event_rule \(rule)"))
      default: continue
      }
    }
    for invocation in invocations {
      update(invocation.function) { d in
        guard d.service == "aws.lambda" else { return }
        switch invocation.runs {
        case .runs(let formula, let caveats, let property, let location):
          d.additions.append(
            ComponentDraft.Input(
              name: "requests", text: formula, property: "\(invocation.source), \(property)", location: location))
          d.notes += caveats.map { "\(invocation.source): \($0)" }
        case .never(let why, _, _):
          d.notes.append("\(invocation.source) invokes it no times a month: \(why)")
        case .unresolved(let property, let node):
          d.notes.append(
            "\(invocation.source): \(property) cannot be resolved statically (\(node.unknownReason ?? "not a plain value")); count its invocations in requests"
          )
        }
      }
    }
  }

  /// A rule's or schedule's runs a month, from `properties` (the rule's own, for a plan's target).
  private static func runs(of r: DefinedResource, _ properties: TemplateNode, diagnostics: DiagnosticCollector)
    -> ScheduleRuns?
  {
    let expressionName = name(r, "ScheduleExpression", "schedule_expression")
    var stateName = name(r, "State", "state")
    if r.format == .terraform, properties[stateName] == nil, properties["is_enabled"] != nil {
      stateName = "is_enabled"
    }
    return ScheduleRuns.read(
      expression: properties[expressionName], expressionName: expressionName, state: properties[stateName],
      stateName: stateName, scheduler: r.type == "AWS::Scheduler::Schedule" || r.type == "aws_scheduler_schedule",
      diagnostics: diagnostics)
  }

  /// A SAM function's `Schedule` and `ScheduleV2` events: each invokes the function; a
  /// `ScheduleV2` is a Scheduler schedule, `FunctionEvent`, whose invocations are priced too.
  private static func samEvents(
    _ r: DefinedResource, diagnostics: DiagnosticCollector, update: (String, (inout ComponentDraft) -> Void) -> Void
  ) -> [Invocation] {
    var result: [Invocation] = []
    for event in r.properties["Events"]?.entries ?? [] {
      let type = event.value["Type"]?.text
      guard type == "Schedule" || type == "ScheduleV2", let p = event.value["Properties"] else { continue }
      let expressionName = type == "Schedule" ? "Schedule" : "ScheduleExpression"
      let stateName = p["State"] != nil || type == "ScheduleV2" ? "State" : "Enabled"
      guard
        let runs = ScheduleRuns.read(
          expression: p[expressionName], expressionName: expressionName, state: p[stateName], stateName: stateName,
          scheduler: type == "ScheduleV2", diagnostics: diagnostics)
      else { continue }
      result.append(Invocation(function: r.id, runs: runs, source: "\(r.id) event \(event.key) (\(type!))"))
      guard type == "ScheduleV2" else { continue }
      update(r.id) { function in
        var d = ComponentDraft(
          id: r.id + event.key, type: "AWS::Scheduler::Schedule", service: "aws.eventbridge",
          location: event.value.location)
        runs.set("scheduler_invocations", on: &d)
        function.attached.append(d)
      }
    }
    return result
  }
}
