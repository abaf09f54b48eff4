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
    let functions = Set(
      result.filter { ["AWS::Lambda::Function", "AWS::Serverless::Function"].contains($0.0.type) }.map(\.0.id))
    for (r, disposition) in result {
      let p = properties[r.id]!
      let executions = p.at("ProvisionedConcurrencyConfig.ProvisionedConcurrentExecutions")
      switch r.type {
      case "AWS::Lambda::Function", "AWS::Serverless::Function":
        if let executions { provisioned.append((r.id, executions)) }
      case "AWS::Lambda::Alias", "AWS::Lambda::Version":
        guard let executions else { break }
        if let function = names.target(p["FunctionName"], kind: .function), functions.contains(function) {
          provisioned.append((function, executions))
        } else {
          unknownFunction(r, p["FunctionName"])
        }
      case "AWS::ApiGateway::Stage":
        if let api = p["RestApiId"]?.referencedResource { update(api) { stageCache(&$0, r, p) } }
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

  /// A REST API stage's cache: the first one the API's own, each further one a cache cluster of
  /// its own, a component `Api.Stage` beside the API's (its requests are counted on the API).
  func stageCache(_ api: inout ComponentDraft, _ stage: Resource, _ p: TemplateNode) {
    guard api.has("cache_gb") else {
      return cache(&api, enabled: p["CacheClusterEnabled"], size: p["CacheClusterSize"])
    }
    var d = ComponentDraft(
      id: "\(api.id).\(stage.id)", type: stage.type, service: api.service, location: stage.location)
    cache(&d, enabled: p["CacheClusterEnabled"], size: p["CacheClusterSize"])
    guard d.has("cache_gb") else { return }
    d.set("requests", "0", property: "requests (counted on \(api.id))", at: stage.location)
    api.attached.append(d)
  }

  /// An alias's or version's Provisioned Concurrency whose function is not one billcast can tell:
  /// an error, for the executions are billed on a function that cannot be priced (never free).
  func unknownFunction(_ r: Resource, _ name: TemplateNode?) {
    let why =
      name.map { n in
        n.unknownReason.map { "cannot be resolved statically: \($0)" }
          ?? "'\(TerminalText.excerpt(n.text ?? n.kindName))' names no Lambda function of the templates"
      } ?? "it has no FunctionName"
    diagnostics.add(
      (name?.location ?? r.location).diagnostic(
        .error,
        "\(r.id) has Provisioned Concurrency (ProvisionedConcurrencyConfig) for a function billcast cannot tell: FunctionName \(why); name a function of the templates with !Ref, or its literal FunctionName"
      ))
  }

}
