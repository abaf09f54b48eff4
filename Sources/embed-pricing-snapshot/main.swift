// embed-pricing-snapshot: compiles the built-in pricing tables into billcast.
//
// Reads the tables built into billcast (scripts/embed-pricing.py writes them from pricing/)
// from their YAML with every check, and writes each table's snapshot encoding into
// Sources/BillcastPricing/BuiltIn/BuiltInSnapshot.swift, so that billcast decodes them instead
// of reading YAML. Run it from the repository's root after scripts/embed-pricing.py;
// `--check` (CI) exits 1 when the file is not what it would write.
import BillcastCore
import BillcastPricing
import Foundation

let path = BuiltInPricing.compiledSnapshotPath
do {
  let source = try BuiltInPricing.compiledSnapshotSource()
  if CommandLine.arguments.dropFirst().contains("--check") {
    guard (try? String(contentsOfFile: path, encoding: .utf8)) == source else {
      FileHandle.standardError.write(
        Data("embed-pricing-snapshot: \(path) is out of date: run `swift run embed-pricing-snapshot`\n".utf8))
      exit(1)
    }
    print("embed-pricing-snapshot: \(path) is current")
  } else {
    try source.write(toFile: path, atomically: true, encoding: .utf8)
    print("embed-pricing-snapshot: wrote \(path) (\(source.utf8.count) bytes)")
  }
} catch let error as DiagnosticError {
  for diagnostic in error.diagnostics { FileHandle.standardError.write(Data("\(diagnostic)\n".utf8)) }
  exit(2)
} catch {
  FileHandle.standardError.write(Data("embed-pricing-snapshot: \(error)\n".utf8))
  exit(2)
}
