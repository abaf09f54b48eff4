import BillcastCore
import Foundation

/// What importing offer files would do to the rates files: every rate added, changed or
/// unchanged, what the models need that the offers lack, and the new text of each file that
/// changes. Nothing is written here; the caller writes ``files`` only if it is complete.
package struct PriceListImport: Sendable {
  /// One rate's fate.
  package struct Change: Sendable {
    /// What happens to the rate.
    package enum Kind: String, Sendable { case added, changed, unchanged }
    /// What happens.
    package var kind: Kind
    /// The region and the rates file.
    package var region: String
    /// The rates file's path.
    package var path: String
    /// The meter (and key).
    package var key: MeterKey
    /// The tiers before (nil when added).
    package var old: [RateTier]?
    /// The tiers from the offer.
    package var new: [RateTier]
    /// The product's SKU.
    package var sku: String
    /// The offer's publication date.
    package var published: String
    /// When the old rate was kept in the entry's `before:` list: the date it ended (the new
    /// term's effective date).
    package var keptUntil: CalendarDate?
  }

  /// Every rate the offers give, in region and model order.
  package var changes: [Change] = []
  /// What the models need that the offers lack.
  package var lacking: [LackingRate] = []
  /// The rates files that change, with their new text, by path.
  package var files: [(path: String, text: String)] = []

  /// Plans an import of offers into the rates files of `provider` under `directory`: the offers'
  /// rates matched to the models' prices, then per region the rates file edited rate by rate.
  package init(offers: [Offer], catalog: PricingCatalog, directory: String, provider: String = "aws")
    throws(DiagnosticError)
  {
    let prices = catalog.tables.first { !$0.regionalPrices.isEmpty && $0.provider == provider }?.regionalPrices ?? []
    if prices.isEmpty {
      throw DiagnosticError([
        Diagnostic(
          file: directory, message: "no \(provider) model with regional prices is loaded; nothing to import into")
      ])
    }
    let match = PriceListMatch(offers: offers, prices: prices)
    lacking = match.lacking
    let byRegion = Dictionary(grouping: match.rates, by: \.region)
    for region in byRegion.keys.sorted() {
      let rates = byRegion[region]!
      let existing = catalog.tables.first { $0.provider == provider && $0.region == region && $0.files.count > 1 }?
        .files.last
      let path = existing ?? (directory as NSString).appendingPathComponent("\(provider)/rates/\(region).yaml")
      let original = try Self.originalText(existing, rates: rates, provider: provider, region: region)
      var editor = try RatesFileEditor(text: original, path: path)
      for rate in rates { changes.append(Self.apply(rate, to: &editor, region: region, path: path)) }
      if editor.text != original
        || existing == nil && changes.contains(where: { $0.region == region && $0.kind != .unchanged })
      {
        files.append((path, editor.text))
      }
    }
  }

  /// The rates file's text as it stands, or a new file's header; every offer must carry a publication date.
  static func originalText(_ existing: String?, rates: [OfferedRate], provider: String, region: String)
    throws(DiagnosticError) -> String
  {
    for rate in rates where rate.offer.publishedOn == nil {
      throw DiagnosticError([
        Diagnostic(
          file: rate.offer.path,
          message:
            "the offer's publicationDate '\(TerminalText.excerpt(rate.offer.publicationDate))' is not a date; a rate imported from it would have no read date"
        )
      ])
    }
    guard let existing else {
      return RatesFileEditor.newFile(
        provider: provider, region: region, effective: rates.compactMap { $0.offer.publishedOn }.max()!)
    }
    do { return try String(contentsOfFile: existing, encoding: .utf8) } catch {
      throw DiagnosticError([
        Diagnostic(file: existing, message: "cannot read the rates file (\(error.localizedDescription))")
      ])
    }
  }

  /// Writes one rate into the rates file, unless it is unchanged: with the offer as its source,
  /// and the old rate kept in force before the new term's effective date.
  static func apply(_ rate: OfferedRate, to editor: inout RatesFileEditor, region: String, path: String) -> Change {
    let old = editor.current[rate.key]
    let kind: Change.Kind = old == nil ? .added : (old!.tiers == rate.tiers ? .unchanged : .changed)
    var change = Change(
      kind: kind, region: region, path: path, key: rate.key, old: old?.tiers, new: rate.tiers, sku: rate.sku,
      published: rate.offer.publicationDate)
    guard kind != .unchanged else { return change }
    let source = sourceID(rate.offer, region: region)
    editor.addSource(
      id: source, url: rate.offer.url(region: region), read: rate.offer.publishedOn!,
      note:
        "AWS Price List offer \(rate.offer.offerCode) version \(rate.offer.version), published \(rate.offer.publicationDate); imported by billcast pricing import from \((rate.offer.path as NSString).lastPathComponent) (\(rate.offer.layout.rawValue))."
    )
    // The old rate stays in force before the new term's effective date, so that --as-of an
    // earlier date still prices with it.
    var earlier: RatesFileEditor.Earlier?
    if kind == .changed, let until = rate.effective, let old, let oldSource = old.source, !old.tiers.isEmpty {
      earlier = RatesFileEditor.Earlier(until: until, tiers: old.tiers, source: oldSource)
    }
    if editor.set(rate.key, tiers: rate.tiers, source: source, sku: rate.sku, earlier: earlier) {
      change.keptUntil = earlier?.until
    }
    return change
  }

  /// The source id an offer's rates cite: `pl-<offer>-<region>-<version>`.
  static func sourceID(_ offer: Offer, region: String) -> String {
    "pl-\(offer.offerCode.lowercased())-\(region)-\(offer.version)"
  }

  /// Checks that the rates files with the planned changes still load, with every other table.
  package func validate(directory: String) throws(DiagnosticError) {
    let replaced = Dictionary(files.map { ($0.path, $0.text) }, uniquingKeysWith: { a, _ in a })
    var documents: [YAMLDocument] = []
    var problems: [Diagnostic] = []
    var paths = Set(PricingCatalog.yamlFiles(under: directory))
    paths.formUnion(replaced.keys)
    for path in paths.sorted() {
      do throws(DiagnosticError) {
        if let text = replaced[path] {
          documents.append(try YAMLDocument.parse(text, path: path))
        } else {
          documents.append(try YAMLDocument.load(path: path))
        }
      } catch {
        problems += error.diagnostics
      }
    }
    let collector = DiagnosticCollector()
    _ = PricingCatalog.read(documents, diagnostics: collector)
    problems += collector.errors
    if !problems.isEmpty { throw DiagnosticError(problems) }
  }
}

/// Every rate whose table value differs from the offers': what `pricing verify` reports.
package struct PriceListVerification: Sendable {
  /// One rate that differs (or that the table lacks).
  package struct Difference: Sendable {
    /// The region.
    package var region: String
    /// The meter (and key).
    package var key: MeterKey
    /// The table's tiers; nil if the table has no rate for it.
    package var table: [RateTier]?
    /// The offer's tiers.
    package var offered: [RateTier]
    /// The SKU.
    package var sku: String
    /// The offer's publication date.
    package var published: String
  }

  /// The rates that differ, in region and model order.
  package var differences: [Difference] = []
  /// The number of rates that match.
  package var matching = 0
  /// What the models need that the offers lack.
  package var lacking: [LackingRate] = []

  /// Compares the offers with the rates files (through an import plan that is not written).
  package init(offers: [Offer], catalog: PricingCatalog, directory: String) throws(DiagnosticError) {
    let plan = try PriceListImport(offers: offers, catalog: catalog, directory: directory)
    lacking = plan.lacking
    for change in plan.changes {
      if change.kind == .unchanged {
        matching += 1
      } else {
        differences.append(
          Difference(
            region: change.region, key: change.key, table: change.old, offered: change.new, sku: change.sku,
            published: change.published))
      }
    }
  }
}
