/// Where a value came from: file, line, column and key path.
public struct SourceLocation: Hashable, Sendable {
  /// The file's path.
  public var file: String
  /// The 1-based line, or nil if unknown.
  public var line: Int?
  /// The 1-based column, or nil if unknown.
  public var column: Int?
  /// The key path of the value in the file, like `services.aws.lambda.meters`.
  public var path: String

  /// Creates a location from a file and, where known, a line, a column and a key path.
  public init(file: String, line: Int? = nil, column: Int? = nil, path: String = "") {
    self.file = file
    self.line = line
    self.column = column
    self.path = path
  }

  /// The location in words for a message: `file:line`, or the file alone.
  public var short: String { file + (line.map { ":\($0)" } ?? "") }

  /// A diagnostic at this location.
  public func diagnostic(_ severity: Diagnostic.Severity = .error, _ message: String) -> Diagnostic {
    Diagnostic(severity, file: file, line: line, column: column, path: path, message: message)
  }
}
