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
