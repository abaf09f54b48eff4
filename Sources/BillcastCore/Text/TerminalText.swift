/// Makes text from an input file safe to print: control characters become visible escapes.
///
/// A profile's name, a label or a file path can hold ESC, BEL, CR or a newline. Printed as they
/// are, they would drive the terminal, break a table's rows or forge a diagnostic line. Every
/// renderer that prints input text, and every diagnostic, passes it through ``escaped(_:)``.
package enum TerminalText {
  /// The text with C0 and C1 control characters, DEL and Unicode bidirectional overrides
  /// written as `\u{1B}`-style escapes (a tab, newline or carriage return included).
  package static func escaped(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: needsEscape) else { return text }
    var result = ""
    result.reserveCapacity(text.utf8.count + 8)
    for scalar in text.unicodeScalars {
      if needsEscape(scalar) {
        result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// The text with every control character escaped except the line feeds between its lines:
  /// for a whole report, whose own lines must stay lines.
  package static func escapedKeepingLineBreaks(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { $0 != "\n" && needsEscape($0) }) else { return text }
    return text.split(separator: "\n", omittingEmptySubsequences: false).map { escaped(String($0)) }.joined(
      separator: "\n")
  }

  /// At most `limit` characters of `text`, escaped, with `…` and the full length when cut.
  ///
  /// Messages quote input with this, so an 800 KB formula gives a short error line.
  package static func excerpt(_ text: String, limit: Int = 60) -> String {
    let count = text.count
    if count <= limit { return escaped(text) }
    return escaped(String(text.prefix(limit))) + "… (\(count) characters)"
  }

  static func needsEscape(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0x00...0x1F, 0x7F...0x9F: return true
    case 0x202A...0x202E, 0x2066...0x2069: return true  // bidirectional embeddings, overrides and isolates
    default: return false
    }
  }
}

extension TerminalText {
  /// ``excerpt(_:limit:)`` of a value's description.
  package static func excerpt(_ value: some CustomStringConvertible, limit: Int = 60) -> String {
    excerpt(value.description, limit: limit)
  }
}
