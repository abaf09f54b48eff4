import BillcastCore

/// Turns a Terraform plan's resources into components, as ``CloudFormationMapper`` does for
/// templates, reading the AWS provider's attribute names.
struct TerraformMapper {
  let plan: TerraformPlan
  let diagnostics: DiagnosticCollector
  /// Which instance each reference names, resolved once.
  let links: TerraformLinks

  typealias Resource = TerraformPlan.Resource

  /// The references a price depends on, by resource type: the definitions' links and these.
  static let linkedAttributes: [String: [String]] = {
    var result = handLinkedAttributes
    for definition in ResourceDefinitions.builtIn.all {
      guard let partOf = definition.partOf else { continue }
      switch partOf.link {
      case .target(let path, _):
        for type in definition.types[.terraform] ?? [] { result[type, default: []] += path.terraform }
      case .referrer(let types, let path):
        for type in types[.terraform] ?? [] { result[type, default: []] += path.terraform }
      }
    }
    return result.mapValues { Array(Set($0)).sorted() }
  }()

  /// The references the irregular mappings below follow, by resource type.
  static let handLinkedAttributes = [
    "aws_rds_cluster_instance": ["cluster_identifier"], "aws_ecs_service": ["task_definition"], "aws_eip": ["instance"],
    "aws_nat_gateway": ["allocation_id"], "aws_eip_association": ["allocation_id", "public_ip", "instance_id"],
    "aws_lambda_provisioned_concurrency_config": ["function_name"], "aws_api_gateway_stage": ["rest_api_id"],
  ]

  init(plan: TerraformPlan, diagnostics: DiagnosticCollector) {
    self.plan = plan
    self.diagnostics = diagnostics
    links = TerraformLinks(plan.resources, attributes: Self.linkedAttributes)
  }

  /// The plan's resources and what billcast makes of them; `notices` gains what had to be
  /// guessed about which instance a reference names.
  func map(notices: inout [ArchitectureNotice]) -> [TemplateExpander.Located] {
    var result: [TemplateExpander.Located] = plan.resources.map { r in (r.address, r.type, r.location, disposition(r)) }
    link(&result)
    notices += links.notices
    return result
  }

  /// The plan resources of `type` whose `attribute` refers to `r`.
  func referrers(to r: Resource, type: String, attribute: String) -> [Resource] {
    guard let i = links.position[r.address] else { return [] }
    return links.referrers[i].lazy.filter { $0.attribute == attribute }.map { plan.resources[$0.from] }.filter {
      $0.type == type
    }
  }

  /// The resource instance `r`'s `attribute` refers to.
  func referenced(_ r: Resource, _ attribute: String) -> Resource? {
    guard let i = links.position[r.address], let target = links.targets[i][attribute]?.first else { return nil }
    return plan.resources[target]
  }

  /// The plan's functions by their planned `function_name` and `arn`, for Provisioned Concurrency
  /// configs that name their function by a literal, not by a reference to it.
  private func functionsByName() -> [String: [Resource]] {
    var result: [String: [Resource]] = [:]
    for r in plan.resources where r.type == "aws_lambda_function" {
      for name in Set(["function_name", "arn"].compactMap { r.values[$0]?.text }) where !name.isEmpty {
        result[name, default: []].append(r)
      }
    }
    return result
  }

  /// What billcast makes of one planned resource: its definition's reading (see
  /// ``ResourceDefinitions``), else free or not priced.
  private func disposition(_ r: Resource) -> ResourceDisposition {
    if let definition = ResourceDefinitions.builtIn.definition(.terraform, type: r.type) {
      let resource = DefinedResource(
        id: r.address, type: r.type, location: r.location, properties: r.values, format: .terraform, links: self)
      return definition.disposition(of: resource, diagnostics: diagnostics)
    }
    return .notPriced("billcast has no pricing for \(r.type) yet")
  }

  /// Provisioned Concurrency configs, API stage caches and Elastic IPs, applied to their
  /// function, API or instance.
  private func link(_ result: inout [TemplateExpander.Located]) {
    // `result` is in plan order.
    func update(_ address: String, _ change: (inout ComponentDraft) -> Void) {
      guard let i = links.position[address], case .priced(var d) = result[i].disposition else { return }
      change(&d)
      result[i].disposition = .priced(d)
    }
    var addresses: [String: [Resource]] = [:]
    var owners: [String] = []
    for (i, r) in plan.resources.enumerated() {
      switch r.type {
      case "aws_eip":
        // Every public IPv4 address costs $0.005 an hour, attached or not: one per Elastic IP.
        if case .partOf(let owner) = result[i].disposition,
          plan.resources[links.position[owner]!].type == "aws_instance"
        {
          if addresses[owner] == nil { owners.append(owner) }
          addresses[owner, default: []].append(r)
        }
      case "aws_api_gateway_stage":
        if r.values["cache_cluster_enabled"]?.text == "true", let api = referenced(r, "rest_api_id") {
          let size = r.values["cache_cluster_size"] ?? TemplateNode(.scalar("0.5"), r.location)
          update(api.address) {
            $0.choice(
              "cache_gb", size, property: "cache_cluster_size", values: ["0.5": "0.5gb", "1.6": "1.6gb"],
              diagnostics: diagnostics)
          }
        }
      default: break
      }
    }
    // Each configuration (the function's own, every alias's and version's) adds its executions.
    for (function, configs) in provisioned(&result) {
      update(function) {
        $0.provision(
          configs.map(\.executions), property: "provisioned_concurrent_executions",
          source: configs.map(\.config.address).joined(separator: ", "), diagnostics: diagnostics)
      }
    }
    for owner in owners {
      let eips = addresses[owner]!
      update(owner) {
        $0.set(
          "public_ipv4", String(eips.count), property: "aws_eip " + eips.map(\.address).joined(separator: ", "),
          at: eips[0].location)
      }
    }
  }

  /// The Provisioned Concurrency configs of each function, in plan order, each config made part of
  /// its function: named by a reference or by the function's planned name or ARN; a config that
  /// names no function of the plan is not priced (never free).
  private func provisioned(
    _ result: inout [TemplateExpander.Located]
  ) -> [(function: String, configs: [(config: Resource, executions: TemplateNode)])] {
    var configs: [String: [(config: Resource, executions: TemplateNode)]] = [:]
    var functions: [String] = []
    let byName = functionsByName()
    for (i, r) in plan.resources.enumerated() where r.type == "aws_lambda_provisioned_concurrency_config" {
      let literal = r.values["function_name"]?.text
      guard
        let function = referenced(r, "function_name")
          ?? literal.flatMap({ byName[$0]?.count == 1 ? byName[$0]![0] : nil }),
        let executions = r.values["provisioned_concurrent_executions"]
      else {
        let name = literal.map { " ('\(TerminalText.excerpt($0))')" } ?? ""
        result[i].disposition = .notPriced(
          "its function_name\(name) names no aws_lambda_function of the plan, so its Provisioned Concurrency is not priced; give the function's provisioned_concurrency under usage"
        )
        continue
      }
      if configs[function.address] == nil { functions.append(function.address) }
      configs[function.address, default: []].append((r, executions))
      result[i].disposition = .partOf(function.address)
    }
    return functions.map { ($0, configs[$0]!) }
  }
}

extension TerraformMapper: ResourceLinks {
  func target(of id: String, at path: String, names: String?) -> String? {
    guard let i = links.position[id] else { return nil }
    return referenced(plan.resources[i], path)?.address
  }

  func referrers(to id: String, type: String, at path: String, names: String?) -> [String] {
    guard let i = links.position[id] else { return [] }
    return referrers(to: plan.resources[i], type: type, attribute: path).map(\.address)
  }

  func properties(of id: String) -> TemplateNode? { links.position[id].map { plan.resources[$0].values } }
}
