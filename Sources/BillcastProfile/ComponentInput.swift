import BillcastCore

/// One input of a component, as written in the profile.
public struct ComponentInput: Sendable {
  /// The input's name, as written in the profile.
  public var name: String
  /// The value as written: a number, a range, a formula or a choice.
  public var text: String
  /// Whether the YAML scalar was plain (so a formula error can point at its column).
  public var isPlain: Bool
  /// Where the value is in the profile, for errors about the value.
  public var location: SourceLocation
  /// Where the input's name is in the profile, for errors about the name.
  public var keyLocation: SourceLocation
  /// Whether the value is one a template states (a profile replaces it under `usage.ID.override`).
  package var statedByTemplate = false
}
