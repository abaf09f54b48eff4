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

  /// One warning line per pricing table that may be out of date on the date priced.
  static func tableWarnings(_ tables: [TableReference], markdown: Bool) -> String {
    tables.compactMap(\.warning).map { (markdown ? "- **Warning:** " : "Warning: ") + $0 + "\n" }.joined()
  }
}
