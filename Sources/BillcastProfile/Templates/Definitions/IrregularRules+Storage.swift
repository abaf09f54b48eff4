import BillcastCore

extension IrregularRules {
  /// An EFS file system is One Zone when it names its Availability Zone, whatever the zone's name
  /// (a choice input cannot map every zone's name), and its lifecycle policies and throughput mode
  /// say which usage inputs must be asked for rather than left at 0: data in Infrequent Access or
  /// Archive, and Elastic Throughput's reads and writes.
  static func efsFileSystem(_ d: inout ComponentDraft, _ r: DefinedResource, _ diagnostics: DiagnosticCollector)
    -> ResourceDisposition?
  {
    let cloudFormation = r.format == .cloudFormation
    let zoneProperty = cloudFormation ? "AvailabilityZoneName" : "availability_zone_name"
    let path = ResourceDefinition.PropertyPath(
      cloudFormation: ["AvailabilityZoneName"], terraform: ["availability_zone_name"])
    if let (zone, _) = r.node(path, afterApplyIsDefault: true), zone.text != "" {
      d.set("file_system_type", "one-zone", property: zoneProperty, at: zone.location)
    }
    let policies = r.properties[cloudFormation ? "LifecyclePolicies" : "lifecycle_policy"]?.items ?? []
    func transitions(_ key: String) -> Bool { policies.contains { $0[key]?.text != nil } }
    if transitions(cloudFormation ? "TransitionToIA" : "transition_to_ia") {
      d.required += ["ia_storage_gb", "ia_read_gb", "ia_tiering_gb"]
    }
    if transitions(cloudFormation ? "TransitionToArchive" : "transition_to_archive") {
      d.required += ["archive_storage_gb", "archive_read_gb", "archive_tiering_gb"]
    }
    if d.inputs.contains(where: { $0.name == "throughput_mode" && $0.text == "elastic" }) {
      d.required += ["read_gb", "write_gb"]
    }
    return nil
  }
}
