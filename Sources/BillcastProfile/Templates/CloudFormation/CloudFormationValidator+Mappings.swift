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

extension TemplateNode {
  /// The conditions a condition's definition names with `Condition` (its dependencies).
  var conditionReferences: [String] { literalArguments(of: "Condition") }

  /// The literal text arguments of every one-key `function` mapping under this node, in document
  /// order (`Condition` names, `Fn::ImportValue` export names); walked without recursion.
  func literalArguments(of function: String) -> [String] {
    var found: [String] = []
    var pending: [TemplateNode] = [self]
    while let node = pending.popLast() {
      switch node.value {
      case .map(let entries):
        if entries.count == 1, entries[0].key == function, let name = entries[0].value.text {
          found.append(name)
        } else {
          pending.append(contentsOf: entries.map(\.value).reversed())
        }
      case .list(let items): pending.append(contentsOf: items.reversed())
      default: continue
      }
    }
    return found
  }
}
