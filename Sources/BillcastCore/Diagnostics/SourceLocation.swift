/// Where a value came from: file, line, column and key path.
public struct SourceLocation: Hashable, Sendable {
  public var file: String
  public var line: Int?
  public var column: Int?
  public var path: String

  public init(file: String, line: Int? = nil, column: Int? = nil, path: String = "") {
    self.file = file
    self.line = line
    self.column = column
    self.path = path
  }

  /// A diagnostic at this location.
  public func diagnostic(_ severity: Diagnostic.Severity = .error, _ message: String) -> Diagnostic {
    Diagnostic(severity, file: file, line: line, column: column, path: path, message: message)
  }
}

extension YAMLCursor {
  /// This position as a location to keep in a model.
  public var location: SourceLocation { SourceLocation(file: file, line: line, column: column, path: path) }
}
