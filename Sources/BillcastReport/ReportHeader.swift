import BillcastEngine
import BillcastPricing

/// Lines every report's header shares.
enum ReportHeader {
  /// "Pricing", or "Pricing (built into billcast)" when every table is a built-in one.
  static func pricingLabel(_ tables: [TableReference]) -> String {
    let builtIn = !tables.isEmpty && tables.allSatisfy { $0.path.hasPrefix(BuiltInPricing.pathPrefix) }
    return builtIn ? "Pricing (built into billcast)" : "Pricing"
  }

  /// One warning line per pricing table that may be out of date on the date priced.
  static func tableWarnings(_ tables: [TableReference], markdown: Bool) -> String {
    tables.compactMap(\.warning).map { (markdown ? "- **Warning:** " : "Warning: ") + $0 + "\n" }.joined()
  }
}
