import ArgumentParser
import BillcastCore
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// What the command line knows of the terminal: whether a stream is one, and its width.
enum Terminal {
  /// Whether file descriptor `fd` is a terminal.
  static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }

  /// The terminal's width in columns: the window size of standard output, else `$COLUMNS`, else 80.
  static func columns() -> Int {
    var size = winsize()
    if ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
    if let text = ProcessInfo.processInfo.environment["COLUMNS"], let n = Int(text), n > 0 { return n }
    return 80
  }

  /// Whether colour is wanted under `choice`: `auto` colours a terminal unless `NO_COLOR` is set
  /// to anything non-empty (no-color.org) or `TERM` is `dumb`.
  static func wantsColour(_ choice: ColourChoice, terminal: Bool) -> Bool {
    switch choice {
    case .always: return true
    case .never: return false
    case .auto:
      let environment = ProcessInfo.processInfo.environment
      if let noColour = environment["NO_COLOR"], !noColour.isEmpty { return false }
      return terminal && environment["TERM"] != "dumb"
    }
  }
}

/// When to colour text reports.
enum ColourChoice: String, ExpressibleByArgument, CaseIterable, Sendable { case auto, always, never }

/// What a report's colours pick out, beyond its totals.
enum Highlight {
  /// Totals in bold.
  case totals
  /// Totals, and each limit that is OVER in red.
  case budgets
  /// Totals, increases in red and decreases in green.
  case changes
}

/// ANSI colours for a text report that has already been laid out (the codes take no columns).
enum Colouring {
  static let bold = "\u{1B}[1m", red = "\u{1B}[31m", green = "\u{1B}[32m", reset = "\u{1B}[0m"

  /// `text` with its totals in bold and, per `highlight`, its overruns or changes coloured.
  static func apply(_ text: String, _ highlight: Highlight) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
      let trimmed = line.drop { $0 == " " }
      if trimmed.hasPrefix("Total") || trimmed.hasPrefix("Monthly totals") { return bold + line + reset }
      switch highlight {
      case .totals: return String(line)
      case .budgets: return String(line).replacingOccurrences(of: "OVER by", with: red + "OVER" + reset + " by")
      case .changes: return colourChanges(String(line))
      }
    }.joined(separator: "\n")
  }

  /// Signed amounts and percentages: a non-zero increase red, a decrease green.
  static func colourChanges(_ line: String) -> String {
    var out = ""
    var rest = Substring(line)
    while let start = rest.firstIndex(where: { $0 == "+" || $0 == "-" || $0 == "−" }) {
      out += rest[..<start]
      let sign = rest[start]
      var end = rest.index(after: start)
      var token = String(sign)
      // Only a sign at the start of a word: "+$1.20", "-3.5%", not "a-b" or "10-20".
      let atWordStart =
        start == rest.startIndex
        ? (out.last.map { $0 == " " || $0 == "(" } ?? true) : rest[rest.index(before: start)] == " "
      while end < rest.endIndex, "$0123456789.,%".contains(rest[end]) {
        token.append(rest[end])
        end = rest.index(after: end)
      }
      let isFigure = atWordStart && token.count > 1 && token.dropFirst().contains(where: \.isNumber)
      let isZero = !token.contains(where: { "123456789".contains($0) })
      out += isFigure && !isZero ? (sign == "+" ? red : green) + token + reset : token
      rest = rest[end...]
    }
    return out + rest
  }
}

/// A progress line on standard error for work that has run a second or more, on a terminal only.
///
/// Piped or redirected standard error never sees it, so logs and tests stay as they were.
final class ProgressLine: @unchecked Sendable {
  private let label: String
  private let start = Date()
  private let lock = NSLock()
  private var shownPercent = -1

  private init(_ label: String) { self.label = label }

  /// A progress line when standard error is a terminal, else nil.
  static func onTerminal(_ label: String) -> ProgressLine? { Terminal.isTerminal(2) ? ProgressLine(label) : nil }

  /// Shows `share` (0 to 1) done, once a second has passed and when the whole percent changes.
  func update(_ share: Double) {
    lock.withLock {
      guard Date().timeIntervalSince(start) >= 1 else { return }
      let percent = Int(share * 100)
      guard percent != shownPercent else { return }
      shownPercent = percent
      ReportFile.writeStandardError("\r\(label): \(percent)%")
    }
  }

  /// Clears the line, if it was shown.
  func finish() {
    lock.withLock { if shownPercent >= 0 { ReportFile.writeStandardError("\r\u{1B}[K") } }
  }
}
