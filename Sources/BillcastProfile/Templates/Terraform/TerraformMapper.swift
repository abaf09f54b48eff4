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

  private func draft(_ r: Resource, _ service: String, required: [String] = []) -> ComponentDraft {
    ComponentDraft(id: r.address, type: r.type, service: service, location: r.location, required: required)
  }

  /// The plan resources of `type` whose `attribute` refers to `r`.
  func referrers(to r: Resource, type: String, attribute: String) -> [Resource] {
    guard let i = links.position[r.address] else { return [] }
    return links.referrers[i].lazy.filter { $0.attribute == attribute }.map { plan.resources[$0.from] }.filter {
      $0.type == type
    }
  }

  /// A value, or nil when it is known only after apply and the provider then fills in AWS's
  /// default (a function's architecture, a volume's IOPS): the service's default is that default.
  private func known(_ node: TemplateNode?) -> TemplateNode? {
    if case .unknown? = node?.value { return nil }
    return node
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

  /// What billcast makes of one planned resource: a component, part of another, free, or unpriced.
  ///
  /// Long on purpose: one `case` per Terraform resource type billcast reads, each a few lines that
  /// read side by side as the mapping table (docs/infrastructure-as-code.md lists the same rows).
  private func disposition(_ r: Resource) -> ResourceDisposition {
    if let definition = ResourceDefinitions.builtIn.definition(.terraform, type: r.type) {
      let resource = DefinedResource(
        id: r.address, type: r.type, location: r.location, properties: r.values, format: .terraform, links: self)
      return definition.disposition(of: resource, diagnostics: diagnostics)
    }
    let v = r.values
    switch r.type {
    case "aws_rds_cluster":
      let v1 = v["engine_mode"]?.text == "serverless"
      let scaling = v1 ? v.at("scaling_configuration.0") : v.at("serverlessv2_scaling_configuration.0")
      guard v1 || scaling != nil else {
        return .notPriced("a provisioned Aurora cluster is not priced yet (only Aurora Serverless)")
      }
      var d = draft(r, v1 ? "aws.aurora-serverless-v1" : "aws.aurora-serverless-v2")
      d.choice(
        "engine", v["engine"], property: "engine", values: ComponentDraft.auroraEngines, diagnostics: diagnostics)
      if !v1, let storage = v["storage_type"], storage.text == "aurora-iopt1" {
        d.set("configuration", "io-optimized", property: "storage_type", at: storage.location)
      }
      let instances = referrers(to: r, type: "aws_rds_cluster_instance", attribute: "cluster_identifier").filter {
        $0.values["instance_class"]?.text == "db.serverless"
      }.count
      if let scaling {
        d.auroraCapacity(
          low: scaling["min_capacity"], high: scaling["max_capacity"], at: scaling,
          property: v1 ? "scaling_configuration" : "serverlessv2_scaling_configuration",
          minimumKey: "min_capacity", v1: v1, instances: instances)
      }
      return .priced(d)
    case "aws_instance":
      let instance = instance(r)  // read first: its located errors (a volume's invalid type) stand either way
      if let tenancy = v["tenancy"]?.text, tenancy != "default" {
        return .notPriced(
          "instances with tenancy '\(TerminalText.excerpt(tenancy))' are not priced yet (only default, shared tenancy)")
      }
      return .priced(instance)
    case "aws_ebs_volume": return ebs(r, v, id: r.address, type: "type", size: "size")
    case "aws_eip":
      if let owner = referenced(r, "instance") { return .partOf(owner.address) }
      if let nat = referrers(to: r, type: "aws_nat_gateway", attribute: "allocation_id").first {
        return .partOf(nat.address)
      }
      let associations = ["allocation_id", "public_ip"].flatMap {
        referrers(to: r, type: "aws_eip_association", attribute: $0)
      }
      if let owner = associations.lazy.compactMap({ referenced($0, "instance_id") }).first {
        return .partOf(owner.address)
      }
      return .notPriced(
        "an Elastic IP attached to no instance or NAT gateway of the plan ($0.005 an hour) is not priced yet")
    case "aws_ecs_service": return ecsService(r)
    default:
      if FreeResourceTypes.terraform.contains(r.type) { return .free }
      return .notPriced("billcast has no pricing for \(r.type) yet")
    }
  }

  private func instance(_ r: Resource) -> ComponentDraft {
    let v = r.values
    var d = draft(r, "aws.ec2")
    if let type = v["instance_type"] {
      if let t = type.text {
        d.set("instance_type", t, property: "instance_type", at: type.location)
      } else {
        d.unresolved("instance_type", property: "instance_type", node: type)
      }
    }
    if let associate = v["associate_public_ip_address"] {
      d.choice(
        "public_ipv4", associate, property: "associate_public_ip_address", values: ["true": "1", "false": "0"],
        diagnostics: diagnostics)
    }
    let devices =
      (v.at("root_block_device.0").map { [("\(r.address).root_block_device", $0)] } ?? [])
      + (v["ebs_block_device"]?.items ?? []).enumerated().map { ("\(r.address).ebs_block_device[\($0)]", $1) }
    for (id, device) in devices {
      switch ebs(r, device, id: id, type: "volume_type", size: "volume_size") {
      case .priced(let volume): d.attached.append(volume)
      case .notPriced(let why):
        d.unpricedParts.append((id, why + "; the estimate leaves this volume out", device.location))
      default: break
      }
    }
    return d
  }

  /// AWS creates a volume as gp2 when neither the plan nor the AMI says otherwise.
  private func ebs(_ r: Resource, _ v: TemplateNode, id: String, type: String, size: String) -> ResourceDisposition {
    ComponentDraft.ebsVolume(
      id: id, type: r.type, v, names: .init(type: type, size: size, iops: "iops", throughput: "throughput"),
      iops: known(v["iops"]), throughput: known(v["throughput"]), defaultType: "gp2", diagnostics: diagnostics)
  }

  private func ecsService(_ r: Resource) -> ResourceDisposition {
    let v = r.values
    let providers = v["capacity_provider_strategy"]?.items?.compactMap { $0["capacity_provider"]?.text } ?? []
    if let other = ComponentDraft.ecsLaunch(v["launch_type"]?.text, capacityProviders: providers) { return other }
    let definition = referenced(r, "task_definition")?.values
    if let family = definition?.at("runtime_platform.0.operating_system_family")?.text, family.hasPrefix("WINDOWS") {
      return .notPriced("Fargate tasks on \(TerminalText.excerpt(family)) are not priced yet (only Linux)")
    }
    var d = draft(r, "aws.ecs-fargate")
    d.number("tasks", v["desired_count"], property: "desired_count", diagnostics: diagnostics)
    d.choice(
      "public_ip", v.at("network_configuration.0.assign_public_ip"), property: "assign_public_ip",
      values: ["true": "yes", "false": "no"], diagnostics: diagnostics)
    d.taskSize(
      definition, reference: v["task_definition"], names: .terraform,
      diagnostics: diagnostics)
    return .priced(d)
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

  func referrers(to id: String, type: String, at path: String) -> [String] {
    guard let i = links.position[id] else { return [] }
    return referrers(to: plan.resources[i], type: type, attribute: path).map(\.address)
  }
}
