import BillcastCore

/// How CloudFormation links resources: by `Ref` and `Fn::GetAtt`, or by a physical name.
struct CloudFormationLinks: ResourceLinks {
  let resources: [CloudFormationTemplate.Resource]
  let properties: [String: TemplateNode]
  let names: PhysicalNames

  func target(of id: String, at path: String, names kind: String?) -> String? {
    let node = properties[id]?.at(path)
    guard let kind else { return node?.referencedResource }
    return names.target(node, kind: kind == "cluster" ? .cluster : .function)
  }

  func referrers(to id: String, type: String, at path: String, names kind: String?) -> [String] {
    resources.filter { r in
      guard r.type == type else { return false }
      let node = properties[r.id]?.at(path)
      guard let kind else { return node?.referencedResource == id }
      return names.target(node, kind: kind == "cluster" ? .cluster : .function) == id
    }.map(\.id)
  }

  func properties(of id: String) -> TemplateNode? { properties[id] }
}
