import BillcastCore

/// How one format links its resources: by `Ref`, `Fn::GetAtt` and physical names in CloudFormation,
/// by configuration references in a Terraform plan.
protocol ResourceLinks {
  /// The resource of the templates that resource `id`'s property at `path` names; `names` is the
  /// kind of physical name it may be (`cluster`, `function`), for a format that links by name.
  func target(of id: String, at path: String, names: String?) -> String?
  /// The resources of `type` whose property at `path` names resource `id` (by a physical name
  /// of `names` kind too, where the format links by name), in template order.
  func referrers(to id: String, type: String, at path: String, names: String?) -> [String]
  /// A resource's resolved properties or planned values.
  func properties(of id: String) -> TemplateNode?
}
