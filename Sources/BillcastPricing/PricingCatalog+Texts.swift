import BillcastCore

extension PricingCatalog {
  /// What a built-in table's path starts with, so a diagnostic or listing says where it came from.
  public static let builtInPathPrefix = "built-in:"

  /// Reads tables from files held in memory (each one's path and exact text), with every check a
  /// directory's get, through `cache` under `identity` when one is given.
  ///
  /// The built-in tables are read this way: by billcast, and by `embed-pricing-snapshot` when it
  /// compiles their snapshot at build time.
  package static func load(
    texts files: [(path: String, text: String)], limits: YAMLLimits, regions: () -> Set<String>?,
    cache: (cache: PricingSnapshotCache, identity: String)? = nil
  ) throws(DiagnosticError) -> PricingCatalog {
    let sizes = files.map(\.text.utf8.count)
    let document: @Sendable (Int) throws(DiagnosticError) -> YAMLDocument = { i throws(DiagnosticError) in
      try YAMLDocument.parse(files[i].text, path: files[i].path, limits: limits)
    }
    guard let cache else {
      return try load(count: files.count, sizes: sizes, regions: regions, document: document)
    }
    return try load(
      cache: cache.cache, identity: cache.identity, limits: limits, count: files.count, sizes: sizes, regions: regions,
      document: document)
  }
}
