import Foundation

/// Records the keys each mapping accepts as it is read, by the mapping's position.
///
/// Readers name the keys a mapping may hold when they call ``YAMLCursor/fields(_:what:)``.
/// While a recorder is ``current`` (a task-local value, so only code that sets it pays), every
/// such call is recorded: a test then proves the JSON Schemas `billcast schema` prints accept
/// exactly those keys, key for key, at the same places in every example.
package final class KnownKeysRecorder: @unchecked Sendable {
  /// A mapping's position: its file, line and column.
  package struct Position: Hashable, Sendable {
    package var file: String
    package var line: Int
    package var column: Int

    /// The position `file:line:column`.
    package init(file: String, line: Int, column: Int) {
      self.file = file
      self.line = line
      self.column = column
    }
  }

  /// The recorder reads record into, if any.
  @TaskLocal package static var current: KnownKeysRecorder?

  private let lock = NSLock()
  private var keys: [Position: Set<String>] = [:]
  private var paths: [Position: String] = [:]

  /// Creates an empty recorder.
  package init() {}

  /// Notes that the mapping at `file:line:column` accepts `known`.
  func record(file: String, line: Int?, column: Int?, path: String, known: [String]) {
    guard let line, let column else { return }
    let position = Position(file: file, line: line, column: column)
    lock.withLock {
      keys[position, default: []].formUnion(known)
      paths[position] = path
    }
  }

  /// Every mapping's accepted keys, by position.
  package var recorded: [Position: Set<String>] { lock.withLock { keys } }

  /// Each recorded mapping's key path, for messages.
  package var recordedPaths: [Position: String] { lock.withLock { paths } }
}
