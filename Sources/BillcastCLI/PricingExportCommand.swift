import ArgumentParser
import BillcastPricing
import Foundation

/// `billcast pricing export DIR`: writes the built-in pricing tables out, to edit or import into.
struct PricingExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Write the pricing tables built into billcast to a directory, to edit them or import offers into them.",
    discussion: "Refuses to replace a file that exists. Use the directory with --pricing DIR or BILLCAST_PRICING.")

  @Argument(help: ArgumentHelp("The directory to write (created if absent).", valueName: "dir"), completion: .directory)
  var directory: String

  func run() throws {
    let fm = FileManager.default
    let targets = BuiltInPricing.contents.map { ((directory as NSString).appendingPathComponent($0.path), $0.text) }
    let existing = targets.map(\.0).filter { fm.fileExists(atPath: $0) }
    if !existing.isEmpty {
      ReportFile.writeStandardError(
        existing.map { "billcast: error: \($0) exists; export does not replace pricing files\n" }.joined())
      throw ExitCode(ExitStatus.invalidInput)
    }
    for (path, text) in targets {
      do {
        try fm.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      } catch {
        ReportFile.writeStandardError(
          "billcast: error: cannot create the directory for \(path): \(error.localizedDescription)\n")
        throw ExitCode(ExitStatus.writeFailed)
      }
      try writeReport(text, to: path)
    }
    try writeReport(
      "Wrote \(targets.count) pricing files (built-in pricing \(BuiltInPricing.version), effective \(BuiltInPricing.effective)) to \(directory)\n",
      to: nil)
  }
}
