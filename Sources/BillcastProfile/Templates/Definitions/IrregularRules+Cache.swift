import BillcastCore

/// ElastiCache's irregular rule: a replication group's node count is a product of two properties
/// (shards times one primary plus the replicas) or a third, which a definition's inputs cannot compute.
extension IrregularRules {
  /// A replication group's nodes: `NumNodeGroups` × (`ReplicasPerNodeGroup` + 1) in cluster mode (the
  /// groups of `NodeGroupConfiguration` when `NumNodeGroups` is absent), else `NumCacheClusters`, else 1.
  static func elastiCacheReplicationGroup(
    _ d: inout ComponentDraft, _ r: DefinedResource, _ diagnostics: DiagnosticCollector
  ) -> ResourceDisposition? {
    let p = r.properties
    func known(_ key: String) -> TemplateNode? {
      guard let node = p[key] else { return nil }
      if case .null = node.value { return nil }
      if r.format == .terraform, case .unknown = node.value { return nil }
      return node
    }
    let groupsName = name(r, "NumNodeGroups", "num_node_groups")
    let replicasName = name(r, "ReplicasPerNodeGroup", "replicas_per_node_group")
    let clustersName = name(r, "NumCacheClusters", "num_cache_clusters")
    let configuration = r.format == .cloudFormation ? known("NodeGroupConfiguration")?.items : nil
    if known(groupsName) != nil || known(replicasName) != nil || configuration != nil {
      var groups = "1"
      var replicas = "0"
      for (key, fallback) in [(groupsName, configuration.map { String($0.count) }), (replicasName, nil)] {
        let value: String
        if let node = known(key) {
          guard let text = node.text, Int(text.trimmingCharacters(in: .whitespaces)) != nil else {
            d.unresolved("nodes", property: "\(groupsName) × (\(replicasName) + 1)", node: node)
            return nil
          }
          value = text.trimmingCharacters(in: .whitespaces)
        } else if let fallback {
          value = fallback
        } else {
          continue
        }
        if key == groupsName { groups = value } else { replicas = value }
      }
      let nodes = Int(groups)! * (Int(replicas)! + 1)
      d.set("nodes", String(nodes), property: "\(groupsName) × (\(replicasName) + 1)", at: r.location)
    } else if let node = known(clustersName) {
      d.number("nodes", node, property: clustersName, diagnostics: diagnostics)
    } else {
      d.set("nodes", "1", property: "\(clustersName) (absent: one node)", at: r.location)
      d.notes.append("\(clustersName) is not set: priced as one node (a primary without replicas)")
    }
    return nil
  }
}
