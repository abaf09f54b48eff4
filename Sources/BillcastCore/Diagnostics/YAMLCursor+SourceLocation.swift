extension YAMLCursor {
  /// This position as a location to keep in a model.
  public var location: SourceLocation { SourceLocation(file: file, line: line, column: column, path: path) }
}
