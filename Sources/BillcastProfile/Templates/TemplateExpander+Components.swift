import BillcastCore

extension TemplateExpander {
  typealias Located = (id: String, type: String, location: SourceLocation, disposition: ResourceDisposition)

  /// Accounts for every resource and builds a component from each priced one, with its usage.
  func build(_ located: [Located], usage: inout [String: Usage], into expansion: inout Expansion) {
    for r in located {
      switch r.disposition {
      case .priced(let draft):
        var names: [String] = []
        for d in [draft] + draft.attached {
          guard let component = component(d, usage: &usage, notices: &expansion.notices) else { continue }
          names.append(component.name)
          expansion.components.append(component)
        }
        for part in draft.unpricedParts {
          expansion.notices.append(
            ArchitectureNotice(
              kind: .unpricedResource,
              message: "\(part.id) (part of \(r.id), \(part.location.short)) is not priced: \(part.reason)",
              component: nil, location: part.location))
        }
        expansion.resources.append(
          TemplateResource(id: r.id, type: r.type, location: r.location, status: .priced(names)))
      case .partOf(let owner):
        expansion.resources.append(
          TemplateResource(id: r.id, type: r.type, location: r.location, status: .partOf(owner)))
      case .free:
        expansion.resources.append(TemplateResource(id: r.id, type: r.type, location: r.location, status: .free))
      case .notCreated(let condition):
        expansion.resources.append(
          TemplateResource(id: r.id, type: r.type, location: r.location, status: .notCreated(condition)))
      case .notPriced(let reason):
        expansion.resources.append(
          TemplateResource(id: r.id, type: r.type, location: r.location, status: .notPriced(reason)))
        expansion.notices.append(
          ArchitectureNotice(
            kind: .unpricedResource, message: "\(r.id) (\(r.type), \(r.location.short)) is not priced: \(reason)",
            component: nil, location: r.location))
      }
    }
  }

  /// The usage entry for a resource id: exact, else without a Terraform instance key (`ssr[0]` → `ssr`).
  private func usageKey(_ id: String, _ usage: [String: Usage]) -> String? {
    if usage[id] != nil { return id }
    if id.hasSuffix("]"), let open = id.lastIndex(of: "["), usage[String(id[..<open])] != nil {
      return String(id[..<open])
    }
    return nil
  }

  /// A draft resource as a component: the template's inputs, then the profile's usage inputs
  /// and overrides; every input the draft needs must be there (never a silent zero).
  private func component(_ d: ComponentDraft, usage: inout [String: Usage], notices: inout [ArchitectureNotice])
    -> Component?
  {
    let key = usageKey(d.id, usage)
    if let key { usage[key]!.used = true }
    let entry = key.flatMap { usage[$0] }
    let usagePath = "architectures.\(architecture).usage.\(key ?? d.id)"
    var inputs = d.inputs.map {
      ComponentInput(
        name: $0.name, text: $0.text, isPlain: false, location: $0.location, keyLocation: $0.location,
        statedByTemplate: true)
    }
    addUsage(entry, to: &inputs, draft: d)
    applyOverrides(entry, to: &inputs, draft: d, key: key, notices: &notices)
    add(d.additions, to: &inputs)
    for u in d.unresolved {
      if inputs.contains(where: { $0.name == u.name }) {
        notices.append(
          ArchitectureNotice(
            kind: .unresolvedValue,
            message:
              "\(d.id): \(u.property) cannot be resolved statically (\(u.reason)); \(u.name) is taken from usage",
            component: d.id, location: u.location))
      } else {
        diagnostics.add(
          u.location.diagnostic(
            .error, "\(u.property) cannot be resolved statically: \(u.reason); give \(u.name) under \(usagePath)"))
      }
    }
    for name in d.required
    where !inputs.contains(where: { $0.name == name }) && !(entry?.reported.contains(name) ?? false) {
      diagnostics.add(
        (entry?.key.location ?? d.location).diagnostic(
          .error,
          "\(d.id) (\(d.type)) needs usage input '\(name)' under \(usagePath): a template resource is never priced at a silent zero"
        ))
    }
    return Component(
      name: d.id, label: entry?.label, service: d.service, description: nil, inputs: inputs,
      location: entry?.key.location ?? d.location, serviceLocation: d.location, usagePath: usagePath)
  }

  /// The profile's usage inputs for a resource: neither one the resource excludes nor one its template states.
  private func addUsage(_ entry: Usage?, to inputs: inout [ComponentInput], draft d: ComponentDraft) {
    for input in entry?.inputs ?? [] {
      if let why = d.excluded[input.name] {
        diagnostics.add(input.keyLocation.diagnostic(.error, "\(input.name) does not apply to \(d.id): \(why)"))
      } else if let stated = d.inputs.first(where: { $0.name == input.name }) {
        diagnostics.add(
          input.keyLocation.diagnostic(
            .error,
            "\(input.name) is set by the template: \(stated.property) = \(TerminalText.excerpt(stated.text)) at \(stated.location.short); to replace it, give it under override:"
          ))
      } else {
        inputs.append(input)
      }
    }
  }

  /// Adds what other resources add to an input (a schedule's invocations of its function) to
  /// the profile's value of it, or gives it their sum when the profile gives none.
  private func add(_ additions: [ComponentDraft.Input], to inputs: inout [ComponentInput]) {
    var names: [String] = []
    for a in additions where !names.contains(a.name) { names.append(a.name) }
    for name in names {
      let terms = additions.filter { $0.name == name }
      let sum = terms.map { "(\($0.text))" }.joined(separator: " + ")
      if let i = inputs.firstIndex(where: { $0.name == name }) {
        inputs[i].text = "(\(inputs[i].text)) + \(sum)"
        inputs[i].isPlain = false
      } else {
        inputs.append(
          ComponentInput(
            name: name, text: sum, isPlain: false, location: terms[0].location, keyLocation: terms[0].location))
      }
    }
  }

  /// The profile's overrides of values the template states, each with a notice.
  private func applyOverrides(
    _ entry: Usage?, to inputs: inout [ComponentInput], draft d: ComponentDraft, key: String?,
    notices: inout [ArchitectureNotice]
  ) {
    for input in entry?.overrides ?? [] {
      guard let i = inputs.firstIndex(where: { $0.name == input.name }),
        let stated = d.inputs.first(where: { $0.name == input.name })
      else {
        diagnostics.add(
          input.keyLocation.diagnostic(
            .error,
            "override.\(input.name): the template does not set \(input.name); give it directly under usage.\(key ?? d.id)"
          ))
        continue
      }
      inputs[i] = input
      notices.append(
        ArchitectureNotice(
          kind: .templateOverride,
          message:
            "\(d.id): \(input.name) = \(TerminalText.excerpt(input.text)) overrides the template's \(stated.property) = \(TerminalText.excerpt(stated.text)) (\(stated.location.short))",
          component: d.id, location: input.location))
    }
  }
}
