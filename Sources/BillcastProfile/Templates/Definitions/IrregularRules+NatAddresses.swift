import BillcastCore

/// A plan's NAT gateways whose `allocation_id` goes through a value billcast cannot follow (a
/// local, as terraform-aws-modules/vpc's `local.nat_gateway_ips`) and Elastic IPs attached to
/// nothing billcast can see: a public NAT gateway holds one address, which its price includes, so
/// pricing the address again would charge it twice. Code, for it pairs resources a plan does not link.
extension IrregularRules {
  /// Gives each such NAT gateway, in plan order, an unattached Elastic IP of its own module
  /// instance, and says so on the gateway.
  static func natAddresses(
    _ resources: [DefinedResource], _ dispositions: inout [ResourceDisposition]
  ) {
    var owned: Set<String> = []
    for d in dispositions { if case .partOf(let owner) = d { owned.insert(owner) } }
    var gateways: [String: [Int]] = [:]
    var addresses: [String: [Int]] = [:]
    for (i, r) in resources.enumerated() where r.format == .terraform {
      guard case .priced(let d) = dispositions[i] else { continue }
      let module = TerraformAddress.moduleInstance(r.id)
      if r.type == "aws_nat_gateway", d.service == "aws.nat-gateway", !owned.contains(r.id) {
        gateways[module, default: []].append(i)
      } else if r.type == "aws_eip", d.service == "aws.elastic-ip" {
        addresses[module, default: []].append(i)
      }
    }
    for (module, list) in gateways.sorted(by: { $0.key < $1.key }) {
      for (gateway, address) in zip(list, addresses[module] ?? []) {
        dispositions[address] = .partOf(resources[gateway].id)
        if case .priced(var d) = dispositions[gateway] {
          d.notes.append(
            "its allocation_id goes through a value billcast cannot follow: its public IPv4 address is taken to be \(resources[address].id), the plan's next Elastic IP attached to nothing else"
          )
          dispositions[gateway] = .priced(d)
        }
      }
    }
  }
}
