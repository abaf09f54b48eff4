import BillcastCore
import Foundation

/// What importing offer files would do to the rates files: every rate added, changed or
/// unchanged, what the models need that the offers lack, and the new text of each file that
/// changes. Nothing is written here; the caller writes ``files`` only if it is complete.
package struct PriceListImport: Sendable {
  /// One rate's fate.
  package struct Change: Sendable {
    /// What happens to the rate.
    package enum Kind: String, Sendable {
      /// A rate the file lacked.
      case added
      /// The current rate replaced (the old one kept in the history when the term is newer).
      case changed
      /// The file already holds this rate for this date.
      case unchanged
      /// An older term: its rate is dated into the entry's history; the current rate stays.
      case dated
      /// Not applied: the file holds a rate for the same date from a newer offer (shown as `older`).
      case superseded = "older"
    }
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
    /// The offer file.
    package var offerPath: String
    /// The date the offer's term took effect.
    package var effective: CalendarDate?
    /// When the old rate was kept in the entry's `before:` list: the date it ended (the new
    /// term's effective date).
    package var keptUntil: CalendarDate?

    /// Whether a paid rate falls to exactly $0: imported, but warned about (an offer that makes a
    /// paid meter free is more likely wrong than generous).
    package var fallsToZero: Bool {
      (kind == .changed || kind == .dated) && (old?.contains { $0.rate != .zero } ?? false)
        && new.allSatisfy { $0.rate == .zero }
    }
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
    let match = PriceListMatch(
      offers: offers, prices: prices, usageTypes: Self.regionalUsageTypes(catalog, provider: provider))
    lacking = match.lacking
    let byRegion = Dictionary(grouping: match.rates, by: \.region)
    var problems: [Diagnostic] = []
    for region in byRegion.keys.sorted() {
      let rates = byRegion[region]!
      let existing = catalog.tables.first { $0.provider == provider && $0.region == region && $0.files.count > 1 }?
        .files.last
      let path = existing ?? (directory as NSString).appendingPathComponent("\(provider)/rates/\(region).yaml")
      let original = try Self.originalText(existing, rates: rates, provider: provider, region: region)
      var editor = try RatesFileEditor(text: original, path: path)
      let first = changes.count
      for rate in rates { changes.append(Self.apply(rate, to: &editor, region: region, path: path)) }
      let written = changes[first...].filter { $0.kind == .added || $0.kind == .changed || $0.kind == .dated }
      if let latest = written.compactMap({ CalendarDate(String($0.published.prefix(10))) }).max() {
        editor.bringEffective(forwardTo: latest)
      }
      guard editor.text != original || existing == nil && !written.isEmpty else { continue }
      // Read back what is about to be written: it must say what the import reports and nothing else.
      let unintended = try RatesFileEditor.unintendedChanges(in: editor.text, path: path, intended: editor)
      if !unintended.isEmpty {
        problems.append(
          Diagnostic(
            file: path,
            message:
              "the import would change \(unintended.map { TerminalText.excerpt($0) }.joined(separator: ", ")) beyond the rates it reports; nothing is written (an offer's text may be trying to write YAML of its own)"
          ))
      }
      files.append((path, editor.text))
    }
    if !problems.isEmpty { throw DiagnosticError(problems) }
  }

  /// The rates entries' own usage types (`usage_type:`), by region and meter; of one provider's
  /// tables, or of all.
  package static func regionalUsageTypes(_ catalog: PricingCatalog, provider: String? = nil) -> [String: [MeterKey:
    String]]
  {
    var found: [String: [MeterKey: String]] = [:]
    for table in catalog.tables where provider == nil || table.provider == provider {
      for service in table.services {
        for meter in service.meters {
          guard case .price(let price) = meter.billing else { continue }
          for (key, ladder) in price.allLadders {
            guard let own = ladder.usageType else { continue }
            found[table.region, default: [:]][MeterKey(service: service.id, meter: meter.name, key: key)] = own
          }
        }
      }
    }
    return found
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

  /// Writes one rate into the rates file by its date: a term newer than the current rate
  /// replaces it (the old rate kept in the history until the term's date); one as old corrects
  /// it, unless a newer offer gave it; an older one is dated into the history, which only ever
  /// gains dated entries. An offer's rate already there for its date changes nothing.
  static func apply(_ rate: OfferedRate, to editor: inout RatesFileEditor, region: String, path: String) -> Change {
    let old = editor.current[rate.key]
    var change = Change(
      kind: .added, region: region, path: path, key: rate.key, old: old?.tiers, new: rate.tiers, sku: rate.sku,
      published: rate.offer.publicationDate, offerPath: rate.offer.path, effective: rate.effective)
    let source = sourceID(rate.offer, region: region)
    guard let old else {
      addSource(rate, id: source, region: change.region, to: &editor)
      editor.set(rate.key, tiers: rate.tiers, source: source, sku: rate.sku.isEmpty ? nil : rate.sku)
      return change
    }
    // Undated terms are refused when the offer is read; a plan built otherwise dates them by the offer.
    let effective = rate.effective ?? rate.offer.publishedOn!
    if let start = old.start, effective <= start {
      return applyDated(rate, effective: effective, old: old, to: &editor, source: source, change: change)
    }
    guard old.tiers != rate.tiers else {
      change.kind = .unchanged
      return change
    }
    change.kind = .changed
    addSource(rate, id: source, region: change.region, to: &editor)
    // The old rate stays in force before the new term's effective date, so that --as-of an
    // earlier date still prices with it.
    if let oldSource = old.source, !old.tiers.isEmpty {
      let earlier = RatesFileEditor.Earlier(until: effective, tiers: old.tiers, source: oldSource)
      editor.set(
        rate.key, tiers: rate.tiers, source: source, sku: rate.sku.isEmpty ? nil : rate.sku, history: .append(earlier))
      change.keptUntil = effective
    } else {
      editor.set(rate.key, tiers: rate.tiers, source: source, sku: rate.sku.isEmpty ? nil : rate.sku)
    }
    return change
  }

  /// A rate whose term is not newer than the current rate's: the same date corrects the current
  /// rate (unless a newer offer gave it); an earlier date splits the history item in force then.
  static func applyDated(
    _ rate: OfferedRate, effective: CalendarDate, old: RatesFileEditor.Entry, to editor: inout RatesFileEditor,
    source: String, change: Change
  ) -> Change {
    var change = change
    let history = old.history.sorted { $0.until < $1.until }
    let later = history.firstIndex { $0.until > effective }
    let inForce = later.map { history[$0].tiers } ?? old.tiers
    change.old = inForce
    guard inForce != rate.tiers else {
      change.kind = .unchanged
      return change
    }
    let startsThen = later == nil || history.contains { $0.until == effective }
    let currentRead = old.source.flatMap { editor.sourceReads[$0] }
    if startsThen {
      // A rate for a date the file already dates: only a newer offer (or the same) corrects the current rate.
      if later != nil || (currentRead.map { rate.offer.publishedOn! < $0 } ?? false) {
        change.kind = .superseded
        return change
      }
      change.kind = .changed
      addSource(rate, id: source, region: change.region, to: &editor)
      editor.set(rate.key, tiers: rate.tiers, source: source, sku: rate.sku.isEmpty ? nil : rate.sku)
      return change
    }
    let k = later!
    var dated = Array(history[..<k])
    dated.append(RatesFileEditor.Earlier(until: effective, tiers: history[k].tiers, source: history[k].source))
    dated.append(RatesFileEditor.Earlier(until: history[k].until, tiers: rate.tiers, source: source))
    dated += history[(k + 1)...]
    change.kind = .dated
    addSource(rate, id: source, region: change.region, to: &editor)
    editor.set(rate.key, tiers: old.tiers, source: old.source ?? "", sku: old.sku, history: .replace(dated))
    return change
  }

  /// Adds the source an offer's rates cite (once per rates file).
  static func addSource(_ rate: OfferedRate, id: String, region: String, to editor: inout RatesFileEditor) {
    if let converted = rate.offer.source {
      editor.addSource(
        id: id, url: converted.url, read: rate.offer.publishedOn!,
        note:
          "\(converted.note) Imported by billcast pricing import from \((rate.offer.path as NSString).lastPathComponent)."
      )
      return
    }
    editor.addSource(
      id: id, url: rate.offer.url(region: region), read: rate.offer.publishedOn!,
      note:
        "AWS Price List offer \(rate.offer.offerCode) version \(rate.offer.version), published \(rate.offer.publicationDate); imported by billcast pricing import from \((rate.offer.path as NSString).lastPathComponent) (\(rate.offer.layout.rawValue))."
    )
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
