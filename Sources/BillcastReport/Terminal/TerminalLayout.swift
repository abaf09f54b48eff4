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
  /// width is cut. Linear in the text's length: lengths are counted once, never re-counted.
  static func wrap(_ text: String, width: Int) -> [String] {
    guard text.count > width else { return [text] }
    var lines: [String] = []
    var current = ""
    var currentCount = 0
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
      var rest = word
      var restCount = rest.count
      while restCount > width {
        if currentCount > 0 {
          lines.append(current)
          current = ""
          currentCount = 0
        }
        let end = rest.index(rest.startIndex, offsetBy: width)
        lines.append(String(rest[..<end]))
        rest = rest[end...]
        restCount -= width
      }
      if currentCount == 0 {
        current = String(rest)
        currentCount = restCount
      } else if currentCount + 1 + restCount <= width {
        current += " " + rest
        currentCount += 1 + restCount
      } else {
        lines.append(current)
        current = String(rest)
        currentCount = restCount
      }
    }
    if currentCount > 0 || lines.isEmpty { lines.append(current) }
    return lines
  }
}
