import BillcastCore

/// The physical names resources of the templates give themselves (a function's `FunctionName`,
/// a cluster's `DBClusterIdentifier`), so that another resource naming one by that literal name
/// is linked to it as by a `Ref`.
struct PhysicalNames {
  enum Kind { case function, cluster }
  private var names: [String: String] = [:]

  init(_ resources: [CloudFormationTemplate.Resource], properties: [String: TemplateNode]) {
    for r in resources {
      let p = properties[r.id]
      switch r.type {
      case "AWS::Lambda::Function", "AWS::Serverless::Function":
        if let name = p?["FunctionName"]?.text { names[Self.key(name, .function)] = r.id }
      case "AWS::RDS::DBCluster":
        if let name = p?["DBClusterIdentifier"]?.text { names[Self.key(name, .cluster)] = r.id }
      default: continue
      }
    }
  }

  /// RDS identifiers ignore case; a Lambda function may be named by ARN, partial ARN, or with a qualifier.
  static func key(_ name: String, _ kind: Kind) -> String {
    switch kind {
    case .cluster: return "cluster:" + name.lowercased()
    case .function:
      var rest = Substring(name)
      if let range = rest.range(of: "function:") { rest = rest[range.upperBound...] }
      return "function:" + (rest.split(separator: ":", omittingEmptySubsequences: false).first ?? rest)
    }
  }

  /// The resource `node` names: by `Ref` or `Fn::GetAtt`, else by a physical name of the templates.
  func target(_ node: TemplateNode?, kind: Kind) -> String? {
    guard let node else { return nil }
    if let r = node.referencedResource { return r }
    return node.text.flatMap { names[Self.key($0, kind)] }
  }
}
