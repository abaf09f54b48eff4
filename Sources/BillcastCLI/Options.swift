import ArgumentParser
import BillcastCore
import BillcastPricing
import Foundation

/// An output format.
public enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
  case table, markdown, json, csv, html
}

/// Where pricing tables come from.
struct PricingOptions: ParsableArguments {
  @Option(name: .long, help: ArgumentHelp("Directory of pricing tables (default: the nearest 'pricing' directory above the profile, then ./pricing).", valueName: "dir"))
  var pricing: String?

  /// Finds and loads the pricing tables.
  func loadCatalog(near profilePath: String?) throws(DiagnosticError) -> PricingCatalog {
    try PricingCatalog.load(directory: directory(near: profilePath))
  }

  func directory(near profilePath: String?) -> String {
    if let pricing { return pricing }
    if let env = ProcessInfo.processInfo.environment["BILLCAST_PRICING"], !env.isEmpty { return env }
    let fm = FileManager.default
    if let profilePath {
      var dir = URL(fileURLWithPath: profilePath).standardizedFileURL.deletingLastPathComponent()
      for _ in 0..<8 {
        let candidate = dir.appendingPathComponent("pricing")
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: candidate.path, isDirectory: &isDir), isDir.boolValue {
          return relative(candidate.path)
        }
        let parent = dir.deletingLastPathComponent()
        if parent.path == dir.path { break }
        dir = parent
      }
    }
    return "pricing"
  }

  /// A path relative to the working directory when it lies under it (for stable diagnostics).
  func relative(_ path: String) -> String {
    let cwd = FileManager.default.currentDirectoryPath
    if path.hasPrefix(cwd + "/") { return String(path.dropFirst(cwd.count + 1)) }
    return path
  }
}

/// How and where a report is written.
struct OutputOptions: ParsableArguments {
  @Option(name: .long, help: "Output format.")
  var format: OutputFormat = .table

  @Option(name: .long, help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "file"))
  var output: String?

  /// Writes the whole report at once: nothing is written if rendering failed.
  func write(_ text: String) throws {
    if let output {
      do {
        try text.write(toFile: output, atomically: true, encoding: .utf8)
      } catch {
        throw CLIError.cannotWrite(output, error.localizedDescription)
      }
    } else {
      FileHandle.standardOutput.write(Data(text.utf8))
    }
  }
}

extension CalendarDate: ExpressibleByArgument {
  /// Parses a command-line argument as a `YYYY-MM-DD` date; nil if it is not one.
  public init?(argument: String) { self.init(argument) }
}

/// Errors the CLI reports itself.
enum CLIError: Error, CustomStringConvertible {
  case cannotWrite(String, String)
  var description: String {
    switch self {
    case .cannotWrite(let path, let reason): return "error: cannot write \(path): \(reason)"
    }
  }
}

/// Prints diagnostics to standard error and exits with status 2 (invalid input).
func exitWithDiagnostics(_ error: DiagnosticError) -> ExitCode {
  let text = error.diagnostics.map(\.description).joined(separator: "\n") + "\n"
  FileHandle.standardError.write(Data(text.utf8))
  return ExitCode(2)
}

/// Today's date in UTC.
func today() -> CalendarDate {
  // Whole days since 1970-01-01 UTC (floor, so an instant before 1970 is the day before); no
  // Calendar or TimeZone, whose first use costs about a millisecond of start-up.
  let seconds = Date().timeIntervalSince1970
  return CalendarDate(daysSince1970: Int((seconds / 86_400).rounded(.down)))!
}
