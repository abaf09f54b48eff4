import BillcastCore

/// Which resource instance each reference of a plan names, worked out once for the whole plan.
///
/// A plan's `configuration` names a resource without its instance key (`aws_rds_cluster.c`,
/// not `c[1]`) unless the key is a constant. The instance is then told by the referring
/// attribute's planned value (a cluster identifier, a task definition's family or ARN), and
/// failing that (a value known only after apply) by instance key, or else dealt out in turn in
/// plan order: never one target for every referrer, never a referrer counted twice. Each guess
/// is reported once per referring resource as an `ambiguous-reference` notice. References resolve
/// through address indexes, so a plan of thousands of instances is read in linear time.
struct TerraformLinks {
  typealias Resource = TerraformPlan.Resource

  /// The attributes whose references are resolved, by resource type (those a price depends on).
  let attributes: [String: [String]]
  /// Each resource's position in the plan, by address.
  private(set) var position: [String: Int] = [:]
  /// Each resource's targets, by attribute (positions in the plan).
  private(set) var targets: [[String: [Int]]]
  /// Each resource's referrers: the attribute and the referring resource's position.
  private(set) var referrers: [[(attribute: String, from: Int)]]
  /// What had to be guessed, one notice per referring resource, attribute and target.
  private(set) var notices: [ArchitectureNotice] = []

  /// Referrers the plan cannot attribute, grouped by resource, module instance, attribute and target.
  private struct Pending {
    var attribute: String
    var candidates: [Int]
    var referrers: [Int] = []
  }

  init(_ resources: [Resource], attributes: [String: [String]]) {
    self.attributes = attributes
    targets = Array(repeating: [:], count: resources.count)
    referrers = Array(repeating: [], count: resources.count)
    // Instances by their address without the instance key (`module.a["x"].aws_s3_bucket.b`).
    var instances: [String: [Int]] = [:]
    for (i, r) in resources.enumerated() {
      position[r.address] = i
      instances[String(r.address.dropLast(TerraformAddress.instanceKey(r.address).count)), default: []].append(i)
    }
    var pending: [String: Pending] = [:]
    var order: [String] = []
    for (i, r) in resources.enumerated() {
      guard let names = attributes[r.type] else { continue }
      let module = TerraformAddress.moduleInstance(r.address)
      for attribute in names {
        for reference in r.references[attribute] ?? [] {
          let candidates = instances[module + reference.name] ?? []
          if let target = resolve(r, attribute, reference, module: module, candidates: candidates, resources) {
            link(i, attribute, target)
          } else if !candidates.isEmpty {
            let group = "\(TerraformPlan.configAddress(r.address)) \(module) \(attribute) \(reference.name)"
            if pending[group] == nil { order.append(group) }
            pending[group, default: Pending(attribute: attribute, candidates: candidates)].referrers.append(i)
          }
        }
      }
    }
    for group in order { attribute(pending[group]!, resources) }
  }

  /// The one instance a reference names, when the plan tells.
  private func resolve(
    _ r: Resource, _ attribute: String, _ reference: TerraformPlan.Reference, module: String, candidates: [Int],
    _ resources: [Resource]
  ) -> Int? {
    if let key = reference.key {
      return position[module + reference.name + key]
    }
    if candidates.count == 1 { return candidates[0] }
    guard let value = r.values[attribute]?.text, !value.isEmpty else { return nil }
    return candidates.first { Self.identifies(resources[$0], value) }
  }

  /// The attributes that identify a resource in another's arguments.
  static let identifiers = [
    "id", "arn", "name", "cluster_identifier", "family", "arn_without_revision", "function_name",
  ]

  /// Whether `value` names `r`: one of its identifiers, or a task definition's `family:revision` or ARN.
  static func identifies(_ r: Resource, _ value: String) -> Bool {
    if identifiers.contains(where: { r.values[$0]?.text == value }) { return true }
    guard r.type == "aws_ecs_task_definition", let family = r.values["family"]?.text else { return false }
    return value.hasPrefix(family + ":") || value.hasSuffix("task-definition/" + family)
      || value.contains("task-definition/" + family + ":")
  }

  private mutating func link(_ from: Int, _ attribute: String, _ to: Int) {
    targets[from][attribute, default: []].append(to)
    referrers[to].append((attribute, from))
  }

  /// Attributes referrers the plan cannot tell apart: by instance key when each one's key is a
  /// target's, else in turn; and says so.
  private mutating func attribute(_ group: Pending, _ resources: [Resource]) {
    let candidates = group.candidates
    var byKey: [String: Int] = [:]
    for c in candidates { byKey[TerraformAddress.instanceKey(resources[c].address)] = c }
    let keyed = group.referrers.map { byKey[TerraformAddress.instanceKey(resources[$0].address)] }
    let byInstanceKey = !keyed.contains(nil) && !byKey.keys.contains("")
    for (j, from) in group.referrers.enumerated() {
      link(from, group.attribute, byInstanceKey ? keyed[j]! : candidates[j % candidates.count])
    }
    let first = resources[group.referrers[0]]
    let referrer = TerraformPlan.configAddress(first.address)
    let target = TerraformPlan.configAddress(resources[candidates[0]].address)
    let how =
      byInstanceKey
      ? "attributed by instance key (\(referrer)[k] to \(target)[k])"
      : "attributed in turn, in plan order (the 1st to \(resources[candidates[0]].address), the 2nd to \(resources[candidates[1 % candidates.count]].address), …), so none is counted twice"
    notices.append(
      ArchitectureNotice(
        kind: .ambiguousReference,
        message:
          "\(referrer) (\(group.referrers.count) instances): \(group.attribute) names \(target), which has \(candidates.count) instances, and the plan does not say which (the value is known only after apply); \(how); give the inputs under usage if that is not how they are deployed",
        component: nil, location: first.location))
  }
}
