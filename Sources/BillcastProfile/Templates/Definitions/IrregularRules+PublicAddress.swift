import BillcastCore

/// Whether an instance has a public IPv4 address ($0.005 an hour) when the template does not
/// say: its subnet decides. Code, for the answer is in another resource.
extension IrregularRules {
  /// Sets `public_ipv4` from the instance's subnet when neither the template nor an Elastic IP
  /// says: a subnet of the templates assigns a public address only with `MapPublicIpOnLaunch`
  /// (`map_public_ip_on_launch`) true; an instance without a subnet is launched in the default
  /// VPC's default subnet, which assigns one. A subnet billcast cannot see leaves AWS's answer
  /// unknown: the service's default (one address) stands, with a note saying how to change it.
  /// A plan's `associate_public_ip_address` known only after apply is the subnet's setting too.
  static func publicAddress(_ d: inout ComponentDraft, _ r: DefinedResource) {
    let p = r.properties
    // A plan's associate_public_ip_address known only after apply is the subnet's setting.
    if r.format == .terraform, case .unknown? = p["associate_public_ip_address"]?.value {
      d.unresolved.removeAll { $0.name == "public_ipv4" }
    }
    guard !d.has("public_ipv4") else { return }
    let path =
      r.format == .terraform ? "subnet_id" : p["SubnetId"] != nil ? "SubnetId" : "NetworkInterfaces.0.SubnetId"
    guard let subnetNode = p.at(path) else {
      if r.format == .cloudFormation {
        d.notes.append(
          "no SubnetId: AWS launches it in the default VPC's default subnet, which assigns a public IPv4 address (public_ipv4: 1)"
        )
      }
      return
    }
    let mapName = name(r, "MapPublicIpOnLaunch", "map_public_ip_on_launch")
    guard let subnet = r.links?.target(of: r.id, at: path, names: nil),
      let subnetProperties = r.links?.properties(of: subnet)
    else {
      d.notes.append(
        "whether its subnet (\(path)) assigns a public IPv4 address cannot be told: public_ipv4 is 1 ($0.005 an hour); give public_ipv4: 0 under usage for a private subnet"
      )
      return
    }
    guard let map = subnetProperties[mapName] else {
      d.set("public_ipv4", "0", property: "\(subnet) (no \(mapName): private)", at: subnetNode.location)
      return
    }
    switch map.text {
    case "true": d.set("public_ipv4", "1", property: "\(subnet).\(mapName)", at: map.location)
    case "false": d.set("public_ipv4", "0", property: "\(subnet).\(mapName)", at: map.location)
    default:
      d.notes.append(
        "whether subnet \(subnet) assigns a public IPv4 address (\(mapName)) cannot be told: public_ipv4 is 1; give public_ipv4: 0 under usage for a private subnet"
      )
    }
  }
}
