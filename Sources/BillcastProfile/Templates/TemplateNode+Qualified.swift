import BillcastCore

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
