import BillcastCore
import Foundation

/// Edits a rates file's text in place: an entry replaced, an entry or a source added, every
/// other line (comments, history, layout) kept, so that an import is a small, reviewable diff.
struct RatesFileEditor {
  /// The file's lines, without line breaks.
  private(set) var lines: [String]
  /// Each rates entry's current tiers, SKU and source, by meter key.
  private(set) var current: [MeterKey: (tiers: [RateTier], sku: String?, source: String?)] = [:]
  /// Each entry's first line (0-based), by meter key.
  private var entryLines: [MeterKey: Int] = [:]
  /// Source ids already in the file.
  private(set) var sourceIDs: Set<String> = []

  /// Reads a rates file's text; its YAML must already load.
  init(text: String, path: String) throws(DiagnosticError) {
    lines = text.components(separatedBy: "\n")
    if lines.last == "" { lines.removeLast() }
    let document = try YAMLDocument.parse(text, path: path)
    let collector = DiagnosticCollector()
    let root = YAMLCursor(document: document, diagnostics: collector)
    let top = root.fields(["format", "id", "provider", "region", "effective", "sources", "rates"])
    for (id, _, _) in top?["sources"]?.keyedEntries() ?? [] {
      sourceIDs.insert(id)
    }
    for (text, keyCursor, value) in top?["rates"]?.keyedEntries() ?? [] {
      guard let key = MeterKey(text), let line = keyCursor.line else { continue }
      entryLines[key] = line - 1
      current[key] = Self.read(value)
    }
  }

  /// An entry's tiers, SKU and source as written (a flat rate is one tier).
  static func read(_ cursor: YAMLCursor) -> (tiers: [RateTier], sku: String?, source: String?) {
    guard let f = cursor.fields(["rate", "source", "tiers", "before", "sku"]) else { return ([], nil, nil) }
    let sku = f["sku"]?.string()
    let source = f["source"]?.string()
    if let rate = f["rate"]?.decimal() { return ([RateTier(upto: nil, rate: rate)], sku, source) }
    let tiers = (f["tiers"]?.items() ?? []).compactMap { item -> RateTier? in
      guard let t = item.fields(["upto", "rate", "source"]), let rate = t["rate"]?.decimal() else { return nil }
      return RateTier(upto: t["upto"]?.decimal(), rate: rate)
    }
    return (tiers, sku, source)
  }

  /// The text, ending with a line break.
  var text: String { lines.joined(separator: "\n") + "\n" }

  /// The line range of a top-level section's body (`sources:` or `rates:`): from the line after
  /// its key to the last non-blank line before the next top-level key.
  func section(_ name: String) -> Range<Int>? {
    guard let start = lines.firstIndex(where: { $0.hasPrefix(name + ":") }) else { return nil }
    var end = lines.count
    for i in (start + 1)..<lines.count where !lines[i].isEmpty && !lines[i].hasPrefix(" ") && !lines[i].hasPrefix("#") {
      end = i
      break
    }
    while end > start + 1 && lines[end - 1].trimmingCharacters(in: .whitespaces).isEmpty { end -= 1 }
    return (start + 1)..<end
  }

  /// An earlier rate to keep in an entry's `before:` list when its rate changes.
  struct Earlier {
    var until: CalendarDate
    var tiers: [RateTier]
    var source: String
  }

  /// Replaces an entry (keeping its `before:` history, and adding `earlier` to it when given and
  /// later than every date already there) or adds it at the end of `rates:`. Returns whether
  /// `earlier` was added.
  @discardableResult
  mutating func set(_ key: MeterKey, tiers: [RateTier], source: String, sku: String, earlier: Earlier? = nil) -> Bool {
    guard let first = entryLines[key], let body = section("rates") else {
      let end = section("rates")?.upperBound ?? lines.count
      lines.insert(contentsOf: Self.render(key, tiers: tiers, source: source, sku: sku, before: []), at: end)
      reindex()
      return false
    }
    // The entry runs to the next entry (or the end of the section), less trailing blank and comment lines.
    var last = body.upperBound
    for i in (first + 1)..<body.upperBound
    where lines[i].hasPrefix("  ") && !lines[i].hasPrefix("   ") && !lines[i].hasPrefix("  #") {
      last = i
      break
    }
    while last > first + 1
      && (lines[last - 1].trimmingCharacters(in: .whitespaces).isEmpty
        || lines[last - 1].trimmingCharacters(in: .whitespaces).hasPrefix("#"))
    {
      last -= 1
    }
    var before = lines[first..<last].firstIndex { $0.hasPrefix("    before:") }.map { Array(lines[$0..<last]) } ?? []
    var added = false
    if let earlier {
      // Dates must ascend: only an `until` after every one already listed is added.
      let dates = before.compactMap { line in
        line.range(of: #"until: \d{4}-\d\d-\d\d"#, options: .regularExpression).flatMap {
          CalendarDate(String(line[$0].dropFirst(7)))
        }
      }
      if dates.allSatisfy({ $0 < earlier.until }) {
        if before.isEmpty { before = ["    before:"] }
        before.append(Self.renderEarlier(earlier))
        added = true
      }
    }
    lines.replaceSubrange(first..<last, with: Self.render(key, tiers: tiers, source: source, sku: sku, before: before))
    reindex()
    return added
  }

  /// One `before:` item: `- {until, rate, source}` or `- {until, source, tiers: [...]}`.
  static func renderEarlier(_ e: Earlier) -> String {
    if e.tiers.count == 1 && e.tiers[0].upto == nil {
      return "      - {until: \(e.until), rate: \(e.tiers[0].rate), source: \(e.source)}"
    }
    let tiers = e.tiers.map { t in t.upto.map { "{upto: \($0), rate: \(t.rate)}" } ?? "{rate: \(t.rate)}" }.joined(
      separator: ", ")
    return "      - {until: \(e.until), source: \(e.source), tiers: [\(tiers)]}"
  }

  /// Adds a source at the end of `sources:` unless one with its id is there.
  mutating func addSource(id: String, url: String, read: CalendarDate, note: String) {
    guard !sourceIDs.contains(id) else { return }
    let block = ["  \(id):", "    url: \(url)", "    read: \(read)", "    grade: PL", "    note: \(Self.quoted(note))"]
    if let i = lines.firstIndex(where: { $0.hasPrefix("sources:") }), lines[i].contains("{}") {
      lines.replaceSubrange(i...i, with: ["sources:"] + block)
    } else if let body = section("sources") {
      lines.insert(contentsOf: block, at: body.upperBound)
    }
    sourceIDs.insert(id)
    reindex()
  }

  /// Recomputes each entry's first line after an edit.
  private mutating func reindex() {
    guard let body = section("rates") else { return }
    for i in body where lines[i].hasPrefix("  ") && !lines[i].hasPrefix("   ") && !lines[i].hasPrefix("  #") {
      let keyText = lines[i].dropFirst(2).split(separator: ":", maxSplits: 1).first.map(String.init) ?? ""
      if let key = MeterKey(keyText) { entryLines[key] = i }
    }
  }

  /// An entry's lines: flow style for a flat rate without history, block style otherwise.
  static func render(_ key: MeterKey, tiers: [RateTier], source: String, sku: String, before: [String]) -> [String] {
    if tiers.count == 1 && tiers[0].upto == nil {
      if before.isEmpty { return ["  \(key): {rate: \(tiers[0].rate), source: \(source), sku: \(sku)}"] }
      return ["  \(key):", "    rate: \(tiers[0].rate)", "    source: \(source)", "    sku: \(sku)"] + before
    }
    return ["  \(key):", "    source: \(source)", "    sku: \(sku)", "    tiers:"]
      + tiers.map { t in t.upto.map { "      - {upto: \($0), rate: \(t.rate)}" } ?? "      - {rate: \(t.rate)}" }
      + before
  }

  /// A YAML double-quoted scalar.
  static func quoted(_ text: String) -> String {
    "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
  }

  /// A new rates file's text for a region.
  static func newFile(provider: String, region: String, effective: CalendarDate) -> String {
    """
    # AWS list rates for \(region), USD, on demand: written by `billcast pricing import` from AWS
    # Price List offers. A component that needs a rate missing here is an error naming the rate
    # (billcast never borrows another region's rates); see docs/pricing-format.md.
    format: billcast.rates/1
    id: \(provider)/\(region)
    provider: \(provider)
    region: \(region)
    effective: \(effective)
    sources: {}
    rates:

    """
  }
}
