import BillcastCore

extension ResourceDefinition {
  /// What billcast makes of `r`: its conditions, then its service, inputs and rules.
  func disposition(of r: DefinedResource, diagnostics: DiagnosticCollector) -> ResourceDisposition {
    if let partOf { return partOf.disposition(of: r) }
    var notes: [String] = []
    for condition in conditions {
      guard let found = condition.holds(for: r) else { continue }
      let message = condition.message.replacingOccurrences(of: "{value}", with: TerminalText.excerpt(found.value ?? ""))
        .replacingOccurrences(of: "{property}", with: PropertyPath.display(found.path))
      switch condition.outcome {
      case .free: return .free
      case .notPriced: return .notPriced(message)
      case .error:
        diagnostics.add((found.node?.location ?? r.location).diagnostic(.error, message))
        return .notPriced(message)
      case .note: notes.append(message)
      }
    }
    if case .free = service { return .free }
    var d = ComponentDraft(
      id: r.id, type: r.type, service: serviceID(for: r, diagnostics: diagnostics), location: r.location,
      required: required)
    d.notes = notes
    for input in inputs { input.apply(to: &d, r, diagnostics: diagnostics) }
    for rule in rules {
      if let other = IrregularRules.apply(rule, to: &d, r, diagnostics: diagnostics) { return other }
    }
    return .priced(d)
  }

  /// The service `r` prices as; an unknown choice is a located error (priced as the first choice).
  private func serviceID(for r: DefinedResource, diagnostics: DiagnosticCollector) -> String {
    switch service {
    case .fixed(let id): return id
    case .free, .owner: return ""
    case .chosen(let path, let map, let absent):
      let values = map.values(r.format)
      let fallback = absent ?? values.values.sorted().first ?? ""
      guard let (node, p) = r.node(path) else {
        if absent == nil, let first = path.paths(r.format).first {
          diagnostics.add(
            r.location.diagnostic(
              .error,
              "\(PropertyPath.display(first)) is missing; expected one of: \(values.keys.sorted().joined(separator: ", "))"
            ))
        }
        return fallback
      }
      // YAML 1.1's booleans (`False`, `TRUE`) reach a template as written; CloudFormation reads them as booleans.
      if let text = node.text, let id = values[text] ?? values[text.lowercased()] { return id }
      let found = node.unknownReason ?? "found '\(TerminalText.excerpt(node.text ?? ""))'"
      diagnostics.add(
        node.location.diagnostic(
          .error,
          "\(PropertyPath.display(p)) must be \(values.keys.sorted().joined(separator: " or ")) to price the resource (\(found))"
        ))
      return fallback
    }
  }
}

extension ResourceDefinition.PartOf {
  /// Part of the resource the link finds, else not priced.
  func disposition(of r: DefinedResource) -> ResourceDisposition {
    if let when {
      guard let text = r.node(when.at)?.node.text, when.values.contains(text) else { return .notPriced(otherwise) }
    }
    guard let links = r.links else { return .notPriced(otherwise) }
    switch link {
    case .target(let path, let names):
      for p in path.paths(r.format) {
        if let owner = links.target(of: r.id, at: p, names: names) { return .partOf(owner) }
      }
    case .referrer(let types, let path):
      for type in types[r.format] ?? [] {
        for p in path.paths(r.format) {
          if let owner = links.referrers(to: r.id, type: type, at: p, names: nil).first { return .partOf(owner) }
        }
      }
    }
    return .notPriced(otherwise)
  }
}

extension ResourceDefinition.Condition {
  /// The property's node, path and value text when the condition holds for `r`, else nil.
  func holds(for r: DefinedResource) -> (node: TemplateNode?, path: String, value: String?)? {
    let found = r.node(at)
    let path = found?.path ?? at.paths(r.format).first ?? ""
    guard !at.paths(r.format).isEmpty else { return nil }
    let value = found == nil ? absentValue : found?.node.text
    // An empty list sets nothing (a plan writes every unused block as []).
    let isSet = found.map { $0.node.items.map { !$0.isEmpty } ?? true } ?? false
    // As written, or lowercased: AWS reads some values in any case (`Engine: MySQL`), and the
    // definitions list them as the Price List and Terraform write them.
    func listed(_ list: [String], _ v: String) -> Bool { list.contains(v) || list.contains(v.lowercased()) }
    let holds: Bool
    switch test {
    case .present: holds = isSet
    case .absent: holds = !isSet
    case .isIn(let lists): holds = value.map { listed(lists[r.format.rawValue] ?? [], $0) } ?? false
    case .isNotIn(let lists): holds = value.map { !listed(lists[r.format.rawValue] ?? [], $0) } ?? false
    case .below(let bound):
      guard let value, case .success(let number) = ExactDecimal.parse(value.trimmingCharacters(in: .whitespaces))
      else { return nil }
      holds = number < bound
    }
    return holds ? (found?.node, path, value) : nil
  }
}

extension ResourceDefinition.Input {
  /// Sets the input on the draft from `r`'s properties, or its default.
  func apply(to d: inout ComponentDraft, _ r: DefinedResource, diagnostics: DiagnosticCollector) {
    let display: String
    switch source {
    case .constant(let text):
      return d.set(name, text, property: r.type, at: r.location)
    case .number(let path, let divisor):
      display = ResourceDefinition.PropertyPath.display(path.paths(r.format).first ?? name)
      if let (node, p) = r.node(path, afterApplyIsDefault: afterApplyIsDefault) {
        d.number(
          name, node, property: ResourceDefinition.PropertyPath.display(p), divisor: divisor, diagnostics: diagnostics)
      }
    case .choice(let path, let map):
      display = ResourceDefinition.PropertyPath.display(path.paths(r.format).first ?? name)
      if let (node, p) = r.node(path, afterApplyIsDefault: afterApplyIsDefault) {
        d.choice(
          name, firstItem ? (node.items?.first ?? node) : node, property: ResourceDefinition.PropertyPath.display(p),
          values: map.values(r.format), diagnostics: diagnostics)
      }
    case .count(let path, let plus):
      display = ResourceDefinition.PropertyPath.display(path.paths(r.format).first ?? name)
      guard let (node, p) = r.node(path) else {
        if plus > 0 { d.set(name, String(plus), property: r.type, at: r.location) }
        break
      }
      guard let items = node.items else {
        d.unresolved(name, property: ResourceDefinition.PropertyPath.display(p), node: node)
        break
      }
      if items.isEmpty && plus > 0 {
        d.set(name, String(plus), property: r.type, at: r.location)
      } else {
        d.set(name, String(items.count + plus), property: ResourceDefinition.PropertyPath.display(p), at: node.location)
      }
    }
    if let defaultValue { d.setDefault(name, defaultValue, property: display) }
  }
}
