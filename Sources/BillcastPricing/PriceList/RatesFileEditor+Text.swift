import BillcastCore

/// The YAML an import writes: entries, scalars and a new file's header. Every string that
/// comes from an offer is written as a scalar that reads back as that string and nothing more.
extension RatesFileEditor {
  /// An entry's lines: flow style for a flat rate without history, block style otherwise; the
  /// entry's own `usage_type` (if any) follows its SKU.
  static func render(
    _ key: MeterKey, tiers: [RateTier], source: String, sku: String?, usageType: String? = nil, before: [String]
  ) -> [String] {
    let source = scalar(source)
    let identity = (sku.map { [("sku", $0)] } ?? []) + (usageType.map { [("usage_type", $0)] } ?? [])
    if tiers.count == 1 && tiers[0].upto == nil {
      if before.isEmpty {
        return [
          "  \(key): {rate: \(tiers[0].rate), source: \(source)\(identity.map { ", \($0.0): \(scalar($0.1))" }.joined())}"
        ]
      }
      return ["  \(key):", "    rate: \(tiers[0].rate)", "    source: \(source)"]
        + identity.map { "    \($0.0): \(scalar($0.1))" }
        + before
    }
    return ["  \(key):", "    source: \(source)"] + identity.map { "    \($0.0): \(scalar($0.1))" } + ["    tiers:"]
      + tiers.map { t in t.upto.map { "      - {upto: \($0), rate: \(t.rate)}" } ?? "      - {rate: \(t.rate)}" }
      + before
  }

  /// A string as a YAML scalar: plain when it starts with a letter, holds only letters, digits
  /// and `. _ - / :` and is not a word YAML reads as a boolean or null (`GU2ZS9HVP6QTQ7KE`, an
  /// offer's URL); double-quoted with escapes otherwise.
  static func scalar(_ text: String) -> String {
    let keywords: Set<String> = ["true", "false", "null", "yes", "no", "on", "off", "y", "n"]
    let bytes = Array(text.utf8)
    func isLetter(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }
    let plain =
      bytes.first.map(isLetter) == true
      && bytes.allSatisfy { b in
        isLetter(b) || (b >= 0x30 && b <= 0x39) || b == 0x2E || b == 0x5F || b == 0x2D || b == 0x2F || b == 0x3A
      }
      && bytes.last != 0x3A && !keywords.contains(text.lowercased())
    return plain ? text : quoted(text)
  }

  /// A YAML double-quoted scalar: `\` and `"` escaped, and every control character (a line
  /// break, a tab, ESC, DEL and the C1 range) written as an escape, so the scalar stays one line.
  static func quoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\": out += "\\\\"
      case "\"": out += "\\\""
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case "\r": out += "\\r"
      default:
        if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028
          || scalar.value == 0x2029 || scalar.value == 0xFEFF
        {
          let hex = String(scalar.value, radix: 16, uppercase: true)
          out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
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

  /// What an edited text holds other than the edits made, read back from the text itself: each
  /// rate, source or header field whose value differs from `intended` (the editor after its
  /// edits), by key path. Empty when the text says exactly what the import reports.
  static func unintendedChanges(in text: String, path: String, intended: RatesFileEditor) throws(DiagnosticError)
    -> [String]
  {
    let reread = try RatesFileEditor(text: text, path: path)
    var paths: [String] = []
    for key in Set(reread.current.keys).union(intended.current.keys) where reread.current[key] != intended.current[key]
    {
      paths.append("rates.\(key)")
    }
    for id in reread.sourceIDs.symmetricDifference(intended.sourceIDs) { paths.append("sources.\(id)") }
    for (id, read) in intended.sourceReads where reread.sourceReads[id] != read { paths.append("sources.\(id).read") }
    for name in ["format", "id", "provider", "region", "effective"] where reread.header[name] != intended.header[name] {
      paths.append(name)
    }
    return paths.sorted()
  }
}
