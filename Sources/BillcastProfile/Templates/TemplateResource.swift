import BillcastCore

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
