import BillcastCore

extension CloudFormationMapper {
  /// Applies what one resource says about another's price: Provisioned Concurrency on an alias
  /// or version, a REST API stage's cache, an Elastic IP on an instance, an instance's volumes.
  func link(
    _ result: inout [(Resource, ResourceDisposition)], properties: [String: TemplateNode], names: PhysicalNames
  ) {
    func update(_ id: String, _ change: (inout ComponentDraft) -> Void) {
      guard let i = result.firstIndex(where: { $0.0.id == id }), case .priced(var d) = result[i].1 else { return }
      change(&d)
      result[i].1 = .priced(d)
    }
    var provisioned: [(function: String, executions: TemplateNode)] = []
    var addresses: [String: [Resource]] = [:]
    var owners: [String] = []
    for (r, disposition) in result {
      let p = properties[r.id]!
      let executions = p.at("ProvisionedConcurrencyConfig.ProvisionedConcurrentExecutions")
      switch r.type {
      case "AWS::Lambda::Function", "AWS::Serverless::Function":
        if let executions { provisioned.append((r.id, executions)) }
      case "AWS::Lambda::Alias", "AWS::Lambda::Version":
        if let executions, let function = names.target(p["FunctionName"], kind: .function) {
          provisioned.append((function, executions))
        }
      case "AWS::ApiGateway::Stage":
        if let api = p["RestApiId"]?.referencedResource {
          update(api) { cache(&$0, enabled: p["CacheClusterEnabled"], size: p["CacheClusterSize"]) }
        }
      case "AWS::EC2::EIP":
        // Every public IPv4 address costs $0.005 an hour, attached or not: one per Elastic IP.
        if case .partOf(let owner) = disposition,
          result.contains(where: { $0.0.id == owner && $0.0.type == "AWS::EC2::Instance" })
        {
          if addresses[owner] == nil { owners.append(owner) }
          addresses[owner, default: []].append(r)
        }
      default:
        break
      }
    }
    for owner in owners {
      let eips = addresses[owner]!
      update(owner) {
        $0.set(
          "public_ipv4", String(eips.count), property: "AWS::EC2::EIP " + eips.map(\.id).joined(separator: ", "),
          at: eips[0].location)
      }
    }
    // Each configuration (the function's own, every alias's and version's) adds its executions.
    var seen: Set<String> = []
    for function in provisioned.map(\.function) where seen.insert(function).inserted {
      update(function) {
        $0.provision(
          provisioned.filter { $0.function == function }.map(\.executions), property: "ProvisionedConcurrentExecutions",
          source: "ProvisionedConcurrencyConfig", diagnostics: diagnostics)
      }
    }
  }

  /// The EBS volumes an instance's `BlockDeviceMappings` create, each a component named
  /// `Instance.BlockDeviceMappings[i]`.
  func blockDevices(_ r: Resource, _ p: TemplateNode) -> [ComponentDraft] {
    var drafts: [ComponentDraft] = []
    for (i, mapping) in (p["BlockDeviceMappings"]?.items ?? []).enumerated() {
      guard let volume = mapping["Ebs"] else { continue }
      if case .priced(let d) = ebs(
        r, volume, typeProperty: "VolumeType", sizeProperty: "VolumeSize", defaultType: "gp2",
        id: "\(r.id).BlockDeviceMappings[\(i)]")
      {
        drafts.append(d)
      }
    }
    return drafts
  }
}

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
