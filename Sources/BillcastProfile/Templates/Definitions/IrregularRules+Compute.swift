import BillcastCore

/// The irregular rules of compute and database resources: each reads several properties, other
/// resources, or both, in ways a definition's inputs and conditions cannot say.
extension IrregularRules {
  /// The property names of one format, CloudFormation's first.
  static func name(_ r: DefinedResource, _ cloudFormation: String, _ terraform: String) -> String {
    r.format == .cloudFormation ? cloudFormation : terraform
  }

  /// A value known only after apply is the provider's default in a plan, so absent.
  private static func known(_ node: TemplateNode?, _ r: DefinedResource) -> TemplateNode? {
    if r.format == .terraform, case .unknown? = node?.value { return nil }
    return node
  }

  /// An EBS volume's type decides whether it is priced at all (gp2 and gp3), and an invalid type
  /// is an error; AWS creates gp2 when the type is left out.
  static func ebsVolume(_ d: inout ComponentDraft, _ r: DefinedResource, _ diagnostics: DiagnosticCollector)
    -> ResourceDisposition?
  {
    volume(r.properties, id: r.id, r, size: name(r, "Size", "size"), diagnostics: diagnostics)
  }

  /// One volume (of its own, or a block device of an instance) in the format's property names.
  static func volume(
    _ v: TemplateNode, id: String, _ r: DefinedResource, size: String, diagnostics: DiagnosticCollector
  ) -> ResourceDisposition {
    let type = r.format == .cloudFormation ? "VolumeType" : (size == "size" ? "type" : "volume_type")
    let (iops, throughput) = (name(r, "Iops", "iops"), name(r, "Throughput", "throughput"))
    return ComponentDraft.ebsVolume(
      id: id, type: r.type, v, names: .init(type: type, size: size, iops: iops, throughput: throughput),
      iops: known(v[iops], r), throughput: known(v[throughput], r), defaultType: "gp2", diagnostics: diagnostics)
  }

  /// An instance's type is passed through as written (the model knows the types it prices), its
  /// block devices become volumes of their own, and a tenancy other than shared is not priced
  /// (after the volumes are read, so their errors stand either way).
  static func ec2Instance(_ d: inout ComponentDraft, _ r: DefinedResource, _ diagnostics: DiagnosticCollector)
    -> ResourceDisposition?
  {
    let p = r.properties
    let typeProperty = name(r, "InstanceType", "instance_type")
    if let type = p[typeProperty] {
      if let t = type.text {
        d.set("instance_type", t, property: typeProperty, at: type.location)
      } else {
        d.unresolved("instance_type", property: typeProperty, node: type)
      }
    } else if r.format == .cloudFormation {
      // CloudFormation's default, m1.small, is a previous-generation type billcast has no price for.
      d.unresolved(
        "instance_type", property: typeProperty,
        node: TemplateNode(
          .unknown(
            "the template leaves it to AWS's default m1.small, a previous-generation type billcast does not price"),
          r.location))
    }
    blockDevices(&d, r, diagnostics: diagnostics)
    publicAddress(&d, r)
    if let tenancy = p[name(r, "Tenancy", "tenancy")]?.text, tenancy != "default" {
      return .notPriced(
        "instances with \(name(r, "Tenancy", "tenancy")) '\(TerminalText.excerpt(tenancy))' are not priced yet (only default, shared tenancy)"
      )
    }
    return nil
  }

  /// An instance's EBS volumes: CloudFormation's `BlockDeviceMappings` (a whole list that cannot
  /// be known asks for the volume), a plan's root and EBS block devices.
  private static func blockDevices(_ d: inout ComponentDraft, _ r: DefinedResource, diagnostics: DiagnosticCollector) {
    let p = r.properties
    var devices: [(id: String, node: TemplateNode)] = []
    if r.format == .cloudFormation {
      if let list = p["BlockDeviceMappings"], case .unknown = list.value {
        var volume = ComponentDraft(
          id: "\(r.id).BlockDeviceMappings", type: r.type, service: "aws.ebs", location: list.location)
        volume.unresolved("volume_type", property: "BlockDeviceMappings", node: list)
        volume.unresolved("storage_gb", property: "BlockDeviceMappings", node: list)
        d.attached.append(volume)
        return
      }
      for (i, mapping) in (p["BlockDeviceMappings"]?.items ?? []).enumerated() {
        if let volume = mapping["Ebs"] { devices.append(("\(r.id).BlockDeviceMappings[\(i)]", volume)) }
      }
    } else {
      devices =
        (p.at("root_block_device.0").map { [("\(r.id).root_block_device", $0)] } ?? [])
        + (p["ebs_block_device"]?.items ?? []).enumerated().map { ("\(r.id).ebs_block_device[\($0)]", $1) }
    }
    let size = name(r, "VolumeSize", "volume_size")
    for (id, device) in devices {
      switch volume(device, id: id, r, size: size, diagnostics: diagnostics) {
      case .priced(let volume): d.attached.append(volume)
      case .notPriced(let why):
        d.unpricedParts.append((id, why + "; the estimate leaves this volume out", device.location))
      default: break
      }
    }
    if d.attached.isEmpty && r.format == .cloudFormation {
      d.notes.append("the root volume's size and type come from the AMI: add BlockDeviceMappings to price it")
    }
  }

  /// An Elastic IP is priced with what it is attached to: an instance (directly or through an
  /// association naming it by allocation id or address), a NAT gateway or a Network Load
  /// Balancer's subnet mapping; any other is one public IPv4 address of its own
  /// (`aws.elastic-ip`), for AWS charges every address, idle or attached elsewhere.
  static func elasticIP(_ d: inout ComponentDraft, _ r: DefinedResource, _ diagnostics: DiagnosticCollector)
    -> ResourceDisposition?
  {
    let whole = r.format == .cloudFormation ? "the templates" : "the plan"
    d.notes.append(
      "attached to no instance, NAT gateway or load balancer of \(whole): one public IPv4 address, $0.005 an hour, idle or attached elsewhere"
    )
    guard let links = r.links else { return nil }
    if let owner = links.target(of: r.id, at: name(r, "InstanceId", "instance"), names: nil) { return .partOf(owner) }
    let allocation = name(r, "AllocationId", "allocation_id")
    let nat = links.referrers(
      to: r.id, type: name(r, "AWS::EC2::NatGateway", "aws_nat_gateway"), at: allocation, names: nil)
    if let nat = nat.first { return .partOf(nat) }
    let mappings =
      r.format == .cloudFormation
      ? (0..<16).map { "SubnetMappings.\($0).AllocationId" } : ["subnet_mapping.allocation_id"]
    let balancerType = name(r, "AWS::ElasticLoadBalancingV2::LoadBalancer", "aws_lb")
    if let balancer = mappings.lazy.compactMap({
      links.referrers(to: r.id, type: balancerType, at: $0, names: nil).first
    })
    .first {
      return .partOf(balancer)
    }
    let associations = (r.format == .cloudFormation ? ["AllocationId", "EIP"] : ["allocation_id", "public_ip"]).flatMap
    {
      links.referrers(to: r.id, type: name(r, "AWS::EC2::EIPAssociation", "aws_eip_association"), at: $0, names: nil)
    }
    let instance = name(r, "InstanceId", "instance_id")
    if let owner = associations.lazy.compactMap({ links.target(of: $0, at: instance, names: nil) }).first {
      return .partOf(owner)
    }
    return nil
  }

  /// An ECS service is priced on Fargate only (EC2 capacity is priced as instances), with its
  /// size read from the task definition it runs; Windows tasks are not priced yet.
  static func ecsFargate(_ d: inout ComponentDraft, _ r: DefinedResource, _ diagnostics: DiagnosticCollector)
    -> ResourceDisposition?
  {
    let p = r.properties
    let providers =
      p[name(r, "CapacityProviderStrategy", "capacity_provider_strategy")]?.items?.compactMap {
        $0[name(r, "CapacityProvider", "capacity_provider")]?.text
      } ?? []
    if let other = ComponentDraft.ecsLaunch(p[name(r, "LaunchType", "launch_type")]?.text, capacityProviders: providers)
    {
      return other
    }
    let reference = name(r, "TaskDefinition", "task_definition")
    let definition = r.links?.target(of: r.id, at: reference, names: nil).flatMap { r.links?.properties(of: $0) }
    let family = definition?.at(
      name(r, "RuntimePlatform.OperatingSystemFamily", "runtime_platform.0.operating_system_family"))
    if let family = family?.text, family.hasPrefix("WINDOWS") {
      return .notPriced("Fargate tasks on \(TerminalText.excerpt(family)) are not priced yet (only Linux)")
    }
    d.taskSize(
      definition, reference: p[reference], names: r.format == .cloudFormation ? .cloudFormation : .terraform,
      diagnostics: diagnostics)
    return nil
  }

  /// An Aurora cluster: Serverless v1 (`EngineMode: serverless`), v2 (a v2 scaling configuration)
  /// or provisioned (`aws.aurora`: storage and I/O; its instances price their own hours) is a
  /// choice of service from two properties, and v2's capacity counts the cluster's
  /// `db.serverless` instances, which are other resources.
  static func auroraServerless(_ d: inout ComponentDraft, _ r: DefinedResource, _ diagnostics: DiagnosticCollector)
    -> ResourceDisposition?
  {
    let p = r.properties
    let v1 = p[name(r, "EngineMode", "engine_mode")]?.text == "serverless"
    let scalingProperty =
      v1
      ? name(r, "ScalingConfiguration", "scaling_configuration")
      : name(r, "ServerlessV2ScalingConfiguration", "serverlessv2_scaling_configuration")
    let scaling = r.format == .cloudFormation ? p[scalingProperty] : p.at(scalingProperty + ".0")
    d.service = v1 ? "aws.aurora-serverless-v1" : scaling == nil ? "aws.aurora" : "aws.aurora-serverless-v2"
    let engine = name(r, "Engine", "engine")
    d.choice("engine", p[engine], property: engine, values: ComponentDraft.auroraEngines, diagnostics: diagnostics)
    let storageType = name(r, "StorageType", "storage_type")
    if !v1, let storage = p[storageType], storage.text == "aurora-iopt1" {
      d.set("configuration", "io-optimized", property: storageType, at: storage.location)
    }
    let instanceType = name(r, "AWS::RDS::DBInstance", "aws_rds_cluster_instance")
    let instances =
      (r.links?.referrers(
        to: r.id, type: instanceType, at: name(r, "DBClusterIdentifier", "cluster_identifier"), names: "cluster") ?? [])
      .filter { r.links?.properties(of: $0)?[name(r, "DBInstanceClass", "instance_class")]?.text == "db.serverless" }
    if let scaling {
      let minimum = name(r, "MinCapacity", "min_capacity")
      d.auroraCapacity(
        low: scaling[minimum], high: scaling[name(r, "MaxCapacity", "max_capacity")], at: scaling,
        property: scalingProperty, minimumKey: minimum, v1: v1, instances: instances.count)
    }
    return nil
  }

  /// A schedule's invocations a month: none when disabled, asked for when its state or
  /// expression cannot be known, else counted from its expression by ``ScheduleRuns``.
  static func schedule(_ d: inout ComponentDraft, _ r: DefinedResource, _ diagnostics: DiagnosticCollector)
    -> ResourceDisposition?
  {
    let stateName = name(r, "State", "state")
    let expressionName = name(r, "ScheduleExpression", "schedule_expression")
    ScheduleRuns.read(
      expression: r.properties[expressionName], expressionName: expressionName, state: r.properties[stateName],
      stateName: stateName, scheduler: true, diagnostics: diagnostics)?.set("scheduler_invocations", on: &d)
    return nil
  }
}
