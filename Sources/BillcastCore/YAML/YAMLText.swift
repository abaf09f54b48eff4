import Yams

/// A YAML file's text as lines counted the way libyaml counts them, so a node's mark (line and
/// column) finds its text; for rewriting values in place and keeping every other byte.
package struct YAMLText {
  /// A place in the text: a 0-based line and a 0-based column in Unicode scalars (libyaml's columns).
  package struct Position: Hashable, Comparable, Sendable {
    /// The 0-based line.
    package var line: Int
    /// The 0-based column, in Unicode scalars.
    package var column: Int

    /// Creates a position.
    package init(line: Int, column: Int) {
      self.line = line
      self.column = column
    }

    /// The position of a node's mark (1-based line and column), nil when it has none.
    package init?(_ mark: Mark?) {
      guard let mark else { return nil }
      self.init(line: mark.line - 1, column: mark.column - 1)
    }

    /// Whether a position comes before another.
    package static func < (a: Position, b: Position) -> Bool {
      a.line < b.line || (a.line == b.line && a.column < b.column)
    }
  }

  /// Each line's Unicode scalars, without its break.
  package var lines: [[Unicode.Scalar]]
  /// Each line's break as written (`\n`, `\r\n`, `\r`, U+0085, U+2028, U+2029); empty for a last line without one.
  package var breaks: [String]
  /// A byte-order mark before the first line (libyaml does not count it), kept as it was.
  package var prefix: String
  /// The break a new line takes: the file's first (`\n` when it has none).
  package var lineEnding: String

  /// Splits a text into lines at every break libyaml counts.
  package init(_ text: String) {
    var scalars = Array(text.unicodeScalars)
    prefix = ""
    if scalars.first == "\u{FEFF}" {
      prefix = "\u{FEFF}"
      scalars.removeFirst()
    }
    var lines: [[Unicode.Scalar]] = []
    var breaks: [String] = []
    var current: [Unicode.Scalar] = []
    var i = 0
    while i < scalars.count {
      let c = scalars[i]
      if c == "\r" && i + 1 < scalars.count && scalars[i + 1] == "\n" {
        lines.append(current)
        breaks.append("\r\n")
        current = []
        i += 2
        continue
      }
      if Self.isBreak(c) {
        lines.append(current)
        breaks.append(String(c))
        current = []
      } else {
        current.append(c)
      }
      i += 1
    }
    lines.append(current)
    breaks.append("")
    self.lines = lines
    self.breaks = breaks
    lineEnding = breaks.first { !$0.isEmpty } ?? "\n"
  }

  /// Whether a scalar is a line break to libyaml.
  package static func isBreak(_ c: Unicode.Scalar) -> Bool {
    c == "\n" || c == "\r" || c == "\u{85}" || c == "\u{2028}" || c == "\u{2029}"
  }

  /// The text again, with every edit made.
  package var text: String {
    var result = prefix
    for (line, lineBreak) in zip(lines, breaks) {
      var s = String.UnicodeScalarView()
      s.append(contentsOf: line)
      result += String(s) + lineBreak
    }
    return result
  }

  /// The scalar at a position, nil past the end of its line or the text.
  package subscript(_ p: Position) -> Unicode.Scalar? {
    guard p.line >= 0, p.line < lines.count, p.column >= 0, p.column < lines[p.line].count else { return nil }
    return lines[p.line][p.column]
  }

  /// The text between two positions on one line.
  package func string(line: Int, from start: Int, to end: Int) -> String {
    var s = String.UnicodeScalarView()
    s.append(contentsOf: lines[line][start..<end])
    return String(s)
  }

  /// The number of spaces a line starts with.
  package func indent(ofLine line: Int) -> Int {
    lines[line].prefix { $0 == " " }.count
  }

  /// Whether a line holds nothing but spaces and tabs.
  package func isBlank(_ line: Int) -> Bool {
    lines[line].allSatisfy { $0 == " " || $0 == "\t" }
  }

  /// Whether a line's first character after its indentation starts a comment.
  package func isComment(_ line: Int) -> Bool {
    lines[line].first { $0 != " " && $0 != "\t" } == "#"
  }

  /// Replaces the text from `start` to `end` (exclusive; on the same line or a later one) with one line's text.
  package mutating func replace(from start: Position, to end: Position, with replacement: String) {
    let head = lines[start.line][..<start.column]
    let tail = lines[end.line][end.column...]
    lines[start.line] = Array(head) + Array(replacement.unicodeScalars) + Array(tail)
    if end.line > start.line {
      breaks[start.line] = breaks[end.line]
      lines.removeSubrange((start.line + 1)...end.line)
      breaks.removeSubrange((start.line + 1)...end.line)
    }
  }

  /// Inserts whole lines after line `line` (-1 for before the first), each ending with the file's line break.
  package mutating func insert(_ newLines: [String], after line: Int) {
    guard !newLines.isEmpty else { return }
    var trailing = lineEnding
    if line >= 0 && breaks[line].isEmpty {
      // The line was the last and had no break: it takes one, and the last new line goes without.
      breaks[line] = lineEnding
      trailing = ""
    }
    let scalars = newLines.map { Array($0.unicodeScalars) }
    var newBreaks = Array(repeating: lineEnding, count: newLines.count)
    newBreaks[newBreaks.count - 1] = trailing
    lines.insert(contentsOf: scalars, at: line + 1)
    breaks.insert(contentsOf: newBreaks, at: line + 1)
  }
}
