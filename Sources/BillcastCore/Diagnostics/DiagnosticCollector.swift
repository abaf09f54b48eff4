import Foundation

/// Collects diagnostics while a file is read, so all of them can be reported at once.
///
/// Safe to share between threads: every access takes its lock.
package final class DiagnosticCollector: @unchecked Sendable {
  private let lock = NSLock()
  private var stored: [Diagnostic] = []

  /// Every diagnostic added so far, in the order added.
  package var diagnostics: [Diagnostic] { lock.withLock { stored } }

  /// Creates an empty collector.
  package init() {}

  /// Adds a diagnostic.
  package func add(_ diagnostic: Diagnostic) { lock.withLock { stored.append(diagnostic) } }

  /// Whether any error was added.
  package var hasErrors: Bool { lock.withLock { stored.contains { $0.severity == .error } } }

  /// How many errors were added (duplicates included): to tell whether a step added any.
  package var errorCount: Int { lock.withLock { stored.reduce(0) { $0 + ($1.severity == .error ? 1 : 0) } } }

  /// The errors, sorted by file position.
  package var errors: [Diagnostic] { Self.sorted(diagnostics.filter { $0.severity == .error }) }

  /// The warnings, sorted by file position.
  package var warnings: [Diagnostic] { Self.sorted(diagnostics.filter { $0.severity != .error }) }

  /// Throws every error collected, if any.
  package func throwIfErrors() throws(DiagnosticError) {
    if hasErrors { throw DiagnosticError(errors) }
  }

  /// Diagnostics in file order, each reported once (for readers that collect them in a list).
  package static func sortedForReport(_ list: [Diagnostic]) -> [Diagnostic] { sorted(list) }

  /// The diagnostics in file order, each reported once.
  ///
  /// A YAML alias repeats its anchor's node, line and column included, under another key path:
  /// a problem in an aliased node is reported once, at the anchor, with the first key path
  /// that reached it.
  static func sorted(_ list: [Diagnostic]) -> [Diagnostic] {
    struct Place: Hashable {
      var severity: Diagnostic.Severity, file: String, line: Int?, column: Int?, message: String
    }
    var seen = Set<Place>()
    let unique = list.filter { d in
      guard d.line != nil else {
        return seen.insert(
          Place(severity: d.severity, file: d.file, line: nil, column: nil, message: d.path + "\u{0}" + d.message)
        ).inserted
      }
      return seen.insert(Place(severity: d.severity, file: d.file, line: d.line, column: d.column, message: d.message))
        .inserted
    }
    return unique.enumerated().sorted { a, b in
      let x = a.element, y = b.element
      if x.file != y.file { return a.offset < b.offset }
      let lx = x.line ?? 0, ly = y.line ?? 0
      if lx != ly { return lx < ly }
      let cx = x.column ?? 0, cy = y.column ?? 0
      if cx != cy { return cx < cy }
      return a.offset < b.offset
    }.map(\.element)
  }
}
