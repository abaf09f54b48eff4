/// Limits applied to every YAML file before any of it is interpreted.
///
/// Yams expands aliases without limit (a 400-byte file can take 18 s and 800 MB
/// to decode), so billcast caps the file's size, and walks the composed tree
/// with a node budget that counts every alias expansion, before reading it.
public struct YAMLLimits: Sendable, Equatable {
  /// The largest file accepted, in bytes.
  public var maximumBytes: Int
  /// The most nodes the document may have once aliases are expanded.
  public var maximumNodes: Int
  /// The deepest nesting of mappings and sequences accepted.
  public var maximumDepth: Int

  /// Creates limits; the defaults are the standard ones: 1 MiB, 100,000 nodes, depth 64.
  public init(maximumBytes: Int = 1 << 20, maximumNodes: Int = 100_000, maximumDepth: Int = 64) {
    self.maximumBytes = maximumBytes
    self.maximumNodes = maximumNodes
    self.maximumDepth = maximumDepth
  }

  /// The limits for usage profiles and pricing tables: 1 MiB, 100,000 nodes, depth 64.
  public static let standard = YAMLLimits()
}
