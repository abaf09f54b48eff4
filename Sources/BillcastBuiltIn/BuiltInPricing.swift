import BillcastCore
import BillcastPricing

/// The pricing tables compiled into billcast: the default when no pricing directory is named.
///
/// The files of `pricing/` are generated into this module at build time (`BuiltInPricingFiles.swift`,
/// by the `EmbedData` plugin's `embed-text`; docs/generated-code.md); they are read by the same
/// reader, with the same checks, as a directory's.
public enum BuiltInPricing {
  /// One pricing file: its path under `pricing/` and its exact text.
  struct File: Sendable {
    let path: String
    let text: String
  }

  /// What a built-in table's path starts with, so a diagnostic or listing says where it came from.
  public static let pathPrefix = PricingCatalog.builtInPathPrefix

  /// The earliest date on which the built-in tables say their prices were confirmed.
  public static var effective: CalendarDate {
    guard let date = CalendarDate(effectiveText) else {
      preconditionFailure("embed-pricing-snapshot wrote an invalid date")
    }
    return date
  }

  /// A short form of the built-in pricing's SHA-256: its version, as reports and `--version` show it.
  public static var version: String { String(digest.prefix(12)) }

  /// The built-in pricing files: each one's path under `pricing/` and its exact text.
  public static var contents: [(path: String, text: String)] { files.map { ($0.path, $0.text) } }

  /// Reads the built-in tables: every region's, or only those `regions` returns.
  ///
  /// With `compiled` (the default), the tables come from the snapshot compiled into billcast
  /// (`BuiltInSnapshot.swift`, generated at build time): the same tables, read from YAML with
  /// every check when billcast was built, decoded without reading YAML. It is used only under the
  /// standard limits; otherwise the YAML is read. With a `cache`, a snapshot of the tables read
  /// before by the same build is used when there is one; otherwise the tables are read with every
  /// check and stored.
  public static func catalog(
    limits: YAMLLimits = .standard, regions: () -> Set<String>? = { nil }, cache: PricingSnapshotCache? = nil,
    compiled: Bool = true
  ) throws(DiagnosticError) -> PricingCatalog {
    guard compiled && limits == .standard else {
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
    try PricingCatalog.load(
      texts: files.map { (pathPrefix + $0.path, $0.text) }, limits: limits, regions: regions,
      cache: cache.map { ($0, pathPrefix + digest) })
  }
}
