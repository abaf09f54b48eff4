/// How text reports are laid out for a terminal: set by the command line, read by the renderers.
///
/// With no width (a pipe, a file), reports are laid out as they always were, byte for byte.
/// With a width, tables wrap their text columns or split into parts, and prose lines wrap, so
/// that no line is wider than the terminal.
package enum TerminalLayout {
  /// The width to fit, in characters, or nil for the natural layout.
  @TaskLocal package static var width: Int? = nil

  /// The narrowest a wrapped text column becomes.
  static let minimumColumn = 12

  /// Wraps every line of `text` longer than `width` at spaces, keeping its indent; a list item's
  /// continuation lines line up under its text (`- ` or `* `).
  package static func wrapProse(_ text: String, width: Int) -> String {
    var out: [String] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      guard line.count > width else { out.append(String(line)); continue }
      let indent = line.prefix { $0 == " " }.count
      let body = line.dropFirst(indent)
      let hanging = indent + (body.hasPrefix("- ") || body.hasPrefix("* ") ? 2 : 0)
      let first = wrap(String(body), width: max(width - indent, minimumColumn))
      var lines = [String(repeating: " ", count: indent) + (first.first ?? "")]
      let rest = first.dropFirst().joined(separator: " ")
      if !rest.isEmpty {
        lines += wrap(rest, width: max(width - hanging, minimumColumn)).map {
          String(repeating: " ", count: hanging) + $0
        }
      }
      out += lines
    }
    return out.joined(separator: "\n")
  }

  /// Splits `text` into lines of at most `width` characters at spaces; a word longer than the
  /// width is cut.
  static func wrap(_ text: String, width: Int) -> [String] {
    guard text.count > width else { return [text] }
    var lines: [String] = []
    var current = ""
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
      var word = Substring(word)
      while word.count > width {
        if !current.isEmpty { lines.append(current); current = "" }
        lines.append(String(word.prefix(width)))
        word = word.dropFirst(width)
      }
      if current.isEmpty {
        current = String(word)
      } else if current.count + 1 + word.count <= width {
        current += " " + word
      } else {
        lines.append(current)
        current = String(word)
      }
    }
    if !current.isEmpty || lines.isEmpty { lines.append(current) }
    return lines
  }
}
