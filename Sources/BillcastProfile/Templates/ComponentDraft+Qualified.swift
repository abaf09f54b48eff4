import BillcastCore

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
