import BillcastCore

/// How `billcast reconcile` finds an architecture's rows in a bill: the profile's `reconcile:` block.
///
/// Rows are matched to components by the `aws:cloudformation:logical-id` tag AWS gives every
/// resource a stack creates (a template's components are named by logical ID), then by these
/// rules, then by service and usage type within the profile's region.
public struct ReconcileRules: Sendable {
  /// Tags every row of the architecture carries (`app: jobs`); rows without them are not its.
  public var tags: [String: String] = [:]
  /// The accounts whose rows are the architecture's; empty: every account.
  public var accounts: [String] = []
  /// Each component's own rows, by component name.
  public var components: [String: ComponentRule] = [:]
  /// Where the block is, for errors.
  public var location: SourceLocation?

  /// Creates rules; empty rules match by logical ID and usage type alone.
  public init(
    tags: [String: String] = [:], accounts: [String] = [], components: [String: ComponentRule] = [:],
    location: SourceLocation? = nil
  ) {
    self.tags = tags
    self.accounts = accounts
    self.components = components
    self.location = location
  }

  /// The rows of one component: by tags, resource IDs or ARNs, or other logical IDs.
  public struct ComponentRule: Sendable {
    /// Tags the component's rows carry (all of them).
    public var tags: [String: String] = [:]
    /// Resource IDs or ARNs (a row's resource matches an entry equal to it, or ending with `/entry` or `:entry`).
    public var resources: [String] = []
    /// Logical IDs (`aws:cloudformation:logical-id`) of the component's resources, besides its name.
    public var logicalIDs: [String] = []
    /// Where the rule is, for errors.
    public var location: SourceLocation

    /// Creates a rule.
    public init(
      tags: [String: String] = [:], resources: [String] = [], logicalIDs: [String] = [], location: SourceLocation
    ) {
      self.tags = tags
      self.resources = resources
      self.logicalIDs = logicalIDs
      self.location = location
    }
  }
}
