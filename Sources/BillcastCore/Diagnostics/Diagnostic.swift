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
