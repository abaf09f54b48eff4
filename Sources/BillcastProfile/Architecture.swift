import BillcastCore

/// A named set of components: one way to build the system.
public struct Architecture: Sendable {
  /// The architecture's name.
  public var name: String
  /// A description of the architecture, if given.
  public var description: String?
  /// The components, in file order: those read from templates first, then hand-written ones.
  public var components: [Component]
  /// Where the architecture is in the profile, for errors.
  public var location: SourceLocation
  /// The templates the architecture is read from, if any.
  public var templates: TemplateSource? = nil
  /// Every resource of its templates, and what billcast made of it.
  public var resources: [TemplateResource] = []
  /// What every estimate of the architecture must say about its templates.
  public var notices: [ArchitectureNotice] = []
  /// How `billcast reconcile` finds the architecture's rows in a bill (its `reconcile:` block).
  public var reconcile = ReconcileRules()

  /// Creates an architecture from its components.
  public init(name: String, description: String? = nil, components: [Component], location: SourceLocation) {
    self.name = name
    self.description = description
    self.components = components
    self.location = location
  }
}
