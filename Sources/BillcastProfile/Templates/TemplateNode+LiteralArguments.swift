import BillcastCore

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
