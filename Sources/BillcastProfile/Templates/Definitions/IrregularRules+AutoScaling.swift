import BillcastCore

/// An Auto Scaling group is priced as the EC2 instances it runs: their number from the group, but
/// their type (and whether they get public IPv4 addresses) from another resource, the launch
/// template or launch configuration the group names, which a definition of one resource cannot read.
extension IrregularRules {
  /// The plan attributes the group's rule follows to its launch template or configuration.
  static let autoScalingGroupAttributes = [
    "launch_template.id", "launch_template.name", "launch_configuration",
    "mixed_instances_policy.launch_template.launch_template_specification.launch_template_id",
    "mixed_instances_policy.launch_template.launch_template_specification.launch_template_name",
  ]

  /// What a group launches: the template's or configuration's properties, with their names.
  private struct LaunchSpecification {
    var id: String
    var properties: TemplateNode
    var template: Bool
  }

  /// The group's instances: `DesiredCapacity` (its `MinSize` when absent), of the type its launch
  /// template, launch configuration or first mixed-instances override names, with one public IPv4
  /// address each only when the launch template or configuration asks for one.
  static func autoScalingGroup(_ d: inout ComponentDraft, _ r: DefinedResource, _ diagnostics: DiagnosticCollector)
    -> ResourceDisposition?
  {
    let p = r.properties
    let desired = name(r, "DesiredCapacity", "desired_capacity")
    let minimum = name(r, "MinSize", "min_size")
    if let node = p[desired], !(r.format == .terraform && node.unknownReason != nil) {
      d.number("instances", node, property: desired, diagnostics: diagnostics)
    } else {
      d.number("instances", p[minimum], property: minimum, diagnostics: diagnostics)
      d.notes.append(
        "\(desired) is not set: priced at \(minimum), the capacity AWS starts the group with; give instances under usage for what it scales to"
      )
    }
    let launch = launchSpecification(r)
    groupInstanceType(&d, r, launch)
    groupPublicAddresses(&d, r, launch)
    if let launch { groupVolumes(&d, r, launch, diagnostics: diagnostics) }
    return nil
  }

  /// The launch template or configuration the group names (a mixed instances policy's template too).
  private static func launchSpecification(_ r: DefinedResource) -> LaunchSpecification? {
    guard let links = r.links else { return nil }
    let templates =
      r.format == .cloudFormation
      ? [
        "LaunchTemplate.LaunchTemplateId", "LaunchTemplate.LaunchTemplateName",
        "MixedInstancesPolicy.LaunchTemplate.LaunchTemplateSpecification.LaunchTemplateId",
        "MixedInstancesPolicy.LaunchTemplate.LaunchTemplateSpecification.LaunchTemplateName",
      ] : autoScalingGroupAttributes.filter { $0 != "launch_configuration" }
    for path in templates {
      if let id = links.target(of: r.id, at: path, names: nil), let properties = links.properties(of: id) {
        let data = r.format == .cloudFormation ? properties["LaunchTemplateData"] : properties
        return data.map { LaunchSpecification(id: id, properties: $0, template: true) }
      }
    }
    let configuration = name(r, "LaunchConfigurationName", "launch_configuration")
    if let id = links.target(of: r.id, at: configuration, names: nil), let properties = links.properties(of: id) {
      return LaunchSpecification(id: id, properties: properties, template: false)
    }
    return nil
  }

  /// The instances' type: the first override of a mixed instances policy, else the launch
  /// template's or configuration's; asked for when none of them says it statically.
  private static func groupInstanceType(_ d: inout ComponentDraft, _ r: DefinedResource, _ launch: LaunchSpecification?)
  {
    let overridePath = name(
      r, "MixedInstancesPolicy.LaunchTemplate.Overrides.0.InstanceType",
      "mixed_instances_policy.0.launch_template.0.override.0.instance_type")
    let typeProperty = name(r, "InstanceType", "instance_type")
    if let node = r.properties.at(overridePath) {
      guard let t = node.text else { return d.unresolved("instance_type", property: overridePath, node: node) }
      d.set("instance_type", t, property: overridePath, at: node.location)
      d.notes.append(
        "a mixed instances policy: priced as its first override's type, \(TerminalText.excerpt(t)), on demand; set instance_type under usage if the group runs others"
      )
      return
    }
    guard let launch else {
      return d.unresolved(
        "instance_type", property: typeProperty,
        node: TemplateNode(
          .unknown("the group names no launch template or launch configuration of the \(whole(r))"), r.location))
    }
    guard let node = launch.properties[typeProperty] else {
      return d.unresolved(
        "instance_type", property: typeProperty,
        node: TemplateNode(.unknown("\(launch.id) does not set \(typeProperty)"), launch.properties.location))
    }
    guard let t = node.text else { return d.unresolved("instance_type", property: typeProperty, node: node) }
    d.set("instance_type", t, property: "\(launch.id) \(typeProperty)", at: node.location)
  }

  /// One public IPv4 address per instance when the launch template's network interfaces (or the
  /// launch configuration) associate one, else none.
  private static func groupPublicAddresses(
    _ d: inout ComponentDraft, _ r: DefinedResource, _ launch: LaunchSpecification?
  ) {
    let property: String
    if launch?.template ?? true {
      property = name(r, "NetworkInterfaces", "network_interfaces")
    } else {
      property = name(r, "AssociatePublicIpAddress", "associate_public_ip_address")
    }
    let associate = name(r, "AssociatePublicIpAddress", "associate_public_ip_address")
    let nodes: [TemplateNode] =
      launch.map { l in
        l.template
          ? (l.properties[property]?.items ?? []).compactMap { $0[associate] }
          : [l.properties[associate]].compactMap { $0 }
      } ?? []
    let instances = d.inputs.first { $0.name == "instances" }
    if let node = nodes.first(where: { $0.text?.lowercased() == "true" }), let instances {
      d.set("public_ipv4", instances.text, property: "\(launch!.id) \(associate)", at: node.location)
    } else if let node = nodes.first(where: { $0.text?.lowercased() == "true" }) {
      d.unresolved(
        "public_ipv4", property: "\(launch!.id) \(associate)",
        node: TemplateNode(
          .unknown("one per instance, and the number of instances is not known statically"), node.location))
    } else if let launch {
      d.set("public_ipv4", "0", property: "\(launch.id) \(property)", at: r.location)
      d.notes.append(
        "no public IPv4 addresses: the launch \(launch.template ? "template" : "configuration") does not set \(associate) true; if the subnets auto-assign public addresses, set public_ipv4 to the instances under usage"
      )
    } else {
      d.set("public_ipv4", "0", property: "(no launch template of the \(whole(r)))", at: r.location)
      d.notes.append(
        "priced with no public IPv4 addresses: the launch template is not in the \(whole(r)); if its network interfaces associate public addresses, set public_ipv4 to the instances under usage"
      )
    }
  }

  /// The EBS volumes a launch template or configuration gives each instance, priced for all the
  /// group's instances: one component per block device whose storage, and IOPS and throughput above
  /// gp3's included baseline, are multiplied by the instances (the meters are linear in them).
  private static func groupVolumes(
    _ d: inout ComponentDraft, _ r: DefinedResource, _ launch: LaunchSpecification, diagnostics: DiagnosticCollector
  ) {
    let p = launch.properties
    var devices: [(id: String, node: TemplateNode)] = []
    if r.format == .cloudFormation {
      for (i, mapping) in (p["BlockDeviceMappings"]?.items ?? []).enumerated() {
        if let volume = mapping["Ebs"] { devices.append(("\(r.id).BlockDeviceMappings[\(i)]", volume)) }
      }
    } else if launch.template {
      for (i, mapping) in (p["block_device_mappings"]?.items ?? []).enumerated() {
        if let volume = mapping.at("ebs.0") { devices.append(("\(r.id).block_device_mappings[\(i)]", volume)) }
      }
    } else {
      devices =
        (p.at("root_block_device.0").map { [("\(r.id).root_block_device", $0)] } ?? [])
        + (p["ebs_block_device"]?.items ?? []).enumerated().map { ("\(r.id).ebs_block_device[\($0)]", $1) }
    }
    guard !devices.isEmpty else { return }
    guard let count = d.inputs.first(where: { $0.name == "instances" })?.text, Int(count) != nil else {
      d.notes.append(
        "\(launch.id) gives each instance \(devices.count) EBS volume(s), not priced: the number of instances is not known statically; add them as aws.ebs volumes"
      )
      return
    }
    let size = name(r, "VolumeSize", "volume_size")
    for (id, device) in devices {
      switch volume(device, id: id, r, size: size, diagnostics: diagnostics) {
      case .priced(var v):
        v.type = r.type
        for (input, base) in [("storage_gb", "0"), ("iops", "3000"), ("throughput_mbps", "125")] {
          guard let i = v.inputs.firstIndex(where: { $0.name == input }) else { continue }
          let value = v.inputs[i].text
          v.inputs[i].text = base == "0" ? "\(value) * \(count)" : "\(base) + (\(value) - \(base)) * \(count)"
          v.inputs[i].property += " × \(count) instances"
        }
        d.attached.append(v)
      case .notPriced(let why):
        d.unpricedParts.append((id, why + "; the estimate leaves this volume out", device.location))
      default: break
      }
    }
  }

  private static func whole(_ r: DefinedResource) -> String { r.format == .cloudFormation ? "templates" : "plan" }
}
