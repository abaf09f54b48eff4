/// A snapshot that cannot be read: truncated, corrupt, or written by another format.
package struct SnapshotError: Error, Equatable, Sendable, CustomStringConvertible {
  /// What is wrong, in words.
  package var description: String
  /// The byte offset where reading stopped.
  package var offset: Int

  package init(_ description: String, at offset: Int) {
    self.description = description
    self.offset = offset
  }
}
