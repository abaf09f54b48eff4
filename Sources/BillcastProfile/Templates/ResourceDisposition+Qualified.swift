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
