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

/// One resource of an architecture's templates, and what billcast made of it.
public struct TemplateResource: Sendable, Equatable {
  /// How a resource is accounted for.
  public enum Status: Sendable, Equatable {
    /// Priced as these components (the resource's own, then any it creates, like volumes).
    case priced([String])
    /// Priced as part of another resource's component (a task definition with its service).
    case partOf(String)
    /// Free: the type costs nothing by itself (see `docs/infrastructure-as-code.md`).
    case free
    /// Not priced, and why: reported as a warning.
    case notPriced(String)
    /// Not created: its condition is false with the profile's parameters.
    case notCreated(String)

    /// The status's name in reports: `priced`, `part-of`, `free`, `not-priced` or `not-created`.
    public var name: String {
      switch self {
      case .priced: return "priced"
      case .partOf: return "part-of"
      case .free: return "free"
      case .notPriced: return "not-priced"
      case .notCreated: return "not-created"
      }
    }
  }

  /// The logical ID (CloudFormation) or resource address (Terraform).
  public var id: String
  /// The resource type, like `AWS::Lambda::Function` or `aws_lambda_function`.
  public var type: String
  /// Where the resource is declared.
  public var location: SourceLocation
  /// What billcast made of it.
  public var status: Status
}

/// Something every estimate of an architecture must say about its templates: a resource not
/// priced, a value that could not be resolved, a template value the profile overrides.
public struct ArchitectureNotice: Sendable, Hashable {
  /// The kinds of notice, with the codes reports print.
  public enum Kind: String, Sendable, Hashable {
    /// A resource billcast cannot price yet.
    case unpricedResource = "unpriced-resource"
    /// A template value that cannot be resolved statically, taken from `usage`.
    case unresolvedValue = "unresolved-value"
    /// A `usage` override of a template value.
    case templateOverride = "template-override"
    /// A resource whose condition cannot be decided, priced as if created.
    case undecidedCondition = "undecided-condition"
    /// A key repeated in one mapping of a template: CloudFormation takes the last, and so does billcast.
    case duplicateKey = "duplicate-key"
    /// A reference the plan does not resolve to one instance of a `count` or `for_each`
    /// resource, attributed by instance key or in turn.
    case ambiguousReference = "ambiguous-reference"
    /// A CloudFormation template that names a transform macro billcast does not run: it is
    /// priced as written, before the macro rewrites it.
    case customTransform = "custom-transform"
  }

  /// The notice's kind.
  public var kind: Kind
  /// The notice in words, naming the resource.
  public var message: String
  /// The component it concerns, if any.
  public var component: String?
  /// Where it arises.
  public var location: SourceLocation?
}
