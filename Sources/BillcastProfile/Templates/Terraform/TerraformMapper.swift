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
    "aws_cloudwatch_event_target": ["arn", "rule"], "aws_scheduler_schedule": ["target.arn"],
    "aws_instance": ["subnet_id"], "aws_lb": ["subnet_mapping.allocation_id"],
    "aws_cloudfront_distribution": IrregularRules.edgeFunctionAttributes,
    "aws_autoscaling_group": IrregularRules.autoScalingGroupAttributes,
  ]

  init(plan: TerraformPlan, diagnostics: DiagnosticCollector) {
    self.plan = plan
    self.diagnostics = diagnostics
    links = TerraformLinks(plan.resources, attributes: Self.linkedAttributes)
  }

  /// The plan's resources and what billcast makes of them; `notices` gains what had to be
  /// guessed about which instance a reference names.
  func map(notices: inout [ArchitectureNotice]) -> [TemplateExpander.Located] {
    let defined = plan.resources.map { r in
      DefinedResource(
        id: r.address, type: r.type, location: r.location, properties: r.values, format: .terraform, links: self)
    }
    var dispositions = defined.map(disposition)
    IrregularRules.link(defined, &dispositions, diagnostics: diagnostics)
    notices += links.notices
    return zip(plan.resources, dispositions).map { ($0.address, $0.type, $0.location, $1) }
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

  /// What billcast makes of one planned resource: its definition's reading (see
  /// ``ResourceDefinitions``), else not priced.
  private func disposition(_ r: DefinedResource) -> ResourceDisposition {
    if let definition = ResourceDefinitions.builtIn.definition(.terraform, type: r.type) {
      return definition.disposition(of: r, diagnostics: diagnostics)
    }
    return .notPriced("billcast has no pricing for \(r.type) yet")
  }
}

extension TerraformMapper: ResourceLinks {
  /// The resource a configuration reference names; for `names: function`, else a function of the
  /// plan whose planned `function_name` or `arn` is the literal value (when only one is).
  func target(of id: String, at path: String, names: String?) -> String? {
    guard let i = links.position[id] else { return nil }
    if let target = referenced(plan.resources[i], path) { return target.address }
    guard names == "function", let literal = plan.resources[i].values.at(path)?.text, !literal.isEmpty else {
      return nil
    }
    let functions = plan.resources.filter { r in
      r.type == "aws_lambda_function" && ["function_name", "arn"].contains { r.values[$0]?.text == literal }
    }
    return functions.count == 1 ? functions[0].address : nil
  }

  func referrers(to id: String, type: String, at path: String, names: String?) -> [String] {
    guard let i = links.position[id] else { return [] }
    return referrers(to: plan.resources[i], type: type, attribute: path).map(\.address)
  }

  func properties(of id: String) -> TemplateNode? { links.position[id].map { plan.resources[$0].values } }
}
