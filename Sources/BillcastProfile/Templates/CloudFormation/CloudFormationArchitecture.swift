import BillcastCore

/// Reads the CloudFormation templates of one architecture together: the profile's parameters,
/// exports shared through `Fn::ImportValue`, conditions, and each resource's disposition.
struct CloudFormationArchitecture {
  let diagnostics: DiagnosticCollector
  let region: String
  /// Whether a reference to a resource of another template is a warning (`billcast init`,
  /// which writes the starter with that value unknown) rather than an error.
  var crossTemplateWarns = false
  /// Whether nested stacks' local templates are read (not for a template read from its text alone).
  var readsNestedTemplates = true

  /// Each resource of the templates with what billcast makes of it, template by template.
  func read(files: [String], parameters: [String: (String, YAMLCursor)], notices: inout [ArchitectureNotice])
    -> [TemplateExpander.Located]
  {
    var nestedFiles: [String] = []
    return read(files: files, parameters: parameters, notices: &notices, nestedFiles: &nestedFiles)
  }

  /// Each resource of the templates and of the nested templates they read (whose files go to
  /// `nestedFiles`), with what billcast makes of it.
  func read(
    files: [String], parameters: [String: (String, YAMLCursor)], notices: inout [ArchitectureNotice],
    nestedFiles: inout [String]
  ) -> [TemplateExpander.Located] {
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
    return read(templates: templates, parameters: parameters, notices: &notices, nestedFiles: &nestedFiles)
  }

  /// Each resource of templates already read, with what billcast makes of it.
  func read(
    templates: [CloudFormationTemplate], parameters: [String: (String, YAMLCursor)], notices: inout [ArchitectureNotice]
  ) -> [TemplateExpander.Located] {
    var nestedFiles: [String] = []
    return read(templates: templates, parameters: parameters, notices: &notices, nestedFiles: &nestedFiles)
  }

  /// Each resource of templates already read and of the nested templates they read (whose
  /// files go to `nestedFiles`), with what billcast makes of it.
  func read(
    templates given: [CloudFormationTemplate], parameters: [String: (String, YAMLCursor)],
    notices: inout [ArchitectureNotice], nestedFiles: inout [String]
  ) -> [TemplateExpander.Located] {
    let templates = withoutNested(given, notices: &notices)
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
    var files: [String: String] = [:]
    for template in templates { for r in template.resources where files[r.id] == nil { files[r.id] = template.file } }
    let siblings = SiblingExports(architecture: templates.map(\.file))
    let resolvers = templates.map { template in
      notices += macroNotices(template)
      return resolver(
        template, values: parameterValues(template, parameters), others: files.filter { $0.value != template.file },
        exports: exports, siblings: siblings)
    }
    if diagnostics.errorCount > errorsBefore { return [] }
    exports.register(resolvers)
    let nested = NestedStacks(
      diagnostics: diagnostics, limit: TemplateExpander.maximumTemplates, templates: templates.count
    ) { template, values in
      let r = resolver(template, values: values, others: [:], exports: exports, siblings: siblings)
      exports.register([r])
      return r
    }
    nested.readsFiles = readsNestedTemplates
    defer { nested.clear() }  // each resolver's output closure holds the stacks, which hold the resolvers
    resolvers.forEach(nested.add(root:))
    notices += nested.notices
    if diagnostics.errorCount > errorsBefore { return [] }
    nestedFiles = nested.nestedFiles
    siblings.include(nestedFiles)
    var seen: [String: SourceLocation] = [:]
    var result: [TemplateExpander.Located] = []
    for instance in nested.instances {
      if !instance.prefix.isEmpty { notices += macroNotices(instance.template) }
      let created = createdResources(
        instance.resolver, implicit: instance.template.implicitAPIs(), prefix: instance.prefix, seen: &seen,
        result: &result, notices: &notices)
      let mapper = CloudFormationMapper(
        template: instance.template, resolver: instance.resolver, diagnostics: diagnostics)
      for (r, disposition) in mapper.map(created) {
        let d = nested.disposition(of: r.id, in: instance) ?? disposition.qualified(instance.prefix)
        result.append((instance.prefix + r.id, r.type, r.location, d))
      }
    }
    return result
  }

  /// A template's resolver, the template validated first.
  private func resolver(
    _ template: CloudFormationTemplate, values: [String: TemplateNode], others: [String: String],
    exports: ExportTable, siblings: SiblingExports
  ) -> CloudFormationResolver {
    var validator = CloudFormationValidator(template: template, diagnostics: diagnostics)
    validator.otherTemplates = others
    validator.crossTemplateWarns = crossTemplateWarns
    validator.validate(extraResources: template.implicitAPIs().map(\.id))
    let resolver = CloudFormationResolver(
      template: template, region: region, parameters: values, importValue: { exports.value(of: $0) })
    resolver.otherTemplates = others
    resolver.exportHint = { siblings.hint(for: $0, beside: template.file) }
    return resolver
  }

  /// The notices naming the transform macros of a template, which billcast does not run.
  private func macroNotices(_ template: CloudFormationTemplate) -> [ArchitectureNotice] {
    template.macros.map { macro in
      ArchitectureNotice(
        kind: .customTransform,
        message:
          "\(macro.location.short): Transform \(TerminalText.excerpt(macro.text ?? macro.kindName)) is a macro billcast does not run: the template is priced as written, before the macro rewrites it",
        component: nil, location: macro.location)
    }
  }

  /// The templates without those another of them nests by a literal local path: each is read
  /// once, as that nested stack (a pattern like `*.yaml` names parent and children alike).
  private func withoutNested(_ templates: [CloudFormationTemplate], notices: inout [ArchitectureNotice])
    -> [CloudFormationTemplate]
  {
    var dropped: Set<String> = []
    var kept: [CloudFormationTemplate] = []
    for t in templates {
      let identity = NestedStacks.identity(t.file)
      let parent = templates.lazy.filter { $0.file != t.file && !dropped.contains($0.file) }.compactMap { u in
        u.resources.first { r in NestedStacks.literalFile(of: r, in: u.file).map(NestedStacks.identity) == identity }
          .map { (u.file, $0.id) }
      }.first
      guard let (file, stack) = parent else {
        kept.append(t)
        continue
      }
      dropped.insert(t.file)
      notices.append(
        ArchitectureNotice(
          kind: .nestedTemplate,
          message:
            "\(t.file): \(t.file) is the template of \(stack), a nested stack of \(file): it is read once, as that nested stack, its resources named \(stack)/ID",
          component: nil, location: SourceLocation(file: t.file, line: nil, column: nil, path: "")))
    }
    return kept
  }

  /// A template's parameter values: those the profile gives (each an allowed value), else the defaults.
  func parameterValues(_ template: CloudFormationTemplate, _ parameters: [String: (String, YAMLCursor)]) -> [String:
    TemplateNode]
  {
    var values: [String: TemplateNode] = [:]
    for p in template.parameters {
      if let (text, cursor) = parameters[p.name] {
        if let allowed = p.allowedValues,
          !(p.isList ? CloudFormationTemplate.Parameter.members(text) : [text]).allSatisfy(allowed.contains)
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
    _ resolver: CloudFormationResolver, implicit: [CloudFormationTemplate.Resource], prefix: String = "",
    seen: inout [String: SourceLocation],
    result: inout [TemplateExpander.Located], notices: inout [ArchitectureNotice]
  ) -> [CloudFormationTemplate.Resource] {
    var created: [CloudFormationTemplate.Resource] = []
    for r in resolver.template.resources + implicit {
      let id = prefix + r.id
      if let first = seen[id] {
        diagnostics.add(
          r.location.diagnostic(
            .error,
            "logical ID \(id) is also defined at \(first.short); the templates of one architecture need distinct logical IDs, which name its components"
          ))
        continue
      }
      seen[id] = r.location
      if let condition = r.condition {
        switch resolver.condition(condition) {
        case false?:
          result.append((id, r.type, r.location, .notCreated(condition)))
          continue
        case nil:
          notices.append(
            ArchitectureNotice(
              kind: .undecidedCondition,
              message:
                "\(id): condition \(condition) cannot be decided before deployment; the resource is priced as if created",
              component: id, location: r.location))
        case true?: break
        }
      }
      created.append(r)
    }
    return created
  }
}
