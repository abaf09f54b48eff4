import Yams

extension YAMLText {
  /// Where a scalar's text is: from `start` (after any anchor or tag) to `end` (exclusive).
  package struct Span: Hashable, Sendable {
    /// The first character of the value (a quote, a block indicator or the plain text).
    package var start: Position
    /// Just past the value's last character (for a block scalar, the end of its last content line).
    package var end: Position
  }

  /// The span of a scalar node's text, checked against the scalar's value where the style allows;
  /// nil when the text at its mark is not what the node says.
  ///
  /// `parentIndent` is the indentation of the key or item holding it: a plain scalar's continuation
  /// lines and a block scalar's content are indented more. `inFlow` is true inside `{…}` or `[…]`.
  package func span(of scalar: Node.Scalar, parentIndent: Int, inFlow: Bool) -> Span? {
    guard let mark = Position(scalar.mark) else { return nil }
    let start = skipProperties(from: mark)
    let end: Position?
    switch scalar.style {
    case .singleQuoted: end = quotedEnd(from: start, quote: "'")
    case .doubleQuoted: end = quotedEnd(from: start, quote: "\"")
    case .literal, .folded: end = blockScalarEnd(from: start, parentIndent: parentIndent)
    case .plain, .any: end = plainEnd(from: start, parentIndent: parentIndent, inFlow: inFlow)
    }
    guard let end else { return nil }
    let span = Span(start: start, end: end)
    return matches(span, scalar) ? span : nil
  }

  /// Whether a span's text is the scalar's value: compared with whitespace collapsed for plain
  /// scalars, unescaped for one-line single-quoted ones, by delimiters for the others.
  func matches(_ span: Span, _ scalar: Node.Scalar) -> Bool {
    let oneLine = span.start.line == span.end.line
    switch scalar.style {
    case .plain, .any:
      var words: [String] = []
      for line in span.start.line...span.end.line {
        let from = line == span.start.line ? span.start.column : 0
        let to = line == span.end.line ? span.end.column : lines[line].count
        words += string(line: line, from: from, to: to).split { $0 == " " || $0 == "\t" }.map(String.init)
      }
      return words == scalar.string.split { $0 == " " || $0 == "\t" || $0 == "\n" }.map(String.init)
    case .singleQuoted:
      guard oneLine else { return self[span.start] == "'" }
      let inner = string(line: span.start.line, from: span.start.column + 1, to: span.end.column - 1)
      return inner.replacingOccurrences(of: "''", with: "'") == scalar.string
    case .doubleQuoted:
      return self[span.start] == "\""
    case .literal, .folded:
      return self[span.start] == "|" || self[span.start] == ">"
    }
  }

  /// The position after a node's properties (`&anchor`, `!tag`) and the space after them.
  package func skipProperties(from position: Position) -> Position {
    var p = position
    while let c = self[p], c == "&" || c == "!" {
      while let d = self[p], d != " " && d != "\t" { p.column += 1 }
      p = skipSpace(from: p, acrossLines: true)
    }
    return p
  }

  /// The position after spaces and tabs (and, across lines, blank lines).
  func skipSpace(from position: Position, acrossLines: Bool) -> Position {
    var p = position
    while p.line < lines.count {
      while let c = self[p], c == " " || c == "\t" { p.column += 1 }
      if self[p] != nil || !acrossLines || p.line + 1 >= lines.count { return p }
      p = Position(line: p.line + 1, column: 0)
    }
    return p
  }

  /// The end of a one-line stretch of plain text from `column`: before ` #`, and inside a flow
  /// collection before `,`, `[`, `]`, `{`, `}`; trailing spaces left out.
  func plainLineEnd(line: Int, from column: Int, inFlow: Bool) -> Int {
    let chars = lines[line]
    var i = column
    while i < chars.count {
      let c = chars[i]
      if c == "#" && i > column && (chars[i - 1] == " " || chars[i - 1] == "\t") { break }
      if inFlow && (c == "," || c == "[" || c == "]" || c == "{" || c == "}") { break }
      i += 1
    }
    while i > column && (chars[i - 1] == " " || chars[i - 1] == "\t") { i -= 1 }
    return i
  }

  /// The end of a plain scalar: its first line, then (outside flow collections) the lines
  /// indented more than its parent that are not comments, until one that ends with a comment.
  func plainEnd(from start: Position, parentIndent: Int, inFlow: Bool) -> Position {
    var end = Position(line: start.line, column: plainLineEnd(line: start.line, from: start.column, inFlow: inFlow))
    if inFlow || hasComment(after: end) { return end }
    var line = start.line + 1
    while line < lines.count {
      if isBlank(line) {
        line += 1
        continue
      }
      guard indent(ofLine: line) > parentIndent, !isComment(line) else { break }
      end = Position(line: line, column: plainLineEnd(line: line, from: indent(ofLine: line), inFlow: false))
      if hasComment(after: end) { break }
      line += 1
    }
    return end
  }

  /// Whether the rest of a line after `p` is a comment.
  func hasComment(after p: Position) -> Bool {
    lines[p.line][p.column...].first { $0 != " " && $0 != "\t" } == "#"
  }

  /// The position after a quoted scalar's closing quote (`''` inside single quotes and `\"`
  /// inside double quotes do not close it); nil when it never closes.
  func quotedEnd(from start: Position, quote: Unicode.Scalar) -> Position? {
    guard self[start] == quote else { return nil }
    var p = Position(line: start.line, column: start.column + 1)
    while p.line < lines.count {
      let chars = lines[p.line]
      while p.column < chars.count {
        let c = chars[p.column]
        if quote == "\"" && c == "\\" {
          p.column += 2
          continue
        }
        if c == quote {
          if quote == "'" && p.column + 1 < chars.count && chars[p.column + 1] == "'" {
            p.column += 2
            continue
          }
          return Position(line: p.line, column: p.column + 1)
        }
        p.column += 1
      }
      p = Position(line: p.line + 1, column: 0)
    }
    return nil
  }

  /// The end of a block scalar (`|` or `>` at `start`): its last content line, or its header
  /// line when it has no content.
  func blockScalarEnd(from start: Position, parentIndent: Int) -> Position {
    var explicit: Int?
    var i = start.column + 1
    let header = lines[start.line]
    while i < header.count, "+-0123456789".unicodeScalars.contains(header[i]) {
      if let v = Int(String(header[i])) { explicit = v }
      i += 1
    }
    var contentIndent = explicit.map { parentIndent + $0 }
    var end = Position(line: start.line, column: lines[start.line].count)
    var line = start.line + 1
    while line < lines.count {
      if isBlank(line) {
        line += 1
        continue
      }
      let indent = indent(ofLine: line)
      if contentIndent == nil {
        guard indent > parentIndent else { break }
        contentIndent = indent
      }
      guard indent >= contentIndent! else { break }
      end = Position(line: line, column: lines[line].count)
      line += 1
    }
    return end
  }
}
