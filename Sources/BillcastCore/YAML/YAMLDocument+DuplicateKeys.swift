import Yams

extension YAMLDocument {
  /// The prefix of an earlier occurrence of a key repeated in one mapping, in a document read
  /// with ``parseAllowingDuplicateKeys(_:path:limits:)`` (followed by a number, a dot and the key).
  package static let overriddenKeyPrefix = "billcast.overridden."

  /// The most repeated keys one document may have.
  package static let maximumOverriddenKeys = 100

  /// Composes YAML text in which a key may repeat in one mapping, as CloudFormation accepts (the
  /// last occurrence counts): each earlier occurrence is renamed ``overriddenKeyPrefix``, a
  /// number, a dot and the key, for the reader to skip and warn about. Profiles stay strict
  /// (``parse(_:path:limits:)``).
  package static func parseAllowingDuplicateKeys(_ text: String, path: String, limits: YAMLLimits = .standard)
    throws(DiagnosticError) -> YAMLDocument
  {
    var current = text
    var renamed = 0
    while true {
      do {
        var document = try parse(current, path: path, limits: limits)
        document.sha256 = SHA256.hex(text.utf8)
        return document
      } catch {
        guard error.diagnostics.count == 1, renamed < maximumOverriddenKeys,
          let d = error.diagnostics.first, d.message.hasPrefix("duplicate key"), let line = d.line,
          let column = d.column,
          let next = renameKey(in: current, line: line, column: column, as: "\(overriddenKeyPrefix)\(renamed).")
        else { throw error }
        current = next
        renamed += 1
      }
    }
  }

  /// Reads and composes a file with ``parseAllowingDuplicateKeys(_:path:limits:)``.
  package static func loadAllowingDuplicateKeys(path: String, limits: YAMLLimits = .standard) throws(DiagnosticError)
    -> YAMLDocument
  {
    try parseAllowingDuplicateKeys(readText(path: path, limits: limits), path: path, limits: limits)
  }

  /// `text` with `prefix` put at the start of the key at `line` and `column` (1-based, the column
  /// in Unicode scalars, as libyaml counts), inside its quotes if it has them.
  static func renameKey(in text: String, line: Int, column: Int, as prefix: String) -> String? {
    var scalars = Array(text.unicodeScalars)
    var currentLine = 1
    var index = 0
    while currentLine < line, index < scalars.count {
      if scalars[index] == "\n" { currentLine += 1 }
      index += 1
    }
    index += column - 1
    guard currentLine == line, index < scalars.count, scalars[index] != "\n" else { return nil }
    if scalars[index] == "\"" || scalars[index] == "'" { index += 1 }
    scalars.insert(contentsOf: prefix.unicodeScalars, at: index)
    var result = String.UnicodeScalarView()
    result.append(contentsOf: scalars)
    return String(result)
  }
}
