import Foundation
/// One problem found in an input file, with where it is.
///
/// Rendered as `file:line:col: error: key.path: message`, the shape compilers and
/// swift-format use, so editors and CI annotate the right line.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
  /// How bad the problem is.
  public enum Severity: String, Sendable, Comparable {
    case error, warning, note

    private var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
    /// Whether a severity is worse than another: errors sort first, then warnings, then notes.
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
  }

  /// How bad the problem is.
  public var severity: Severity
  /// The file's path as the user gave it.
  public var file: String
  /// The 1-based line, or nil when the problem concerns the whole file.
  public var line: Int?
  /// The 1-based column, or nil.
  public var column: Int?
  /// The key path of the value in the file, like `architectures.web.components.ssr.inputs.requests`.
  public var path: String
  /// What is wrong, and what would be right.
  public var message: String

  /// Creates a diagnostic, an error unless another severity is given.
  public init(
    _ severity: Severity = .error, file: String, line: Int? = nil, column: Int? = nil, path: String = "",
    message: String
  ) {
    self.severity = severity
    self.file = file
    self.line = line
    self.column = column
    self.path = path
    self.message = message
  }

  /// The longest message printed, in characters; a longer one is cut with `…`.
  public static let maximumMessageLength = 1_000

  /// The diagnostic as `file:line:col: severity: key.path: message`, leaving out the parts it lacks.
  ///
  /// Control characters in the path, key path and message are escaped, so a file named with a
  /// newline cannot forge a second diagnostic line, and the message is cut at
  /// ``maximumMessageLength`` characters.
  public var description: String {
    var location = TerminalText.escaped(file)
    if let line { location += ":\(line)" }
    if let column { location += ":\(column)" }
    let prefix = path.isEmpty ? "" : "\(TerminalText.excerpt(path, limit: 200)): "
    let text =
      message.count > Self.maximumMessageLength ? String(message.prefix(Self.maximumMessageLength)) + "…" : message
    return "\(location): \(severity.rawValue): \(prefix)\(TerminalText.escaped(text))"
  }
}

/// The problems that stopped a file from loading: every one found, in file order.
public struct DiagnosticError: Error, Sendable, CustomStringConvertible {
  /// The problems, in file order.
  public var diagnostics: [Diagnostic]

  /// Creates an error from the problems found.
  public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

  /// The problems, one per line.
  public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

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

/// Suggests the closest known name for a misspelt one.
package enum Spelling {
  /// Names longer than this (in bytes) get no suggestion.
  package static let maximumNameLength = 100

  /// The known name nearest to `name` by edit distance, if it is close enough to be a likely typo.
  package static func suggestion(for name: String, among known: some Sequence<String>) -> String? {
    // A name this long is no typo of a known one; and the edit distance is quadratic.
    guard name.utf8.count <= maximumNameLength else { return nil }
    var best: (String, Int)?
    for candidate in known where candidate.utf8.count <= maximumNameLength {
      // The distance is at least the difference in length: skip candidates that cannot be close.
      if abs(candidate.count - name.count) > Swift.max(2, Swift.min(name.count, candidate.count) / 3) { continue }
      let d = distance(name.lowercased(), candidate.lowercased())
      if best == nil || d < best!.1 || (d == best!.1 && candidate < best!.0) { best = (candidate, d) }
    }
    guard let (candidate, d) = best else { return nil }
    let limit = Swift.max(2, Swift.min(name.count, candidate.count) / 3)
    return d <= limit ? candidate : nil
  }

  /// Levenshtein distance.
  static func distance(_ a: String, _ b: String) -> Int {
    let x = Array(a), y = Array(b)
    if x.isEmpty { return y.count }
    if y.isEmpty { return x.count }
    var previous = Array(0...y.count)
    var current = previous
    for i in 1...x.count {
      current[0] = i
      for j in 1...y.count {
        current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
      }
      swap(&previous, &current)
    }
    return previous[y.count]
  }

  /// " (did you mean 'x'?)" or "".
  package static func hint(for name: String, among known: some Sequence<String>) -> String {
    if let s = suggestion(for: name, among: known) { return " (did you mean '\(TerminalText.excerpt(s))'?)" }
    return ""
  }
}
