import BillcastCore

/// The pricing tables compiled into billcast: the default when no pricing directory is named.
///
/// `scripts/embed-pricing.py` writes the files of `pricing/` into `BuiltInPricingFiles.swift`;
/// they are read by the same reader, with the same checks, as a directory's.
public enum BuiltInPricing {
  /// One pricing file: its path under `pricing/` and its exact text.
  struct File: Sendable {
    let path: String
    let text: String
  }

  /// What a built-in table's path starts with, so a diagnostic or listing says where it came from.
  public static let pathPrefix = "built-in:"

  /// The earliest date on which the built-in tables say their prices were confirmed.
  public static var effective: CalendarDate {
    guard let date = CalendarDate(effectiveText) else { preconditionFailure("embed-pricing wrote an invalid date") }
    return date
  }

  /// A short form of the built-in pricing's SHA-256: its version, as reports and `--version` show it.
  public static var version: String { String(digest.prefix(12)) }

  /// The built-in pricing files: each one's path under `pricing/` and its exact text.
  public static var contents: [(path: String, text: String)] { files.map { ($0.path, $0.text) } }

  /// Reads the built-in tables: every region's, or only those `regions` returns.
  ///
  /// With `compiled` (the default), the tables come from the snapshot compiled into billcast
  /// (`BuiltInSnapshot.swift`): the same tables, read from YAML with every check when billcast
  /// was built, decoded without reading YAML. It is used only when it was made from these exact
  /// tables (their SHA-256, `digest`) with the current encoding, and under the standard limits;
  /// otherwise the YAML is read. With a `cache`, a snapshot of the tables read before by the same
  /// build is used when there is one; otherwise the tables are read with every check and stored.
  public static func catalog(
    limits: YAMLLimits = .standard, regions: () -> Set<String>? = { nil }, cache: PricingSnapshotCache? = nil,
    compiled: Bool = true
  ) throws(DiagnosticError) -> PricingCatalog {
    guard compiled && limits == .standard && compiledSnapshotIsCurrent else {
      return try read(limits: limits, regions: regions, cache: cache)
    }
    let wanted = regions()
    if let catalog = compiledCatalog(regions: wanted) { return catalog }
    return try read(limits: limits, regions: { wanted }, cache: cache)
  }

  /// Reads the built-in tables from their YAML, through `cache` when one is given.
  static func read(limits: YAMLLimits, regions: () -> Set<String>?, cache: PricingSnapshotCache?)
    throws(DiagnosticError) -> PricingCatalog
  {
    let files = Self.files
    let sizes = files.map(\.text.utf8.count)
    let document: @Sendable (Int) throws(DiagnosticError) -> YAMLDocument = { i throws(DiagnosticError) in
      try YAMLDocument.parse(files[i].text, path: pathPrefix + files[i].path, limits: limits)
    }
    guard let cache else {
      return try PricingCatalog.load(count: files.count, sizes: sizes, regions: regions, document: document)
    }
    return try PricingCatalog.load(
      cache: cache, identity: pathPrefix + digest, limits: limits, count: files.count, sizes: sizes, regions: regions,
      document: document)
  }
}
