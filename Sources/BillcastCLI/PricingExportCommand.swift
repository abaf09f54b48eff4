import ArgumentParser
import BillcastBuiltIn
import BillcastCore
import BillcastPricing
import Foundation

/// `billcast pricing export DIR`: writes the built-in pricing tables out, to edit or import into.
struct PricingExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Write the pricing tables built into billcast to a directory, to edit them or import offers into them.",
    discussion: """
      Refuses to replace a file that exists, and to write through a symbolic link (an existing or a \
      dangling one) anywhere below DIR; writes every file or none. Use the directory with --pricing DIR \
      or BILLCAST_PRICING.
      """)

  @Argument(help: ArgumentHelp("The directory to write (created if absent).", valueName: "dir"), completion: .directory)
  var directory: String

  func run() throws {
    let fm = FileManager.default
    let targets = BuiltInPricing.contents.map {
      (path: (directory as NSString).appendingPathComponent($0.path), text: $0.text)
    }
    // An existing path, a dangling symbolic link included, is not replaced.
    let existing = targets.map(\.path).filter { (try? fm.attributesOfItem(atPath: $0)) != nil }
    if !existing.isEmpty {
      ReportFile.writeStandardError(
        existing.map { "billcast: error: \(TerminalText.escaped($0)) exists; export does not replace pricing files\n" }
          .joined())
      throw ExitCode(ExitStatus.invalidInput)
    }
    do {
      try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
    } catch {
      ReportFile.writeStandardError(
        "billcast: error: cannot create the directory \(ReportFile.quoted(directory)): \(error.localizedDescription)\n")
      throw ExitCode(ExitStatus.writeFailed)
    }
    do throws(WriteFailure) {
      // Below DIR, no directory or file is reached through a symbolic link, and none is replaced.
      try FileSet.makeDirectories(for: targets.map(\.path), under: directory)
      try FileSet.write(targets, mode: .create)
    } catch {
      ReportFile.writeStandardError("billcast: error: \(error)\n")
      throw ExitCode(ExitStatus.writeFailed)
    }
    try writeReport(
      "Wrote \(targets.count) pricing files (built-in pricing \(BuiltInPricing.version), effective \(BuiltInPricing.effective)) to \(directory)\n",
      to: nil)
  }
}
