// embed-pricing-snapshot: compiles the built-in pricing tables into billcast, at build time.
//
//   embed-pricing-snapshot OUTPUT DIRECTORY
//
// The EmbedData plugin runs it (docs/generated-code.md) on pricing/. It lists every *.yaml file
// there at any depth (the files embed-text builds in), reads them as the built-in tables (paths `built-in:…`) from their YAML with every check,
// and writes BillcastBuiltIn's BuiltInSnapshot.swift: each table's snapshot encoding as base64,
// so that billcast decodes them instead of reading YAML, with the tables' earliest effective date
// and the built-in pricing's digest. A table with an error stops the build with its diagnostics.
import BillcastCore
import BillcastPricing
import EmbedSupport
import Foundation

/// SHA-256 over "path\0sha256(text)\n" for each file in path order: the built-in pricing's version.
func digest(_ files: [(path: String, text: String)]) -> String {
  SHA256.hex(files.map { "\($0.path)\u{0}\(SHA256.hex($0.text.utf8))\n" }.joined().utf8)
}

/// The lines of one compiled table: its id, region, whether it is always read, and its encoding.
func compiledTable(_ table: PricingTable, always: Bool) -> [String] {
  var writer = SnapshotWriter()
  writer.write(table)
  let base64 = Array(Data(writer.bytes).base64EncodedString().utf8)
  var lines = [
    "    CompiledTable(",
    "      id: \"\(table.id)\", region: \"\(table.region)\", always: \(always),",
    "      base64: \"\"\"",
  ]
  for start in stride(from: 0, to: base64.count, by: 100) {
    lines.append("        " + String(decoding: base64[start..<min(start + 100, base64.count)], as: UTF8.self))
  }
  lines.append("        \"\"\"),")
  return lines
}

/// The text of `BuiltInSnapshot.swift` for `files` (paths relative to pricing/): each table read
/// from YAML with every check, then encoded.
func snapshotSource(_ files: [(path: String, text: String)]) throws(DiagnosticError) -> String {
  let texts = files.map { (PricingCatalog.builtInPathPrefix + $0.path, $0.text) }
  let all = try PricingCatalog.load(texts: texts, limits: .standard, regions: { nil })
  let always = Set(try PricingCatalog.load(texts: texts, limits: .standard, regions: { [] }).tables.map(\.id))
  guard let effective = all.tables.map(\.effective).min() else {
    throw DiagnosticError([Diagnostic(file: "pricing", message: "no pricing tables (*.yaml) in pricing/")])
  }
  var lines = [
    // The header's lines, without the blank line it ends with (the next element is one).
    String(EmbeddedFiles.header(tool: "embed-pricing-snapshot", source: "pricing/").dropLast()),
    "extension BuiltInPricing {",
    "  /// The earliest `effective` date among the built-in tables.",
    "  static let effectiveText = \"\(effective)\"",
    "",
    "  /// SHA-256 over the files' paths and digests: the built-in pricing's version.",
    "  static let digest = \"\(digest(files))\"",
    "",
    "  /// Each built-in table, read from YAML with every check and encoded, in id order.",
    "  static let snapshotTables: [CompiledTable] = [",
  ]
  for table in all.tables { lines += compiledTable(table, always: always.contains(table.id)) }
  lines += ["  ]", "}"]
  return lines.joined(separator: "\n") + "\n"
}

/// The command: `embed-pricing-snapshot OUTPUT DIRECTORY`.
@main enum EmbedPricingSnapshot {
  static func main() {
    let arguments = Array(CommandLine.arguments.dropFirst())
    guard arguments.count == 2 else { EmbeddedFiles.fail("usage: embed-pricing-snapshot OUTPUT DIRECTORY", status: 64) }
    let (output, directory) = (arguments[0], arguments[1])
    do {
      let files = try EmbeddedFiles.read(under: directory, keep: EmbeddedFiles.isPricingFile)
      try EmbeddedFiles.write(try snapshotSource(files), to: output)
    } catch let error as DiagnosticError {
      // Each diagnostic names the file under pricing/, where an editor can open it.
      let prefix = PricingCatalog.builtInPathPrefix
      let lines = error.diagnostics.map { diagnostic in
        let line = "\(diagnostic)"
        return line.hasPrefix(prefix) ? directory + "/" + line.dropFirst(prefix.count) : line
      }
      EmbeddedFiles.fail(lines.joined(separator: "\n"), status: 2)
    } catch {
      EmbeddedFiles.fail("embed-pricing-snapshot: \(error)", status: 2)
    }
  }
}
