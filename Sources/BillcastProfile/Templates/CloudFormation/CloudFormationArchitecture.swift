import BillcastCore

/// Reads the CloudFormation templates of one architecture together: the profile's parameters,
/// exports shared through `Fn::ImportValue`, conditions, and each resource's disposition.
struct CloudFormationArchitecture {
  let diagnostics: DiagnosticCollector
  let region: String
  /// Whether a reference to a resource of another template is a warning (`billcast init`,
  /// which writes the starter with that value unknown) rather than an error.
  var crossTemplateWarns = false

  /// Each resource of the templates with what billcast makes of it, template by template.
  func read(files: [String], parameters: [String: (String, YAMLCursor)], notices: inout [ArchitectureNotice])
    -> [TemplateExpander.Located]
  {
    let templates = files.compactMap { file -> CloudFormationTemplate? in
      // Reading a template warns only of repeated keys: those become notices in the report.
      let reading = DiagnosticCollector()
      let template = CloudFormationTemplate.load(
        path: file, limits: .standard, diagnostics: reading, parameterValues: parameters.mapValues(\.0))
      for d in reading.diagnostics {
        guard d.severity != .error else {
          diagnostics.add(d)
          continue
        }
        let at = SourceLocation(file: d.file, line: d.line, column: d.column, path: d.path)
        notices.append(
          ArchitectureNotice(
            kind: .duplicateKey, message: "\(at.short):\(d.column.map(String.init) ?? "") \(d.path): \(d.message)",
            component: nil, location: at))
      }
      return template
    }
    return read(templates: templates, parameters: parameters, notices: &notices)
  }

  /// Each resource of templates already read, with what billcast makes of it.
  func read(
    templates: [CloudFormationTemplate], parameters: [String: (String, YAMLCursor)], notices: inout [ArchitectureNotice]
  ) -> [TemplateExpander.Located] {
    let declared = Set(templates.flatMap { $0.parameters.map(\.name) })
    for (name, (_, cursor)) in parameters.sorted(by: { $0.key < $1.key }) where !declared.contains(name) {
      cursor.error(
        "no template of this architecture declares parameter '\(TerminalText.excerpt(name))'\(Spelling.hint(for: name, among: declared))"
      )
    }
    // Only the templates' own errors stop the reading: an unfilled `~` in the profile's usage
    // (reported already) must not hide the resources its other entries name.
    let errorsBefore = diagnostics.errorCount
    let exports = ExportTable()
    defer { exports.clear() }  // each resolver's import closure holds the table, which holds the resolvers
    var resolvers: [CloudFormationResolver] = []
    let implicitAPIs = templates.map { $0.implicitAPIs() }
    var files: [String: String] = [:]
    for template in templates { for r in template.resources where files[r.id] == nil { files[r.id] = template.file } }
    let siblings = SiblingExports(architecture: templates.map(\.file))
    for (template, implicit) in zip(templates, implicitAPIs) {
      for macro in template.macros {
        notices.append(
          ArchitectureNotice(
            kind: .customTransform,
            message:
              "\(macro.location.short): Transform \(TerminalText.excerpt(macro.text ?? macro.kindName)) is a macro billcast does not run: the template is priced as written, before the macro rewrites it",
            component: nil, location: macro.location))
      }
      let others = files.filter { $0.value != template.file }
      var validator = CloudFormationValidator(template: template, diagnostics: diagnostics)
      validator.otherTemplates = others
      validator.crossTemplateWarns = crossTemplateWarns
      validator.validate(extraResources: implicit.map(\.id))
      let resolver = CloudFormationResolver(
        template: template, region: region, parameters: parameterValues(template, parameters),
        importValue: { exports.value(of: $0) })
      resolver.otherTemplates = others
      resolver.exportHint = { siblings.hint(for: $0, beside: template.file) }
      resolvers.append(resolver)
    }
    if diagnostics.errorCount > errorsBefore { return [] }
    exports.register(resolvers)
    var seen: [String: SourceLocation] = [:]
    var result: [TemplateExpander.Located] = []
    for (resolver, implicit) in zip(resolvers, implicitAPIs) {
      let created = createdResources(resolver, implicit: implicit, seen: &seen, result: &result, notices: &notices)
      let mapper = CloudFormationMapper(template: resolver.template, resolver: resolver, diagnostics: diagnostics)
      for (r, disposition) in mapper.map(created) { result.append((r.id, r.type, r.location, disposition)) }
    }
    return result
  }

  /// A template's parameter values: those the profile gives (each an allowed value), else the defaults.
  func parameterValues(_ template: CloudFormationTemplate, _ parameters: [String: (String, YAMLCursor)]) -> [String:
    TemplateNode]
  {
    var values: [String: TemplateNode] = [:]
    for p in template.parameters {
      if let (text, cursor) = parameters[p.name] {
        if let allowed = p.allowedValues,
          !(p.isList ? text.components(separatedBy: ",") : [text]).allSatisfy(allowed.contains)
        {
          cursor.error(
            "'\(TerminalText.excerpt(text))' is not an allowed value of \(p.name) in \(template.file); expected one of: \(allowed.joined(separator: ", "))"
          )
        }
        values[p.name] = p.value(text, at: cursor.location)
      } else if let d = p.defaultValue {
        values[p.name] = d.text.map { p.value($0, at: d.location) } ?? d
      }
    }
    return values
  }

  /// The resources a template creates: each logical ID once across the architecture, and a
  /// resource whose condition is false left out (recorded as not created); an undecidable
  /// condition is priced as created, with a notice.
  func createdResources(
    _ resolver: CloudFormationResolver, implicit: [CloudFormationTemplate.Resource],
    seen: inout [String: SourceLocation],
    result: inout [TemplateExpander.Located], notices: inout [ArchitectureNotice]
  ) -> [CloudFormationTemplate.Resource] {
    var created: [CloudFormationTemplate.Resource] = []
    for r in resolver.template.resources + implicit {
      if let first = seen[r.id] {
        diagnostics.add(
          r.location.diagnostic(
            .error,
            "logical ID \(r.id) is also defined at \(first.short); the templates of one architecture need distinct logical IDs, which name its components"
          ))
        continue
      }
      seen[r.id] = r.location
      if let condition = r.condition {
        switch resolver.condition(condition) {
        case false?:
          result.append((r.id, r.type, r.location, .notCreated(condition)))
          continue
        case nil:
          notices.append(
            ArchitectureNotice(
              kind: .undecidedCondition,
              message:
                "\(r.id): condition \(condition) cannot be decided before deployment; the resource is priced as if created",
              component: r.id, location: r.location))
        case true?: break
        }
      }
      created.append(r)
    }
    return created
  }
}
