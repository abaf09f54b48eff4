import BillcastCore
import Foundation

extension PricingCatalog {
  /// Loads a catalog through `cache`: the snapshot for these files' bytes (`identity`: each path
  /// and SHA-256) and regions if there is one, else the files read with every check, and the
  /// catalog stored when it has no errors.
  ///
  /// `regions` is called before any file is parsed, since it is part of the key.
  static func load(
    cache: PricingSnapshotCache, identity: String, limits: YAMLLimits, count: Int, sizes: [Int],
    regions: () -> Set<String>?, document: @Sendable (Int) throws(DiagnosticError) -> YAMLDocument
  ) throws(DiagnosticError) -> PricingCatalog {
    let wanted = regions()
    let key = cache.key(identity: identity, regions: wanted, limits: limits)
    if let catalog = cache.catalog(forKey: key) { return catalog }
    let catalog = try load(count: count, sizes: sizes, regions: { wanted }, document: document)
    cache.store(catalog, forKey: key)
    return catalog
  }

  /// Every file's text and SHA-256 (hex), read on all cores; nil if any cannot be read (the
  /// uncached path then reports it, with the others' problems).
  static func readTexts(_ files: [String], limits: YAMLLimits) -> [(text: String, sha256: String)]? {
    let texts = ConcurrentSlots<(text: String, sha256: String)?>(count: files.count)
    DispatchQueue.concurrentPerform(iterations: files.count) { i in
      texts.set(i, (try? YAMLDocument.readText(path: files[i], limits: limits)).map { ($0, SHA256.hex($0.utf8)) })
    }
    let all = texts.all.compactMap { $0 }
    return all.count == files.count ? all : nil
  }
}
