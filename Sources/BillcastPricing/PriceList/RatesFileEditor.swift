import BillcastCore
import Foundation

/// Edits a rates file's text in place: an entry replaced, an entry or a source added, every
/// other line (comments, history, layout) kept, so that an import is a small, reviewable diff.
struct RatesFileEditor {
  /// The file's lines, without line breaks.
  private(set) var lines: [String]
  /// A rates entry as read: its current tiers, SKU and source, its own usage type, and its dated history.
  struct Entry: Equatable {
    var tiers: [RateTier]
    var sku: String?
    var source: String?
    /// The entry's `usage_type:` (the region's own), kept as it is by every edit.
    var usageType: String?
    /// The `before:` items, as read (dates ascending in a valid file).
    var history: [Earlier] = []
    /// The date the current rate took effect: the last `until` of its history, if any.
    var start: CalendarDate? { history.map(\.until).max() }
  }

  /// Each rates entry, by meter key: as read, then as edited.
  private(set) var current: [MeterKey: Entry] = [:]
  /// Each source's `read` date, by id.
  private(set) var sourceReads: [String: CalendarDate] = [:]
  /// The table's `effective` date, its `format`, `id`, `provider` and `region`.
  private(set) var header: [String: String] = [:]
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
    for name in ["format", "id", "provider", "region", "effective"] { header[name] = top?[name]?.string() }
    for (id, _, value) in top?["sources"]?.keyedEntries() ?? [] {
      sourceIDs.insert(id)
      sourceReads[id] = value.fields(["url", "read", "grade", "note", "title"])?["read"]?.date()
    }
    for (text, keyCursor, value) in top?["rates"]?.keyedEntries() ?? [] {
      guard let key = MeterKey(text), let line = keyCursor.line else { continue }
      entryLines[key] = line - 1
      current[key] = Self.read(value)
    }
  }

  /// An entry's tiers, SKU, source and history as written (a flat rate is one tier).
  static func read(_ cursor: YAMLCursor) -> Entry {
    guard let f = cursor.fields(["rate", "source", "tiers", "before", "sku", "usage_type"]) else {
      return Entry(tiers: [])
    }
    let history = (f["before"]?.items() ?? []).compactMap { item -> Earlier? in
      guard let b = item.fields(["until", "rate", "tiers", "source"]), let until = b["until"]?.date() else {
        return nil
      }
      return Earlier(until: until, tiers: tiers(b["rate"], b["tiers"]), source: b["source"]?.string() ?? "")
    }
    return Entry(
      tiers: tiers(f["rate"], f["tiers"]), sku: f["sku"]?.string(), source: f["source"]?.string(),
      usageType: f["usage_type"]?.string(), history: history)
  }

  /// A flat `rate` as one tier, or a `tiers` list.
  static func tiers(_ rate: YAMLCursor?, _ tiers: YAMLCursor?) -> [RateTier] {
    if let rate = rate?.decimal() { return [RateTier(upto: nil, rate: rate)] }
    return (tiers?.items() ?? []).compactMap { item -> RateTier? in
      guard let t = item.fields(["upto", "rate", "source"]), let rate = t["rate"]?.decimal() else { return nil }
      return RateTier(upto: t["upto"]?.decimal(), rate: rate)
    }
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
  struct Earlier: Equatable {
    var until: CalendarDate
    var tiers: [RateTier]
    var source: String
  }

  /// What becomes of an entry's `before:` list when it is set.
  enum HistoryEdit {
    /// Kept as written.
    case keep
    /// Kept as written, with one item added at its end (the latest date).
    case append(Earlier)
    /// Written anew from these items (an item dated inside the history).
    case replace([Earlier])
  }

  /// Replaces an entry, its `before:` list as `history` says, or adds it at the end of `rates:`.
  mutating func set(_ key: MeterKey, tiers: [RateTier], source: String, sku: String?, history: HistoryEdit = .keep) {
    let usageType = current[key]?.usageType
    var entry = Entry(
      tiers: tiers, sku: sku, source: source, usageType: usageType, history: current[key]?.history ?? [])
    guard let first = entryLines[key], let body = section("rates") else {
      let end = section("rates")?.upperBound ?? lines.count
      if case .replace(let items) = history { entry.history = items }
      if case .append(let item) = history { entry.history.append(item) }
      let before = entry.history.isEmpty ? [] : ["    before:"] + entry.history.map(Self.renderEarlier)
      lines.insert(
        contentsOf: Self.render(key, tiers: tiers, source: source, sku: sku, usageType: usageType, before: before),
        at: end)
      current[key] = entry
      reindex()
      return
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
    switch history {
    case .keep: break
    case .append(let item):
      if before.isEmpty { before = ["    before:"] }
      before.append(Self.renderEarlier(item))
      entry.history.append(item)
    case .replace(let items):
      before = ["    before:"] + items.map(Self.renderEarlier)
      entry.history = items
    }
    lines.replaceSubrange(
      first..<last, with: Self.render(key, tiers: tiers, source: source, sku: sku, usageType: usageType, before: before)
    )
    current[key] = entry
    reindex()
  }

  /// One `before:` item: `- {until, rate, source}` or `- {until, source, tiers: [...]}`.
  static func renderEarlier(_ e: Earlier) -> String {
    let source = scalar(e.source)
    if e.tiers.count == 1 && e.tiers[0].upto == nil {
      return "      - {until: \(e.until), rate: \(e.tiers[0].rate), source: \(source)}"
    }
    let tiers = e.tiers.map { t in t.upto.map { "{upto: \($0), rate: \(t.rate)}" } ?? "{rate: \(t.rate)}" }.joined(
      separator: ", ")
    return "      - {until: \(e.until), source: \(source), tiers: [\(tiers)]}"
  }

  /// Adds a source at the end of `sources:` unless one with its id is there.
  mutating func addSource(id: String, url: String, read: CalendarDate, note: String) {
    guard !sourceIDs.contains(id) else { return }
    let block = [
      "  \(Self.scalar(id)):", "    url: \(Self.scalar(url))", "    read: \(read)", "    grade: PL",
      "    note: \(Self.quoted(note))",
    ]
    if let i = lines.firstIndex(where: { $0.hasPrefix("sources:") }), lines[i].contains("{}") {
      lines.replaceSubrange(i...i, with: ["sources:"] + block)
    } else if let body = section("sources") {
      lines.insert(contentsOf: block, at: body.upperBound)
    }
    sourceIDs.insert(id)
    sourceReads[id] = read
    reindex()
  }

  /// Brings the table's `effective` date forward to `date` (never back): an import of an offer
  /// published after it confirms the table's rates that day, and `pricing validate` refuses a
  /// source read after the table's date.
  mutating func bringEffective(forwardTo date: CalendarDate) {
    guard let i = lines.firstIndex(where: { $0.hasPrefix("effective:") }) else { return }
    if let now = header["effective"].flatMap(CalendarDate.init), now >= date { return }
    let comment = lines[i].range(of: " #").map { String(lines[i][$0.lowerBound...]) } ?? ""
    lines[i] = "effective: \(date)\(comment)"
    header["effective"] = date.description
  }

  /// Recomputes each entry's first line after an edit.
  private mutating func reindex() {
    guard let body = section("rates") else { return }
    for i in body where lines[i].hasPrefix("  ") && !lines[i].hasPrefix("   ") && !lines[i].hasPrefix("  #") {
      let keyText = lines[i].dropFirst(2).split(separator: ":", maxSplits: 1).first.map(String.init) ?? ""
      if let key = MeterKey(keyText) { entryLines[key] = i }
    }
  }
}
