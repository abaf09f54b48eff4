import BillcastEngine

/// Lines every report's header shares.
enum ReportHeader {
  /// One warning line per pricing table that may be out of date on the date priced.
  static func tableWarnings(_ tables: [TableReference], markdown: Bool) -> String {
    tables.compactMap(\.warning).map { (markdown ? "- **Warning:** " : "Warning: ") + $0 + "\n" }.joined()
  }
}
