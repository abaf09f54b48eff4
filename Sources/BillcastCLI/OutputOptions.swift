import ArgumentParser
import BillcastCore
import BillcastPricing
import BillcastReport
import Foundation

/// How and where a report is written, in one of the formats `Formats` lists.
struct OutputOptions<Formats: ReportFormats>: ParsableArguments {
  @Option(name: .long, help: "Output format.")
  var format: Formats = .table

  @Option(
    name: .long, help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "file"),
    completion: .file())
  var output: String?

  @Option(
    name: .customLong("color"),
    help: "Colour text reports: auto (on a terminal, unless NO_COLOR is set), always or never.")
  var colour: ColourChoice = .auto

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Fit text reports to this many columns (default: the terminal's width on a terminal, none otherwise).",
      valueName: "columns"))
  var width: Int?

  func validate() throws {
    if let width, width < 40 { throw ValidationError("--width must be at least 40 columns, found \(width)") }
  }

  /// Renders and writes the whole report at once: nothing is written if rendering failed.
  ///
  /// A table for a terminal (or with `--width`) is fitted to its width, and coloured per its
  /// highlight when colour is wanted; piped or saved, it is the natural layout, byte for byte.
  /// A failed write prints one line naming the path and the reason, and exits with
  /// ``ExitStatus/writeFailed``, never 1 (which means a budget or threshold was crossed).
  func write(_ report: RenderedReport) throws {
    switch report {
    case .table(let highlight, let render):
      let terminal = output == nil && Terminal.isTerminal(1)
      let fit = width ?? (terminal ? Terminal.columns() : nil)
      // Text for people shows input text (names, labels) with control characters escaped.
      var text = TerminalText.escapedKeepingLineBreaks(TerminalLayout.$width.withValue(fit) { render() })
      if let fit { text = TerminalLayout.wrapProse(text, width: fit) }
      if Terminal.wantsColour(colour, terminal: terminal) { text = Colouring.apply(text, highlight) }
      try writeReport(text, to: output)
    case .markdown(let text): try writeReport(TerminalText.escapedKeepingLineBreaks(text), to: output)
    case .document(let text): try writeReport(text, to: output)
    }
  }
}

/// Writes a report to a file or standard output; a failure prints why and exits ``ExitStatus/writeFailed``.
func writeReport(_ text: String, to path: String?, replacing: ReportFile.Replacing = .anythingButInputs) throws {
  do {
    if let path {
      try ReportFile.write(text, toPath: path, replacing: replacing)
    } else {
      try ReportFile.writeStandardOutput(text)
    }
  } catch {
    ReportFile.writeStandardError("billcast: error: \(error)\n")
    throw ExitCode(ExitStatus.writeFailed)
  }
}
