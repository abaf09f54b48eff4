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
    var properties: [String: TemplateNode] = [:]
    for r in resources { properties[r.id] = resolver.resolve(template.effectiveProperties(of: r)) }
    let links = CloudFormationLinks(
      resources: resources, properties: properties, names: PhysicalNames(resources, properties: properties))
    let defined = resources.map { r in
      DefinedResource(
        id: r.id, type: r.type, location: r.location, properties: properties[r.id]!, format: .cloudFormation,
        raw: r.properties, links: links)
    }
    var dispositions = defined.map(disposition)
    IrregularRules.link(defined, &dispositions, diagnostics: diagnostics)
    return Array(zip(resources, dispositions))
  }

  /// What billcast makes of one template resource: its definition's reading (see
  /// ``ResourceDefinitions``), else free or not priced.
  private func disposition(_ r: DefinedResource) -> ResourceDisposition {
    if let definition = ResourceDefinitions.builtIn.definition(.cloudFormation, type: r.type) {
      return definition.disposition(of: r, diagnostics: diagnostics)
    }
    // A custom resource's function is priced as a function; the resource itself costs nothing.
    if r.type.hasPrefix("Custom::") { return .free }
    return .notPriced("billcast has no pricing for \(r.type) yet")
  }
}
