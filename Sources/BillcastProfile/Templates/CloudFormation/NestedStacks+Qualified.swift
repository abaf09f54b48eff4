import BillcastCore

extension ResourceDisposition {
  /// The disposition of a nested template's resource, the components and owners it names
  /// qualified by the stack's path (`Stack/`).
  func qualified(_ prefix: String) -> ResourceDisposition {
    guard !prefix.isEmpty else { return self }
    switch self {
    case .priced(let draft): return .priced(draft.qualified(prefix))
    case .partOf(let owner): return .partOf(prefix + owner)
    case .free, .notPriced, .notCreated: return self
    }
  }
}

extension ComponentDraft {
  /// The draft with its id, and those of what it creates, qualified by a nested stack's path.
  func qualified(_ prefix: String) -> ComponentDraft {
    var d = self
    d.id = prefix + id
    d.attached = attached.map { $0.qualified(prefix) }
    d.unpricedParts = unpricedParts.map { (prefix + $0.id, $0.reason, $0.location) }
    return d
  }
}

extension TemplateNode {
  /// The value with each resource it names qualified by a nested stack's path: a nested stack's
  /// output read in its parent names a resource of the nested template, not of the parent.
  func qualifyingReferences(_ prefix: String) -> TemplateNode {
    guard !prefix.isEmpty else { return self }
    switch value {
    case .reference(let r, let attribute):
      return TemplateNode(.reference(prefix + r, attribute: attribute), location)
    case .list(let items):
      return TemplateNode(.list(items.map { $0.qualifyingReferences(prefix) }), location)
    case .map(let entries):
      return TemplateNode(.map(entries.map { ($0.key, $0.value.qualifyingReferences(prefix)) }), location)
    case .scalar, .null, .noValue, .unknown:
      return self
    }
  }
}
