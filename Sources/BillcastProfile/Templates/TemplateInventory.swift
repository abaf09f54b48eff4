import BillcastCore

/// The resources of templates or a plan, read without a profile: what `billcast init` needs to
/// write a starter profile.
package enum TemplateInventory {
  /// One resource and what billcast makes of it.
  package struct Entry: Sendable {
    /// The logical ID or address, as the profile's `usage` names it.
    package var id: String
    /// The resource type.
    package var type: String
    /// The service that prices it; nil when it is not priced as a component of its own.
    package var service: String?
    /// The inputs the template states (the profile gives the others).
    package var stated: [String]
    /// Usage inputs the profile must give even where the service has a default: those it
    /// requires, and those whose template value cannot be resolved statically.
    package var required: [String]
    /// What else to know, written as comments.
    package var notes: [String]
    /// `priced`, `part-of`, `free`, `not-priced` or `not-created`, with the reason where there is one.
    package var status: String
  }

  /// Reads CloudFormation templates (`kind: .cloudFormation`) or one Terraform plan.
  package static func read(_ kind: TemplateSource.Kind, files: [String], region: String) throws(DiagnosticError)
    -> [Entry]
  {
    var warnings: [Diagnostic] = []
    return try read(kind, files: files, region: region, warnings: &warnings)
  }

  /// Reads CloudFormation templates or one Terraform plan; what the starter is written despite
  /// (a reference to a resource of another template, a repeated key) goes to `warnings`.
  package static func read(
    _ kind: TemplateSource.Kind, files: [String], region: String, warnings: inout [Diagnostic]
  ) throws(DiagnosticError) -> [Entry] {
    let diagnostics = DiagnosticCollector()
    var notices: [ArchitectureNotice] = []
    let located: [TemplateExpander.Located]
    defer {
      warnings +=
        diagnostics.warnings
        + notices.filter { $0.kind == .duplicateKey || $0.kind == .nestedTemplate }.compactMap { n in
          n.location.map {
            $0.diagnostic(.warning, n.message.components(separatedBy: ": ").dropFirst().joined(separator: ": "))
          }
        }
    }
    switch kind {
    case .cloudFormation:
      var architecture = CloudFormationArchitecture(diagnostics: diagnostics, region: region)
      architecture.crossTemplateWarns = true
      located = architecture.read(files: files, parameters: [:], notices: &notices)
    case .terraformPlan:
      located = files.compactMap { TerraformPlan.read(path: $0, diagnostics: diagnostics) }.flatMap {
        TerraformMapper(plan: $0, diagnostics: diagnostics).map(notices: &notices)
      }
    }
    try diagnostics.throwIfErrors()
    return entries(located)
  }

  /// Reads one CloudFormation template's text (for the fuzz harness and embedders that hold the text).
  package static func read(cloudFormationText text: String, path: String, region: String) throws(DiagnosticError)
    -> [Entry]
  {
    let diagnostics = DiagnosticCollector()
    let document = try YAMLDocument.parseAllowingDuplicateKeys(text, path: path)
    let root = TemplateNode.from(yaml: document.root, file: path, path: "", diagnostics: diagnostics)
    var notices: [ArchitectureNotice] = []
    let templates = CloudFormationTemplate.read(root, file: path, diagnostics: diagnostics).map { [$0] } ?? []
    var architecture = CloudFormationArchitecture(diagnostics: diagnostics, region: region)
    architecture.readsNestedTemplates = false
    let located = architecture.read(templates: templates, parameters: [:], notices: &notices)
    try diagnostics.throwIfErrors()
    return entries(located)
  }

  static func entries(_ located: [TemplateExpander.Located]) -> [Entry] {
    located.flatMap { r -> [Entry] in
      switch r.disposition {
      case .priced(let d):
        return ([d] + d.attached).map { d in
          Entry(
            id: d.id, type: d.type, service: d.service, stated: d.inputs.map(\.name) + d.additions.map(\.name),
            required: d.required + d.unresolved.map(\.name),
            notes: d.notes
              + d.unresolved.map { "\($0.property) cannot be resolved statically (\($0.reason)): give \($0.name)" }
              + d.additions.map {
                "\($0.name) includes \(typicalMonth($0.text)) from \($0.property); give only the others as \($0.name)"
              },
            status: "priced")
        }
      case .partOf(let owner):
        return [
          Entry(id: r.id, type: r.type, service: nil, stated: [], required: [], notes: [], status: "part of \(owner)")
        ]
      case .free:
        return [Entry(id: r.id, type: r.type, service: nil, stated: [], required: [], notes: [], status: "free")]
      case .notPriced(let why):
        return [
          Entry(id: r.id, type: r.type, service: nil, stated: [], required: [], notes: [], status: "not priced: \(why)")
        ]
      case .notCreated(let c):
        return [
          Entry(
            id: r.id, type: r.type, service: nil, stated: [], required: [], notes: [],
            status: "not created: condition \(c) is false")
        ]
      }
    }
  }

  /// A count over `month_hours` in a month of 730 hours, like `8,760 a month (730 hours)`.
  static func typicalMonth(_ formula: String) -> String {
    guard let value = try? Formula.parse(formula).evaluate({ $0 == Builtins.monthHours ? Interval(730) : nil }) else {
      return "\(formula) a month"
    }
    return "\(value.low.rounded(toFractionDigits: 2)) a month of 730 hours"
  }
}
