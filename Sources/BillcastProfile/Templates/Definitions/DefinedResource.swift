import BillcastCore

/// One template resource as a definition reads it: its id, type and properties in one format.
struct DefinedResource {
  /// The logical ID (CloudFormation) or address (Terraform).
  var id: String
  var type: String
  var location: SourceLocation
  /// The resolved properties (CloudFormation) or planned values (Terraform).
  var properties: TemplateNode
  var format: TemplateFormat
  /// CloudFormation's properties as written, before resolving (an `Fn::Sub`'s text), if any.
  var raw: TemplateNode? = nil
  /// The links between the resources of the templates or plan.
  var links: (any ResourceLinks)? = nil

  /// The first of a path's alternatives the resource sets, with the path read; a value known
  /// only after apply is absent when `afterApplyIsDefault` (the provider fills in AWS's default).
  func node(_ path: ResourceDefinition.PropertyPath, afterApplyIsDefault: Bool = false) -> (
    node: TemplateNode, path: String
  )? {
    for p in path.paths(format) {
      guard let node = properties.at(p) else { continue }
      switch node.value {
      case .null, .noValue: continue
      case .unknown where afterApplyIsDefault && format == .terraform: continue
      default: return (node, p)
      }
    }
    return nil
  }
}
