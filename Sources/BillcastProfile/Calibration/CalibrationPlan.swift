import BillcastCore
import Yams

/// The edits a calibration makes to a profile's text, and every problem that stops it.
struct CalibrationPlan {
  typealias Position = YAMLText.Position

  /// A value's text replaced in place (with the rest of its line, for the comment, outside flow collections).
  struct Replacement {
    var start: Position
    var end: Position
    var text: String
    var value: String
    var use: String
  }

  /// A key written into a block mapping that lacks it, with the mappings on the way.
  struct Leaf {
    var chain: [String]
    var value: String
    var comment: String
    var use: String
  }

  /// New lines after a block mapping's last entry.
  struct Insertion {
    var afterLine: Int
    var indent: Int
    var step: Int
    var leaves: [Leaf] = []
  }

  let text: YAMLText
  let root: Node
  let profile: Profile
  let path: String
  /// Replacements by where the value starts: a node shared through an anchor is one replacement.
  var replacements: [Position: Replacement] = [:]
  /// The comments of lines inside flow collections, by line: where the old one starts, and the new ones.
  var lineComments: [Int: (start: Int, comments: [String])] = [:]
  /// Insertions by the mapping they go into (its mark).
  var insertions: [Position: Insertion] = [:]
  /// Every problem found.
  var problems: [Diagnostic] = []
  /// What was written where (key paths from the root), to check once the text is read again.
  var written: [(chain: [String], value: String)] = []

  /// Where a walk down a key path stopped.
  enum Walk {
    /// The key is there.
    case found(key: Node, value: Node, keyIndent: Int, inFlow: Bool)
    /// A mapping lacks the key at `depth`; `containerIndent` is the indentation of the key holding it.
    case missing(container: Node.Mapping, containerIndent: Int, depth: Int, inFlow: Bool)
    /// The node at `depth` is not a mapping.
    case notMapping(Node, depth: Int)
  }

  /// Walks a key path from the root; aliases are followed (their nodes are the anchored text's).
  func walk(_ chain: [String]) -> Walk {
    var node = root
    var keyIndent = -1
    var inFlow = false
    for (depth, name) in chain.enumerated() {
      guard case .mapping(let mapping) = node else { return .notMapping(node, depth: depth) }
      inFlow = inFlow || text.isFlow(node)
      guard let pair = mapping.first(where: { $0.key.scalar?.string == name }) else {
        return .missing(container: mapping, containerIndent: keyIndent, depth: depth, inFlow: inFlow)
      }
      let column = Position(pair.key.mark)?.column ?? 0
      if depth == chain.count - 1 {
        return .found(key: pair.key, value: pair.value, keyIndent: column, inFlow: inFlow)
      }
      keyIndent = column
      node = pair.value
    }
    return .notMapping(node, depth: chain.count)
  }

  /// Whether a key path is in the profile.
  func has(_ chain: [String]) -> Bool {
    if case .found = walk(chain) { return true }
    return false
  }

  /// An error at a node of the profile.
  func diagnostic(at node: Node?, path keyPath: String, _ message: String) -> Diagnostic {
    let mark = node?.mark
    return Diagnostic(file: path, line: mark?.line ?? 1, column: mark?.column ?? 1, path: keyPath, message: message)
  }

  /// Writes a value at a key path: in place when the key is there, else as new keys at the end of
  /// the deepest mapping there is, when at most `creatable` keys of the path are missing.
  mutating func write(_ chain: [String], creatable: Int, value: CalibratedValue) {
    let use = chain.joined(separator: ".")
    switch walk(chain) {
    case .found(_, let node, let keyIndent, let inFlow):
      guard case .scalar(let scalar) = node else {
        problems.append(diagnostic(at: node, path: use, "expected a value to calibrate, found a mapping or a list"))
        return
      }
      replace(scalar, keyIndent: keyIndent, inFlow: inFlow, value: value, use: use)
    case .missing(let mapping, let containerIndent, let depth, let inFlow):
      guard chain.count - depth <= creatable else {
        let missing = chain[..<(depth + 1)].joined(separator: ".")
        problems.append(diagnostic(at: .mapping(mapping), path: missing, "not in the profile"))
        return
      }
      guard !inFlow else {
        problems.append(blockStyle(.mapping(mapping), use: use))
        return
      }
      insert(
        Leaf(chain: Array(chain[depth...]), value: value.value, comment: value.comment, use: use), into: mapping,
        containerIndent: containerIndent)
    case .notMapping(let node, let depth):
      let at = chain[..<depth].joined(separator: ".")
      problems.append(diagnostic(at: node, path: at, "expected a mapping holding \(chain[depth]), found a value"))
      return
    }
    written.append((chain, value.value))
  }

  func blockStyle(_ node: Node, use: String) -> Diagnostic {
    diagnostic(
      at: node, path: use,
      "this flow mapping ({…}) cannot be calibrated safely: write it in block style (one key per line) to calibrate it")
  }

  /// Replaces a scalar's text; a second value for the same text (an anchored node reached from
  /// two places) is an error naming both uses.
  mutating func replace(_ scalar: Node.Scalar, keyIndent: Int, inFlow: Bool, value: CalibratedValue, use: String) {
    let node = Node.scalar(scalar)
    guard let span = text.span(of: scalar, parentIndent: keyIndent, inFlow: inFlow) else {
      problems.append(
        diagnostic(at: node, path: use, "cannot find this value's text to replace it; write it on one line"))
      return
    }
    if let earlier = replacements[span.start] {
      if earlier.value != value.value {
        problems.append(
          diagnostic(
            at: node, path: use,
            "this value is shared through an anchor (also \(earlier.use)): it cannot be calibrated to both '\(TerminalText.excerpt(earlier.value))' (\(earlier.use)) and '\(TerminalText.excerpt(value.value))' (\(use)); give the uses their own copies, or one value"
          ))
      }
      return
    }
    let valueText = CalibrationText.scalar(value.value, inFlow: inFlow)
    let comment = CalibrationText.comment(value.comment)
    if inFlow {
      guard span.start.line == span.end.line, scalar.style != .literal, scalar.style != .folded,
        case .some(let old) = text.commentStart(line: span.end.line, from: span.end.column)
      else {
        problems.append(blockStyle(node, use: use))
        return
      }
      replacements[span.start] = Replacement(
        start: span.start, end: span.end, text: valueText, value: value.value, use: use)
      let line = span.end.line
      let start = old ?? text.lines[line].count
      lineComments[line, default: (start, [])].comments.append(comment)
      return
    }
    let lineEnd = text.lines[span.end.line].count
    guard case .some(let old) = text.commentStart(line: span.end.line, from: span.end.column),
      text.lines[span.end.line][span.end.column..<(old ?? lineEnd)].allSatisfy({ $0 == " " || $0 == "\t" })
    else {
      problems.append(diagnostic(at: node, path: use, "cannot tell where this value ends to replace it"))
      return
    }
    // Keep the comment's column where the new value leaves room for it.
    let written = span.start.column + valueText.unicodeScalars.count
    let pad = span.start.line == span.end.line ? max(1, (old ?? 0) - written) : 1
    replacements[span.start] = Replacement(
      start: span.start, end: YAMLText.Position(line: span.end.line, column: lineEnd),
      text: valueText + String(repeating: " ", count: pad) + "# " + comment, value: value.value, use: use)
  }

  /// Adds a new key (and the mappings on its way) at the end of a block mapping.
  mutating func insert(_ leaf: Leaf, into mapping: Node.Mapping, containerIndent: Int) {
    let node = Node.mapping(mapping)
    guard let at = YAMLText.Position(mapping.mark),
      let firstKey = mapping.first.flatMap({ YAMLText.Position($0.key.mark) })
    else {
      problems.append(diagnostic(at: node, path: leaf.use, "cannot find the mapping to add \(leaf.chain[0]) to"))
      return
    }
    if insertions[at] == nil {
      guard let end = text.end(of: node, parentIndent: max(containerIndent, 0), inFlow: false),
        text.endsLine(at: end)
      else {
        problems.append(diagnostic(at: node, path: leaf.use, "cannot find where this mapping ends to add to it"))
        return
      }
      let indent = firstKey.column
      let step = containerIndent >= 0 && indent > containerIndent ? indent - containerIndent : 2
      insertions[at] = Insertion(afterLine: end.line, indent: indent, step: step)
    }
    if let earlier = insertions[at]!.leaves.first(where: { $0.chain == leaf.chain }) {
      if earlier.value != leaf.value {
        problems.append(
          diagnostic(
            at: node, path: leaf.use,
            "this mapping is shared through an anchor (also \(earlier.use)): \(leaf.chain.joined(separator: ".")) cannot be calibrated to both '\(TerminalText.excerpt(earlier.value))' (\(earlier.use)) and '\(TerminalText.excerpt(leaf.value))' (\(leaf.use))"
          ))
      }
      return
    }
    insertions[at]!.leaves.append(leaf)
  }
}
