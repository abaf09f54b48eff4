import BillcastCore

/// Turns a template's resources into components: which service prices each resource type, and
/// which of its properties become which inputs.
///
/// Usage the template cannot know (requests, durations, stored gigabytes) comes from the
/// profile's `usage`; see ``TemplateExpander``.
struct CloudFormationMapper {
  let template: CloudFormationTemplate
  let resolver: CloudFormationResolver
  let diagnostics: DiagnosticCollector

  typealias Resource = CloudFormationTemplate.Resource

  /// Each resource with what billcast makes of it, in template order.
  func map(_ resources: [Resource]) -> [(Resource, ResourceDisposition)] {
    var result: [(Resource, ResourceDisposition)] = []
    var properties: [String: TemplateNode] = [:]
    for r in resources { properties[r.id] = resolver.resolve(template.effectiveProperties(of: r)) }
    let names = PhysicalNames(resources, properties: properties)
    for r in resources {
      result.append((r, disposition(r, properties[r.id]!, all: resources, properties: properties, names: names)))
    }
    link(&result, properties: properties, names: names)
    return result
  }

  private func draft(_ r: Resource, _ service: String, required: [String] = []) -> ComponentDraft {
    ComponentDraft(id: r.id, type: r.type, service: service, location: r.location, required: required)
  }

  /// What billcast makes of one template resource: a component, part of another, free, or unpriced.
  ///
  /// Long on purpose: one `case` per CloudFormation and SAM resource type billcast reads, each a few
  /// lines that read side by side as the mapping table (docs/infrastructure-as-code.md lists the same rows).
  private func disposition(
    _ r: Resource, _ p: TemplateNode, all: [Resource], properties: [String: TemplateNode], names: PhysicalNames
  ) -> ResourceDisposition {
    if let definition = ResourceDefinitions.builtIn.definition(.cloudFormation, type: r.type) {
      let resource = DefinedResource(
        id: r.id, type: r.type, location: r.location, properties: p, format: .cloudFormation, raw: r.properties,
        links: CloudFormationLinks(resources: all, properties: properties, names: names))
      return definition.disposition(of: resource, diagnostics: diagnostics)
    }
    switch r.type {
    case "AWS::RDS::DBCluster": return aurora(r, p, all: all, properties: properties, names: names)
    case "AWS::EC2::Instance":
      let instance = ec2(r, p)  // read first: its located errors (a volume's invalid type) stand either way
      if let tenancy = p["Tenancy"]?.text, tenancy != "default" {
        return .notPriced(
          "instances with Tenancy '\(TerminalText.excerpt(tenancy))' are not priced yet (only default, shared tenancy)")
      }
      return .priced(instance)
    case "AWS::EC2::Volume": return ebs(r, p, typeProperty: "VolumeType", sizeProperty: "Size", defaultType: "gp2")
    case "AWS::EC2::EIP":
      if let instance = p["InstanceId"]?.referencedResource { return .partOf(instance) }
      if let nat = all.first(where: {
        $0.type == "AWS::EC2::NatGateway" && properties[$0.id]?["AllocationId"]?.referencedResource == r.id
      }) {
        return .partOf(nat.id)
      }
      // An association names the address by its allocation id or (`EIP: !Ref`) by the address itself.
      if let association = all.first(where: { a in
        a.type == "AWS::EC2::EIPAssociation"
          && ["AllocationId", "EIP"].contains { properties[a.id]?[$0]?.referencedResource == r.id }
      }),
        let instance = properties[association.id]?["InstanceId"]?.referencedResource
      {
        return .partOf(instance)
      }
      return .notPriced(
        "an Elastic IP attached to no instance or NAT gateway of the templates ($0.005 an hour) is not priced yet")
    case "AWS::ECS::Service": return ecsService(r, p, properties: properties)
    case "AWS::Scheduler::Schedule":
      var d = draft(r, "aws.eventbridge")
      if let state = p["State"], state.text != "ENABLED" {
        // A disabled schedule invokes nothing; one whose state is not known asks for its count.
        if state.text == "DISABLED" {
          d.set("scheduler_invocations", "0", property: "State", at: state.location)
          return .priced(d)
        }
        if state.unknownReason != nil {
          d.unresolved("scheduler_invocations", property: "State", node: state)
          return .priced(d)
        }
      }
      if let expression = p["ScheduleExpression"] {
        schedule(&d, expression)
      }
      return .priced(d)
    default:
      if FreeResourceTypes.isFree(cloudFormation: r.type) { return .free }
      return .notPriced("billcast has no pricing for \(r.type) yet")
    }
  }

  /// Counts a schedule's invocations a month into `scheduler_invocations`: a `rate(…)` exactly;
  /// a `cron(…)` or `at(…)` schedule is not counted yet, so the profile must give the count (never
  /// a silent $0); anything else is a located error.
  private func schedule(_ d: inout ComponentDraft, _ expression: TemplateNode) {
    guard let text = expression.text else {
      return d.unresolved("scheduler_invocations", property: "ScheduleExpression", node: expression)
    }
    switch ScheduleExpression.parse(text) {
    case .rate(let perMonth)?:
      d.set("scheduler_invocations", perMonth, property: "ScheduleExpression", at: expression.location)
    case .notCounted(let kind)?:
      d.unresolved(
        "scheduler_invocations", property: "ScheduleExpression",
        node: TemplateNode(
          .unknown("billcast does not count \(kind)(…) schedules yet"),
          expression.location))
    case nil:
      diagnostics.add(
        expression.location.diagnostic(
          .error,
          "ScheduleExpression '\(TerminalText.excerpt(text))' is not a schedule: expected rate(VALUE UNIT) with a whole VALUE of 1 or more and UNIT minute, hour or day (plural above 1), cron(…) or at(…)"
        ))
    }
  }

  /// A REST API stage's cache when `CacheClusterEnabled` is true (see ``ComponentDraft/stageCache``).
  func cache(_ d: inout ComponentDraft, enabled: TemplateNode?, size: TemplateNode?) {
    d.stageCache(enabled: enabled, size: size, sizeProperty: "CacheClusterSize", diagnostics: diagnostics)
  }

  private func aurora(
    _ r: Resource, _ p: TemplateNode, all: [Resource], properties: [String: TemplateNode], names: PhysicalNames
  ) -> ResourceDisposition {
    let v1 = p["EngineMode"]?.text == "serverless"
    let scaling = v1 ? p["ScalingConfiguration"] : p["ServerlessV2ScalingConfiguration"]
    guard v1 || scaling != nil else {
      return .notPriced("a provisioned Aurora cluster is not priced yet (only Aurora Serverless)")
    }
    var d = draft(r, v1 ? "aws.aurora-serverless-v1" : "aws.aurora-serverless-v2")
    d.choice("engine", p["Engine"], property: "Engine", values: ComponentDraft.auroraEngines, diagnostics: diagnostics)
    if !v1, let storage = p["StorageType"], storage.text == "aurora-iopt1" {
      d.set("configuration", "io-optimized", property: "StorageType", at: storage.location)
    }
    let instances = all.filter {
      $0.type == "AWS::RDS::DBInstance"
        && names.target(properties[$0.id]?["DBClusterIdentifier"], kind: .cluster) == r.id
        && properties[$0.id]?["DBInstanceClass"]?.text == "db.serverless"
    }.count
    if let scaling {
      d.auroraCapacity(
        low: scaling["MinCapacity"], high: scaling["MaxCapacity"], at: scaling,
        property: v1 ? "ScalingConfiguration" : "ServerlessV2ScalingConfiguration",
        minimumKey: "MinCapacity", v1: v1, instances: instances)
    }
    return .priced(d)
  }

  private func ec2(_ r: Resource, _ p: TemplateNode) -> ComponentDraft {
    var d = draft(r, "aws.ec2")
    if let type = p["InstanceType"] {
      if let t = type.text {
        d.set("instance_type", t, property: "InstanceType", at: type.location)
      } else {
        d.unresolved("instance_type", property: "InstanceType", node: type)
      }
    } else {
      d.setDefault("instance_type", "m1.small", property: "InstanceType")
    }
    if let associate = p.at("NetworkInterfaces.0.AssociatePublicIpAddress") {
      d.choice(
        "public_ipv4", associate, property: "NetworkInterfaces[0].AssociatePublicIpAddress",
        values: ["true": "1", "false": "0"], diagnostics: diagnostics)
    }
    d.attached = blockDevices(r, p, unpriced: &d.unpricedParts)
    if d.attached.isEmpty {
      d.notes.append("the root volume's size and type come from the AMI: add BlockDeviceMappings to price it")
    }
    return d
  }

  func ebs(
    _ r: Resource, _ p: TemplateNode, typeProperty: String, sizeProperty: String, defaultType: String, id: String? = nil
  ) -> ResourceDisposition {
    ComponentDraft.ebsVolume(
      id: id ?? r.id, type: r.type, p,
      names: .init(type: typeProperty, size: sizeProperty, iops: "Iops", throughput: "Throughput"),
      iops: p["Iops"], throughput: p["Throughput"], defaultType: defaultType, diagnostics: diagnostics)
  }

  private func ecsService(_ r: Resource, _ p: TemplateNode, properties: [String: TemplateNode]) -> ResourceDisposition {
    let providers = p["CapacityProviderStrategy"]?.items?.compactMap { $0["CapacityProvider"]?.text } ?? []
    if let other = ComponentDraft.ecsLaunch(p["LaunchType"]?.text, capacityProviders: providers) { return other }
    var d = draft(r, "aws.ecs-fargate")
    d.number("tasks", p["DesiredCount"], property: "DesiredCount", diagnostics: diagnostics)
    d.setDefault("tasks", "1", property: "DesiredCount")
    d.choice(
      "public_ip", p.at("NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp"), property: "AssignPublicIp",
      values: ["ENABLED": "yes", "DISABLED": "no"], diagnostics: diagnostics)
    let definition = p["TaskDefinition"].flatMap({ $0.referencedResource }).flatMap({ properties[$0] })
    if let family = definition?.at("RuntimePlatform.OperatingSystemFamily")?.text, family.hasPrefix("WINDOWS") {
      return .notPriced("Fargate tasks on \(TerminalText.excerpt(family)) are not priced yet (only Linux)")
    }
    d.taskSize(definition, reference: p["TaskDefinition"], names: .cloudFormation, diagnostics: diagnostics)
    return .priced(d)
  }

}
