import BillcastCore

/// A component being built from a template resource: the service, and the inputs the
/// template states.
struct ComponentDraft {
  /// One input the template states.
  struct Input {
    var name: String
    var text: String
    /// The template property it comes from, like `MemorySize` (or `default` when the template
    /// leaves it to the resource type's default).
    var property: String
    var location: SourceLocation
  }

  /// An input the template sets through a value that cannot be known statically.
  struct Unresolved {
    var name: String
    var property: String
    var reason: String
    var location: SourceLocation
  }

  var id: String
  var type: String
  var service: String
  var location: SourceLocation
  var inputs: [Input] = []
  var unresolved: [Unresolved] = []
  /// Inputs the template rules out, with why (a CloudFront price class without Asia's edges).
  var excluded: [String: String] = [:]
  /// Usage inputs the profile must give even where the service has a default (a log group's
  /// ingestion): a template resource never costs nothing silently.
  var required: [String] = []
  /// Components the resource creates beside its own (an instance's EBS volumes).
  var attached: [ComponentDraft] = []
  /// Parts of the resource billcast does not price (an instance's io2 volume), with why: each a
  /// notice, for the estimate leaves them out.
  var unpricedParts: [(id: String, reason: String, location: SourceLocation)] = []
  /// What else the user should know about the resource (written as comments by `billcast init`).
  var notes: [String] = []
  /// Amounts other resources add to an input, on top of what the profile gives (a schedule's
  /// invocations of its target function): the input is their sum when the profile gives none.
  var additions: [Input] = []

  init(id: String, type: String, service: String, location: SourceLocation, required: [String] = []) {
    self.id = id
    self.type = type
    self.service = service
    self.location = location
    self.required = required
  }

  /// Sets an input to the value the resource type takes when the template omits it.
  mutating func setDefault(_ name: String, _ text: String, property: String) {
    if !has(name) { set(name, text, property: "\(property) (default)", at: location) }
  }

  func has(_ input: String) -> Bool { inputs.contains { $0.name == input } || unresolved.contains { $0.name == input } }

  /// Sets an input to a value the mapper computed.
  mutating func set(_ name: String, _ text: String, property: String, at location: SourceLocation) {
    inputs.removeAll { $0.name == name }
    unresolved.removeAll { $0.name == name }
    inputs.append(Input(name: name, text: text, property: property, location: location))
  }

  /// Records that an input's property cannot be resolved statically.
  mutating func unresolved(_ name: String, property: String, node: TemplateNode) {
    inputs.removeAll { $0.name == name }
    unresolved.append(
      Unresolved(
        name: name, property: property, reason: node.unknownReason ?? "it is not a plain value", location: node.location
      ))
  }

  /// Sets a numeric input from a property, scaled by `divisor` (MiB to GiB); a value that is not
  /// a number is an error, one that is not known statically is recorded as unresolved.
  mutating func number(
    _ name: String, _ node: TemplateNode?, property: String, divisor: Int = 1, diagnostics: DiagnosticCollector
  ) {
    guard let node else { return }
    if case .null = node.value { return }
    guard let text = node.text else { return unresolved(name, property: property, node: node) }
    let value: ExactDecimal
    switch ExactDecimal.parse(text.trimmingCharacters(in: .whitespaces)) {
    case .success(let v): value = v
    case .failure(let problem):
      diagnostics.add(node.location.diagnostic(.error, "\(property): \(problem)"))
      return
    }
    set(
      name, divisor == 1 ? value.description : Self.quotient(value.description, divisor), property: property,
      at: node.location)
  }

  /// Sets a choice input from a property through `values` (the template's spelling → the
  /// service's); a value outside it is an error naming the accepted ones.
  mutating func choice(
    _ name: String, _ node: TemplateNode?, property: String, values: [String: String], diagnostics: DiagnosticCollector
  ) {
    guard let node else { return }
    guard let text = node.text else { return unresolved(name, property: property, node: node) }
    guard let value = values[text] ?? values[text.lowercased()] else {
      diagnostics.add(
        node.location.diagnostic(
          .error,
          "\(property) '\(TerminalText.excerpt(text))' is not one billcast prices; expected one of: \(values.keys.sorted().joined(separator: ", "))"
        ))
      return
    }
    set(name, value, property: property, at: node.location)
  }

  /// `text / divisor` as a decimal when it ends within 12 places (`512 / 1024` is `0.5`), else
  /// as the formula `text / divisor`, which billcast evaluates exactly.
  static func quotient(_ text: String, _ divisor: Int) -> String {
    guard var remainder = Int(text), remainder >= 0, divisor > 0 else { return "\(text) / \(divisor)" }
    var digits = String(remainder / divisor)
    remainder %= divisor
    guard remainder != 0 else { return digits }
    digits += "."
    for _ in 0..<12 where remainder != 0 {
      remainder *= 10
      digits += String(remainder / divisor)
      remainder %= divisor
    }
    return remainder == 0 ? digits : "\(text) / \(divisor)"
  }
}

extension ComponentDraft {
  /// Sets a task's or instance's size: CPU in units (`256`) or `0.25 vCPU`, memory in MiB
  /// (`512`) or `0.5 GB`, as ECS, App Runner and their Terraform resources write them.
  mutating func size(cpu: TemplateNode?, memory: TemplateNode?, diagnostics: DiagnosticCollector) {
    for (input, node, unit, property) in [("vcpu", cpu, "vcpu", "Cpu"), ("memory_gb", memory, "gb", "Memory")] {
      guard var node else { continue }
      if let text = node.text?.lowercased(), text.hasSuffix(unit) {
        node = TemplateNode(
          .scalar(String(text.dropLast(unit.count)).trimmingCharacters(in: .whitespaces)), node.location)
        number(input, node, property: property, diagnostics: diagnostics)
      } else {
        number(input, node, property: property, divisor: 1024, diagnostics: diagnostics)
      }
    }
  }
}

extension ComponentDraft {
  /// Where a task definition's size is, in one format's property names.
  struct TaskDefinitionNames {
    var reference: String, cpu: String, memory: String, architecture: String, storage: String

    static let cloudFormation = TaskDefinitionNames(
      reference: "TaskDefinition", cpu: "Cpu", memory: "Memory", architecture: "RuntimePlatform.CpuArchitecture",
      storage: "EphemeralStorage.SizeInGiB")
    static let terraform = TaskDefinitionNames(
      reference: "task_definition", cpu: "cpu", memory: "memory", architecture: "runtime_platform.0.cpu_architecture",
      storage: "ephemeral_storage.0.size_in_gib")
  }

  /// Sets a Fargate service's task size from its task definition's properties; when the
  /// definition is not one of the templates' (`reference` names something else), the size is
  /// unresolved and must come from usage.
  mutating func taskSize(
    _ definition: TemplateNode?, reference: TemplateNode?, names: TaskDefinitionNames, diagnostics: DiagnosticCollector
  ) {
    guard let definition else {
      if let reference {
        unresolved("vcpu", property: names.reference, node: reference)
        unresolved("memory_gb", property: names.reference, node: reference)
      }
      return
    }
    size(cpu: definition[names.cpu], memory: definition[names.memory], diagnostics: diagnostics)
    choice(
      "architecture", definition.at(names.architecture), property: names.architecture,
      values: ["X86_64": "x86_64", "ARM64": "arm64"], diagnostics: diagnostics)
    number("ephemeral_storage_gb", definition.at(names.storage), property: names.storage, diagnostics: diagnostics)
  }
}
