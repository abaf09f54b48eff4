import BillcastCore

/// Where an architecture's resources come from when it is read from infrastructure as code.
public struct TemplateSource: Sendable, Equatable {
  /// The kind of file the resources are read from.
  public enum Kind: String, Sendable {
    /// CloudFormation or SAM templates (YAML or JSON).
    case cloudFormation = "cloudformation"
    /// The JSON of `terraform show -json PLANFILE`.
    case terraformPlan = "terraform_plan"
  }

  /// The kind of the files.
  public var kind: Kind
  /// The files read, in the order read (the profile's patterns expanded and sorted).
  public var files: [String]
}
