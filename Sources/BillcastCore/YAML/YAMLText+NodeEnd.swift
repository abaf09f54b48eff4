import Yams

extension YAMLText {
  /// Where a node's text ends (exclusive), nil when it cannot be told from the text.
  ///
  /// A block mapping or list ends where its last entry does; an entry whose value is an alias
  /// (its node, a copy of the anchored one, is marked before its key) ends after the `*name`.
  package func end(of node: Node, parentIndent: Int, inFlow: Bool) -> Position? {
    switch node {
    case .scalar(let scalar):
      return span(of: scalar, parentIndent: parentIndent, inFlow: inFlow)?.end
    case .alias:
      return nil
    case .mapping(let mapping):
      guard let start = Position(mapping.mark) else { return nil }
      if inFlow || isFlow(node) { return flowEnd(from: skipProperties(from: start)) }
      guard let (key, value) = mapping.reversed().first.map({ ($0.key, $0.value) }),
        let keyStart = Position(key.mark), let valueStart = Position(value.mark)
      else { return nil }
      if valueStart < keyStart {
        guard case .scalar(let k) = key, let keyEnd = span(of: k, parentIndent: parentIndent, inFlow: false)?.end
        else { return nil }
        return aliasEnd(after: keyEnd)
      }
      return end(of: value, parentIndent: keyStart.column, inFlow: false)
    case .sequence(let sequence):
      guard let start = Position(sequence.mark) else { return nil }
      if inFlow || isFlow(node) { return flowEnd(from: skipProperties(from: start)) }
      guard let last = sequence.reversed().first, let itemStart = Position(last.mark), start < itemStart
      else { return nil }
      return end(of: last, parentIndent: max(itemStart.column - 2, 0), inFlow: false)
    }
  }

  /// Whether a mapping or list is written in flow style (`{…}`, `[…]`): told from its text, since
  /// the composed node's style does not say.
  package func isFlow(_ node: Node) -> Bool {
    guard let start = Position(node.mark) else { return false }
    let c = self[skipProperties(from: start)]
    return c == "{" || c == "["
  }

  /// The end of an alias written after a key that ends at `keyEnd`: `: *name`.
  func aliasEnd(after keyEnd: Position) -> Position? {
    var p = skipSpace(from: keyEnd, acrossLines: false)
    guard self[p] == ":" else { return nil }
    p.column += 1
    p = skipSpace(from: p, acrossLines: true)
    guard self[p] == "*" else { return nil }
    while let c = self[p], c != " " && c != "\t" && c != "," && c != "]" && c != "}" { p.column += 1 }
    return p
  }

  /// The position after the bracket closing the flow collection that opens at `start`, skipping
  /// quoted text and comments; nil when it does not close.
  package func flowEnd(from start: Position) -> Position? {
    guard self[start] == "{" || self[start] == "[" else { return nil }
    var depth = 0
    var p = start
    while p.line < lines.count {
      let chars = lines[p.line]
      while p.column < chars.count {
        let c = chars[p.column]
        switch c {
        case "{", "[":
          depth += 1
        case "}", "]":
          depth -= 1
          if depth == 0 { return Position(line: p.line, column: p.column + 1) }
        case "'", "\"":
          guard let end = quotedEnd(from: p, quote: c) else { return nil }
          p = end
          continue
        case "#" where p.column == 0 || chars[p.column - 1] == " " || chars[p.column - 1] == "\t":
          p.column = chars.count
          continue
        default:
          break
        }
        p.column += 1
      }
      p = Position(line: p.line + 1, column: 0)
    }
    return nil
  }

  /// Where the comment on a line starts at or after `column` (its `#`), skipping quoted text;
  /// `.none` when the line has no comment there, nil when a quote is left open on the line.
  package func commentStart(line: Int, from column: Int) -> Int?? {
    let chars = lines[line]
    var i = column
    while i < chars.count {
      let c = chars[i]
      if c == "'" || c == "\"" {
        guard let end = quotedEnd(from: Position(line: line, column: i), quote: c), end.line == line else {
          return nil
        }
        i = end.column
        continue
      }
      if c == "#" && (i == 0 || chars[i - 1] == " " || chars[i - 1] == "\t") { return .some(i) }
      i += 1
    }
    return .some(.none)
  }

  /// Whether nothing but spaces and a comment follows `p` on its line.
  package func endsLine(at p: Position) -> Bool {
    lines[p.line][p.column...].first { $0 != " " && $0 != "\t" }.map { $0 == "#" } ?? true
  }
}
