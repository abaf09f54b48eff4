import BillcastEngine
import BillcastPricing

/// Lines every report's header shares.
enum ReportHeader {
  /// "Pricing (built into billcast)" when every table is a built-in one, else "Pricing (from
  /// DIR)", DIR being the pricing directory the tables were read from: a reader sees where the
  /// prices came from.
  static func pricingLabel(_ tables: [TableReference], markdown: Bool = false) -> String {
    let builtIn = !tables.isEmpty && tables.allSatisfy { $0.path.hasPrefix(PricingCatalog.builtInPathPrefix) }
    if builtIn { return "Pricing (built into billcast)" }
    let directories = Set(tables.compactMap(\.directory))
    guard directories.count == 1, let directory = directories.first else { return "Pricing" }
    return "Pricing (from \(markdown ? MarkdownText.code(directory) : directory))"
  }

  /// The line naming the pricing tables priced from, like `Pricing (built into billcast):
  /// aws/us-east-1 (effective …, sha256 …)`; `code` sets ids and digests as Markdown code.
  /// Templates with nothing priced use no table, and say so.
  static func pricingLine(_ tables: [TableReference], markdown: Bool = false, code: Bool = false) -> String {
    guard !tables.isEmpty else { return "Pricing: no table used (nothing is priced)" }
    let quote = { (text: String) in code ? "`\(text)`" : text }
    return pricingLabel(tables, markdown: markdown) + ": "
      + tables.map { "\(quote($0.id)) (effective \($0.effective), sha256 \(quote(String($0.sha256.prefix(12)))))" }
      .joined(separator: ", ")
  }

  /// One warning line per pricing table that may be out of date on the date priced.
  static func tableWarnings(_ tables: [TableReference], markdown: Bool) -> String {
    tables.compactMap(\.warning).map { (markdown ? "- **Warning:** " : "Warning: ") + $0 + "\n" }.joined()
  }
}
