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
