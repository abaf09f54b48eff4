import BillcastCore

/// Checks a template as CloudFormation would before creating anything: every intrinsic
/// function is one CloudFormation knows, every `Ref`, `Fn::GetAtt`, `${…}` and `Condition`
/// names something that exists, and neither resources nor conditions depend on themselves.
struct CloudFormationValidator {
  let template: CloudFormationTemplate
  let diagnostics: DiagnosticCollector
  /// The resources of the architecture's other templates, with the file of each: a reference to
  /// one says where it is and how CloudFormation shares it.
  var otherTemplates: [String: String] = [:]
  /// Whether such a reference is a warning (`billcast init`) rather than an error.
  var crossTemplateWarns = false

  static let functions: Set<String> = [
    "Ref", "Condition", "Fn::Base64", "Fn::Cidr", "Fn::FindInMap", "Fn::GetAtt", "Fn::GetAZs", "Fn::ImportValue",
    "Fn::Join",
    "Fn::Select", "Fn::Split", "Fn::Sub", "Fn::Transform", "Fn::And", "Fn::Equals", "Fn::If", "Fn::Not", "Fn::Or",
    "Fn::Length",
    "Fn::ToJsonString",
  ]

  /// Checks the whole template: duplicate logical IDs, each resource's references, outputs,
  /// conditions, and cycles among resources and among conditions.
  func validate(extraResources: [String]) {
    validateMappings()
    let resourceIDs = Set(template.resources.map(\.id) + extraResources)
    let conditions = Set(template.conditions.map(\.name))
    var seen: Set<String> = []
    for r in template.resources {
      if !seen.insert(r.id).inserted {
        diagnostics.add(r.location.diagnostic(.error, "logical ID \(r.id) is defined twice"))
      }
    }
    let samResources =
      template.isSAM
      ? template.resources.filter { $0.type.hasPrefix("AWS::Serverless::") || $0.node["Connectors"] != nil }.map(\.id)
        + extraResources + ["ServerlessRestApi", "ServerlessHttpApi"]
      : []
    let names = Names(
      resources: resourceIDs, parameters: Set(template.parameters.map(\.name)), conditions: conditions,
      samResources: samResources)
    var resourceDependencies: [String: [String]] = [:]
    for r in template.resources {
      if template.isSAM { template.validateIgnoreGlobals(of: r, diagnostics: diagnostics) }
      resourceDependencies[r.id] = dependencies(of: r, names: names, resourceIDs: resourceIDs, conditions: conditions)
    }
    for (_, node) in template.outputs {
      var ignored: [String] = []
      check(node, names, references: &ignored)
    }
    var conditionDependencies: [String: [String]] = [:]
    for (name, node) in template.conditions {
      var found: [String] = []
      check(node, names, references: &found, inConditions: true)
      conditionDependencies[name] = node.conditionReferences
    }
    report(
      cycles: DependencyOrder.order(roots: template.resources.map(\.id), dependencies: { resourceDependencies[$0] })
        .cycles, what: "resources"
    ) { id in
      template.resources.first { $0.id == id }?.location
    }
    report(
      cycles: DependencyOrder.order(roots: template.conditions.map(\.name), dependencies: { conditionDependencies[$0] })
        .cycles, what: "conditions"
    ) { name in
      template.conditions.first { $0.name == name }?.node.location
    }
  }

  /// Checks one resource's references and returns the resources it depends on (references and
  /// DependsOn); its Condition must be declared.
  func dependencies(
    of r: CloudFormationTemplate.Resource, names: Names, resourceIDs: Set<String>, conditions: Set<String>
  ) -> [String] {
    var found: [String] = []
    let expanded = Self.samExpandedProperties(r.type)
    if template.isSAM, r.type.hasPrefix("AWS::Serverless::"),
      (r.properties.entries ?? []).contains(where: { expanded.contains($0.key) })
    {
      // SAM turns these properties into resources of their own (an event's permissions and
      // rules, a GraphQL API's data sources, functions and resolvers): a function whose event
      // names an API that invokes the function, or a data source calling a function that calls
      // the API, is no cycle.
      var ignored: [String] = []
      for (key, value) in r.properties.entries ?? [] where expanded.contains(key) {
        check(value, names, references: &ignored)
      }
      check(
        TemplateNode(
          .map(
            (r.node.entries ?? []).map { entry in
              entry.key == "Properties"
                ? (
                  entry.key,
                  TemplateNode(
                    .map((entry.value.entries ?? []).filter { !expanded.contains($0.key) }), entry.value.location)
                ) : entry
            }), r.node.location), names, references: &found)
    } else {
      check(r.node, names, references: &found)
    }
    for d in r.dependsOn {
      if !resourceIDs.contains(d) && !names.isGenerated(d) {
        diagnostics.add(
          r.node["DependsOn"]!.location.diagnostic(
            .error,
            "DependsOn names '\(TerminalText.excerpt(d))', which is not a resource of this template\(Spelling.hint(for: d, among: resourceIDs))"
          ))
      }
      found.append(d)
    }
    if let c = r.condition, !conditions.contains(c) {
      diagnostics.add(
        r.node["Condition"]!.location.diagnostic(
          .error,
          "Condition '\(TerminalText.excerpt(c))' is not declared under Conditions\(Spelling.hint(for: c, among: conditions))"
        ))
    }
    return found
  }

  /// The properties of a SAM resource that SAM expands into resources of their own.
  static func samExpandedProperties(_ type: String) -> Set<String> {
    type == "AWS::Serverless::GraphQLApi" ? ["Events", "DataSources", "Functions", "Resolvers"] : ["Events"]
  }

  struct Names {
    var resources: Set<String>
    var parameters: Set<String>
    var conditions: Set<String>
    /// The SAM resources, whose generated resources (`MyFunctionRole`, `MyApi.Stage`,
    /// `ServerlessRestApiProdStage`) a template may name.
    var samResources: [String] = []
    var refTargets: Set<String> { resources.union(parameters).union(CloudFormationResolver.pseudoParameters) }

    /// Whether `name` is a resource SAM generates from one of the template's SAM resources.
    func isGenerated(_ name: String) -> Bool {
      samResources.contains { name.hasPrefix($0) && name.count > $0.count }
    }
  }

  private func report(cycles: [[String]], what: String, location: (String) -> SourceLocation?) {
    for cycle in cycles {
      guard let at = location(cycle[0]) else { continue }
      diagnostics.add(at.diagnostic(.error, "circular dependency between \(what): \(cycle.joined(separator: " → "))"))
    }
  }

  /// Checks every intrinsic function under `node`; collects the resources it refers to.
  private func check(
    _ node: TemplateNode, _ names: Names, references: inout [String], inConditions: Bool = false,
    subVariables: Set<String> = []
  ) {
    switch node.value {
    case .list(let items):
      for item in items { check(item, names, references: &references, inConditions: inConditions) }
    case .map(let entries):
      if entries.count == 1 {
        let (key, argument) = entries[0]
        if key == "Ref" || key.hasPrefix("Fn::") || (key == "Condition" && inConditions) {
          checkFunction(key, argument, at: node.location, names, references: &references, inConditions: inConditions)
          return
        }
      }
      for (_, value) in entries { check(value, names, references: &references, inConditions: inConditions) }
    default:
      return
    }
  }

  /// Checks one intrinsic function's argument: its shape, and the names it refers to.
  ///
  /// Long on purpose: one `case` per intrinsic function, each with the shape CloudFormation documents.
  private func checkFunction(
    _ key: String, _ argument: TemplateNode, at location: SourceLocation, _ names: Names, references: inout [String],
    inConditions: Bool
  ) {
    guard Self.functions.contains(key) else {
      diagnostics.add(
        location.diagnostic(
          .error,
          "unknown intrinsic function '\(TerminalText.excerpt(key))'\(Spelling.hint(for: key, among: Self.functions))"))
      return
    }
    switch key {
    case "Ref":
      guard let name = argument.text else {
        diagnostics.add(
          argument.location.diagnostic(
            .error, "Ref takes the name of a parameter or resource, found \(argument.kindName)"))
        return
      }
      checkRef(name, at: argument.location, names, references: &references)
    case "Fn::GetAtt":
      let dotted = argument.text.map {
        $0.split(separator: ".", maxSplits: 1).map { TemplateNode(.scalar(String($0)), argument.location) }
      }
      guard let parts = argument.items ?? dotted, parts.count == 2 else {
        diagnostics.add(argument.location.diagnostic(.error, "Fn::GetAtt takes [resource, attribute]"))
        return
      }
      if let r = parts[0].text {
        if names.resources.contains(r) {
          references.append(r)
        } else if let file = otherTemplates[r] {
          crossTemplate("Fn::GetAtt names '\(TerminalText.excerpt(r))',", r, file, at: argument.location)
        } else if !names.isGenerated(r) {
          diagnostics.add(
            argument.location.diagnostic(
              .error,
              "Fn::GetAtt names '\(TerminalText.excerpt(r))', which is not a resource of this template\(Spelling.hint(for: r, among: names.resources))"
            ))
        }
      }
      check(parts[1], names, references: &references, inConditions: inConditions)
    case "Fn::Sub":
      var text: String?
      var local: Set<String> = []
      if let t = argument.text {
        text = t
      } else if let args = argument.items, args.count == 2 {
        text = args[0].text
        for (k, v) in args[1].entries ?? [] {
          local.insert(k)
          check(v, names, references: &references, inConditions: inConditions)
        }
      }
      guard let text else {
        diagnostics.add(argument.location.diagnostic(.error, "Fn::Sub takes a text, or [text, {variables}]"))
        return
      }
      for case .variable(let name) in CloudFormationResolver.substitutionParts(text) where !local.contains(name) {
        if name.contains(".") && !name.hasPrefix("AWS::") {
          let resource = String(name.split(separator: ".")[0])
          if names.resources.contains(resource) {
            references.append(resource)
          } else if let file = otherTemplates[resource] {
            crossTemplate(
              "${\(TerminalText.excerpt(name))} names '\(resource)',", resource, file, at: argument.location)
          } else if !names.isGenerated(resource) && !names.isGenerated(name) {
            diagnostics.add(
              argument.location.diagnostic(
                .error,
                "${\(TerminalText.excerpt(name))} names '\(TerminalText.excerpt(resource))', which is not a resource of this template\(Spelling.hint(for: resource, among: names.resources))"
              ))
          }
        } else {
          checkRef(name, at: argument.location, names, references: &references, inSub: true)
        }
      }
    case "Fn::If":
      guard let args = argument.items, args.count == 3, let condition = args[0].text else {
        diagnostics.add(argument.location.diagnostic(.error, "Fn::If takes [condition, value if true, value if false]"))
        return
      }
      checkCondition(condition, at: args[0].location, names)
      check(args[1], names, references: &references, inConditions: inConditions)
      check(args[2], names, references: &references, inConditions: inConditions)
    case "Condition":
      if let name = argument.text { checkCondition(name, at: argument.location, names) }
    case "Fn::FindInMap":
      if let map = argument.items?.first?.text, template.mappings?[map] == nil {
        let known = template.mappings?.entries?.map(\.key) ?? []
        diagnostics.add(
          argument.location.diagnostic(
            .error,
            "Fn::FindInMap names mapping '\(TerminalText.excerpt(map))', which is not under Mappings\(Spelling.hint(for: map, among: known))"
          ))
      }
      check(argument, names, references: &references, inConditions: inConditions)
    default:
      check(argument, names, references: &references, inConditions: inConditions)
    }
  }

  private func checkRef(
    _ name: String, at location: SourceLocation, _ names: Names, references: inout [String], inSub: Bool = false
  ) {
    if names.resources.contains(name) {
      references.append(name)
    } else if let file = otherTemplates[name], !names.refTargets.contains(name) {
      let what = inSub ? "${\(TerminalText.excerpt(name))}" : "Ref '\(TerminalText.excerpt(name))'"
      crossTemplate("\(what) names", name, file, at: location)
    } else if !names.refTargets.contains(name) && !names.isGenerated(name) {
      let what = inSub ? "${\(TerminalText.excerpt(name))}" : "Ref '\(TerminalText.excerpt(name))'"
      diagnostics.add(
        location.diagnostic(
          .error,
          "\(what) names nothing: no parameter, resource or pseudo parameter of this template is called that\(Spelling.hint(for: name, among: names.refTargets))"
        ))
    }
  }

  /// A reference to a resource of another template of the architecture: CloudFormation resolves
  /// references within one stack only, so this says where the resource is and how to share it.
  private func crossTemplate(_ what: String, _ resource: String, _ file: String, at location: SourceLocation) {
    diagnostics.add(
      location.diagnostic(
        crossTemplateWarns ? .warning : .error,
        "\(what) a resource of \(file), not of this template: CloudFormation resolves references within one template only; export it from \(file) (Outputs: {\(resource)Export: {Value: !Ref \(resource), Export: {Name: NAME}}}) and read it here with !ImportValue NAME"
      ))
  }

  private func checkCondition(_ name: String, at location: SourceLocation, _ names: Names) {
    if !names.conditions.contains(name) {
      diagnostics.add(
        location.diagnostic(
          .error,
          "condition '\(TerminalText.excerpt(name))' is not declared under Conditions\(Spelling.hint(for: name, among: names.conditions))"
        ))
    }
  }
}
