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

  /// What billcast makes of one template resource: its definition's reading (see
  /// ``ResourceDefinitions``), else free or not priced.
  private func disposition(
    _ r: Resource, _ p: TemplateNode, all: [Resource], properties: [String: TemplateNode], names: PhysicalNames
  ) -> ResourceDisposition {
    if let definition = ResourceDefinitions.builtIn.definition(.cloudFormation, type: r.type) {
      let resource = DefinedResource(
        id: r.id, type: r.type, location: r.location, properties: p, format: .cloudFormation, raw: r.properties,
        links: CloudFormationLinks(resources: all, properties: properties, names: names))
      return definition.disposition(of: resource, diagnostics: diagnostics)
    }
    // A custom resource's function is priced as a function; the resource itself costs nothing.
    if r.type.hasPrefix("Custom::") { return .free }
    return .notPriced("billcast has no pricing for \(r.type) yet")
  }

  /// A REST API stage's cache when `CacheClusterEnabled` is true (see ``ComponentDraft/stageCache``).
  func cache(_ d: inout ComponentDraft, enabled: TemplateNode?, size: TemplateNode?) {
    d.stageCache(enabled: enabled, size: size, sizeProperty: "CacheClusterSize", diagnostics: diagnostics)
  }
}
