import BillcastCore

extension CloudFormationValidator {
  /// Checks that `Mappings` holds only literal values, as CloudFormation requires: "You can't
  /// include parameters, pseudo parameters, or intrinsic functions in the Mappings section."
  ///
  /// A mapping that calls `Fn::FindInMap` on itself would otherwise be followed forever.
  func validateMappings() {
    guard let mappings = template.mappings else { return }
    var pending: [(node: TemplateNode, path: String)] = [(mappings, "Mappings")]
    while let (node, path) = pending.popLast() {
      switch node.value {
      case .map(let entries):
        if entries.count == 1, entries[0].key == "Ref" || entries[0].key.hasPrefix("Fn::") {
          diagnostics.add(
            node.location.diagnostic(
              .error,
              "\(entries[0].key) inside Mappings (at \(path)); CloudFormation allows only literal values there (no parameters, pseudo parameters or intrinsic functions)"
            ))
          continue
        }
        for (key, value) in entries.reversed() { pending.append((value, "\(path).\(TerminalText.excerpt(key))")) }
      case .list(let items):
        for (index, item) in items.enumerated().reversed() { pending.append((item, "\(path)[\(index)]")) }
      default: continue
      }
    }
  }
}
