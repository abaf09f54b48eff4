import BillcastCore

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
    /// A template the architecture names that another of its templates nests: it is read once,
    /// as that nested stack, its resources named `Stack/ID`.
    case nestedTemplate = "nested-template"
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
