/// A 1-based line and column (in characters) in a JSON text.
package struct JSONPosition: Sendable, Hashable {
  /// The 1-based line.
  package var line: Int
  /// The 1-based column.
  package var column: Int

  /// A position.
  package init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }
}
