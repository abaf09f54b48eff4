import BillcastCore

extension IrregularRules {
  /// A DB instance is one of three things decided across resources, which data cannot say: in an
  /// Aurora cluster (`DBClusterIdentifier`, or any `aws_rds_cluster_instance`) it is part of its
  /// Serverless v2 cluster when its class is `db.serverless`, else an Aurora provisioned instance
  /// whose rate depends on its cluster's storage configuration (another resource); outside a
  /// cluster it is an RDS instance whose class is free text and whose storage type defaults to
  /// io1 when `Iops` is given (gp2 otherwise).
  static func dbInstance(_ d: inout ComponentDraft, _ r: DefinedResource, _ diagnostics: DiagnosticCollector)
    -> ResourceDisposition?
  {
    let p = r.properties
    let clusterProperty = name(r, "DBClusterIdentifier", "cluster_identifier")
    let classProperty = name(r, "DBInstanceClass", "instance_class")
    let engineProperty = name(r, "Engine", "engine")
    let aurora = p[engineProperty]?.text?.hasPrefix("aurora") ?? false
    if r.type == "aws_rds_cluster_instance" || p[clusterProperty] != nil || aurora {
      return clusterInstance(r, clusterProperty: clusterProperty, classProperty: classProperty, diagnostics)
    }
    instanceClass(&d, p[classProperty], property: classProperty)
    let iops = p[name(r, "Iops", "iops")]
    if !d.inputs.contains(where: { $0.name == "storage_type" }), let iops, iops.text != nil {
      d.set("storage_type", "io1", property: name(r, "Iops", "iops"), at: iops.location)
    }
    return nil
  }

  /// An instance of an Aurora cluster: part of a Serverless v2 cluster (`db.serverless`), else an
  /// Aurora provisioned instance priced by the hour, I/O-Optimized when its cluster's
  /// `StorageType` is `aurora-iopt1`.
  private static func clusterInstance(
    _ r: DefinedResource, clusterProperty: String, classProperty: String, _ diagnostics: DiagnosticCollector
  ) -> ResourceDisposition {
    let p = r.properties
    let owner = r.links?.target(of: r.id, at: clusterProperty, names: "cluster")
    if p[classProperty]?.text == "db.serverless" {
      guard let owner else {
        return .notPriced("a db.serverless instance is priced with its Aurora cluster, which is not in the template")
      }
      return .partOf(owner)
    }
    var d = ComponentDraft(id: r.id, type: r.type, service: "aws.aurora-instance", location: r.location)
    let engine = name(r, "Engine", "engine")
    d.choice("engine", p[engine], property: engine, values: ComponentDraft.auroraEngines, diagnostics: diagnostics)
    instanceClass(&d, p[classProperty], property: classProperty)
    let storageType = name(r, "StorageType", "storage_type")
    if let owner, let storage = r.links?.properties(of: owner)?[storageType], storage.text == "aurora-iopt1" {
      d.set("configuration", "io-optimized", property: "\(clusterProperty) → \(storageType)", at: storage.location)
    }
    return .priced(d)
  }

  /// The instance class as written (the model lists the classes it prices).
  private static func instanceClass(_ d: inout ComponentDraft, _ node: TemplateNode?, property: String) {
    guard let node else { return }
    if let text = node.text {
      d.set("instance_class", text, property: property, at: node.location)
    } else {
      d.unresolved("instance_class", property: property, node: node)
    }
  }
}
