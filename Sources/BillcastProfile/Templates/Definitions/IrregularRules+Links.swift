import BillcastCore

/// The rules across resources: what one resource says about another's price, applied once
/// every resource of the templates or plan is read. Each is code because it gathers several
/// resources into one component (a function's Provisioned Concurrency configurations, an API's
/// stage caches, an instance's Elastic IPs) or changes one resource's service by another's word (a
/// distribution's Lambda@Edge functions), which a definition of one resource cannot say.
extension IrregularRules {
  /// Applies the rules across resources to `dispositions` (one per resource, in order).
  static func link(
    _ resources: [DefinedResource], _ dispositions: inout [ResourceDisposition], diagnostics: DiagnosticCollector
  ) {
    var index: [String: Int] = [:]
    for (i, r) in resources.enumerated() where index[r.id] == nil { index[r.id] = i }
    func update(_ id: String, _ change: (inout ComponentDraft) -> Void) {
      guard let i = index[id], case .priced(var d) = dispositions[i] else { return }
      change(&d)
      dispositions[i] = .priced(d)
    }
    natAddresses(resources, &dispositions)
    elasticIPAddresses(resources, dispositions, index: index, update: update)
    stageCaches(resources, diagnostics: diagnostics, update: update)
    provisionedConcurrency(resources, &dispositions, index: index, diagnostics: diagnostics)
    scheduledInvocations(resources, diagnostics: diagnostics, update: update)
    lambdaAtEdge(resources, &dispositions, index: index, diagnostics: diagnostics)
  }

  /// Every public IPv4 address costs $0.005 an hour, attached or not: an instance has one per
  /// Elastic IP attached to it.
  private static func elasticIPAddresses(
    _ resources: [DefinedResource], _ dispositions: [ResourceDisposition], index: [String: Int],
    update: (String, (inout ComponentDraft) -> Void) -> Void
  ) {
    var addresses: [String: [DefinedResource]] = [:]
    var owners: [String] = []
    for (i, r) in resources.enumerated() where r.type == name(r, "AWS::EC2::EIP", "aws_eip") {
      guard case .partOf(let owner) = dispositions[i], let j = index[owner],
        resources[j].type == name(r, "AWS::EC2::Instance", "aws_instance")
      else { continue }
      if addresses[owner] == nil { owners.append(owner) }
      addresses[owner, default: []].append(r)
    }
    for owner in owners {
      let eips = addresses[owner]!
      update(owner) {
        $0.set(
          "public_ipv4", String(eips.count), property: "\(eips[0].type) " + eips.map(\.id).joined(separator: ", "),
          at: eips[0].location)
      }
    }
  }

  /// A REST API stage's cache: the first one the API's own, each further one a cache cluster of
  /// its own, a component `Api.Stage` beside the API's (its requests are counted on the API).
  private static func stageCaches(
    _ resources: [DefinedResource], diagnostics: DiagnosticCollector,
    update: (String, (inout ComponentDraft) -> Void) -> Void
  ) {
    for stage in resources where stage.type == name(stage, "AWS::ApiGateway::Stage", "aws_api_gateway_stage") {
      guard let api = stage.links?.target(of: stage.id, at: name(stage, "RestApiId", "rest_api_id"), names: nil)
      else { continue }
      let enabled = stage.properties[name(stage, "CacheClusterEnabled", "cache_cluster_enabled")]
      let sizeProperty = name(stage, "CacheClusterSize", "cache_cluster_size")
      let size = stage.properties[sizeProperty]
      update(api) { api in
        guard api.has("cache_gb") else {
          return api.stageCache(enabled: enabled, size: size, sizeProperty: sizeProperty, diagnostics: diagnostics)
        }
        var d = ComponentDraft(
          id: "\(api.id).\(stage.id)", type: stage.type, service: api.service, location: stage.location)
        d.stageCache(enabled: enabled, size: size, sizeProperty: sizeProperty, diagnostics: diagnostics)
        guard d.has("cache_gb") else { return }
        d.set("requests", "0", property: "requests (counted on \(api.id))", at: stage.location)
        api.attached.append(d)
      }
    }
  }

  /// Provisioned Concurrency for the whole month: the sum of every configuration of a function
  /// (its own, every alias's and version's, or each plan configuration naming it). A
  /// configuration whose function cannot be told is never free: an error in a template, not
  /// priced (with the reason) in a plan, whose configurations are resources of their own.
  private static func provisionedConcurrency(
    _ resources: [DefinedResource], _ dispositions: inout [ResourceDisposition], index: [String: Int],
    diagnostics: DiagnosticCollector
  ) {
    let functionTypes: Set = ["AWS::Lambda::Function", "AWS::Serverless::Function", "aws_lambda_function"]
    func isFunction(_ id: String?) -> Bool {
      id.flatMap { index[$0] }.map { functionTypes.contains(resources[$0].type) } ?? false
    }
    var configurations: [String: [(executions: TemplateNode, source: DefinedResource)]] = [:]
    var functions: [String] = []
    func add(_ function: String, _ executions: TemplateNode, _ source: DefinedResource) {
      if configurations[function] == nil { functions.append(function) }
      configurations[function, default: []].append((executions, source))
    }
    for (i, r) in resources.enumerated() {
      if r.format == .cloudFormation {
        guard let executions = r.properties.at("ProvisionedConcurrencyConfig.ProvisionedConcurrentExecutions") else {
          continue
        }
        if functionTypes.contains(r.type) {
          add(r.id, executions, r)
        } else if ["AWS::Lambda::Alias", "AWS::Lambda::Version"].contains(r.type) {
          let function = r.links?.target(of: r.id, at: "FunctionName", names: "function")
          if let function, isFunction(function) {
            add(function, executions, r)
          } else {
            unknownFunction(r, diagnostics)
          }
        }
      } else if r.type == "aws_lambda_provisioned_concurrency_config" {
        let function = r.links?.target(of: r.id, at: "function_name", names: "function")
        guard let function, isFunction(function), let executions = r.properties["provisioned_concurrent_executions"]
        else {
          let name = r.properties["function_name"]?.text.map { " ('\(TerminalText.excerpt($0))')" } ?? ""
          dispositions[i] = .notPriced(
            "its function_name\(name) names no aws_lambda_function of the plan, so its Provisioned Concurrency is not priced; give the function's provisioned_concurrency under usage"
          )
          continue
        }
        add(function, executions, r)
        dispositions[i] = .partOf(function)
      }
    }
    for function in functions {
      let list = configurations[function]!
      guard let i = index[function], case .priced(var d) = dispositions[i] else { continue }
      let cloudFormation = list[0].source.format == .cloudFormation
      d.provision(
        list.map(\.executions),
        property: cloudFormation ? "ProvisionedConcurrentExecutions" : "provisioned_concurrent_executions",
        source: cloudFormation ? "ProvisionedConcurrencyConfig" : list.map(\.source.id).joined(separator: ", "),
        diagnostics: diagnostics)
      dispositions[i] = .priced(d)
    }
  }

  /// An alias's or version's Provisioned Concurrency whose function is not one billcast can tell:
  /// an error, for the executions are billed on a function that cannot be priced (never free).
  private static func unknownFunction(_ r: DefinedResource, _ diagnostics: DiagnosticCollector) {
    let node = r.properties["FunctionName"]
    let why =
      node.map { n in
        n.unknownReason.map { "cannot be resolved statically: \($0)" }
          ?? "'\(TerminalText.excerpt(n.text ?? n.kindName))' names no Lambda function of the templates"
      } ?? "it has no FunctionName"
    diagnostics.add(
      (node?.location ?? r.location).diagnostic(
        .error,
        "\(r.id) has Provisioned Concurrency (ProvisionedConcurrencyConfig) for a function billcast cannot tell: FunctionName \(why); name a function of the templates with !Ref, or its literal FunctionName"
      ))
  }
}
