import BillcastCore

extension CloudFormationMapper {
  /// Applies what one resource says about another's price: Provisioned Concurrency on an alias
  /// or version, a REST API stage's cache, an Elastic IP on an instance, an instance's volumes.
  func link(_ result: inout [(Resource, ResourceDisposition)], properties: [String: TemplateNode]) {
    func update(_ id: String, _ change: (inout ComponentDraft) -> Void) {
      guard let i = result.firstIndex(where: { $0.0.id == id }), case .priced(var d) = result[i].1 else { return }
      change(&d)
      result[i].1 = .priced(d)
    }
    var addresses: [String: [Resource]] = [:]
    var owners: [String] = []
    for (r, disposition) in result {
      let p = properties[r.id]!
      switch r.type {
      case "AWS::Lambda::Alias", "AWS::Lambda::Version":
        if let executions = p.at("ProvisionedConcurrencyConfig.ProvisionedConcurrentExecutions"),
          let function = p["FunctionName"]?.referencedResource
        {
          update(function) { provision(&$0, executions) }
        }
      case "AWS::ApiGateway::Stage":
        if p["CacheClusterEnabled"]?.text == "true", let api = p["RestApiId"]?.referencedResource {
          update(api) { cache(&$0, p["CacheClusterSize"], at: p["CacheClusterEnabled"]!) }
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
