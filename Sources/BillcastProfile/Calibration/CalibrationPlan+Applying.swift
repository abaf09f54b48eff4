import BillcastCore
import Foundation

extension CalibrationPlan {
  /// The text with every planned edit made and the header's comment lines before the first key.
  func apply(header: [String]) -> String {
    enum Edit {
      case replace(Position, Position, String)
      case insert([String], after: Int)
    }
    var edits: [(at: Position, edit: Edit)] = []
    for r in replacements.values { edits.append((r.start, .replace(r.start, r.end, r.text))) }
    for (line, comment) in lineComments {
      let start = Position(line: line, column: comment.start)
      let end = Position(line: line, column: text.lines[line].count)
      let lead = comment.start == text.lines[line].count ? " " : ""
      edits.append((start, .replace(start, end, lead + "# " + comment.comments.joined(separator: "; "))))
    }
    for insertion in insertions.values {
      // Mappings that end on the same line (an entry's and the one holding it): the deeper one's
      // keys go first, so each new key follows its own mapping's entries.
      let at = Position(line: insertion.afterLine, column: Int.max - insertion.indent)
      edits.append((at, .insert(lines(insertion), after: insertion.afterLine)))
    }
    var result = text
    // From the end backwards, so each edit leaves the positions of those before it alone.
    for (_, edit) in edits.sorted(by: { $1.at < $0.at }) {
      switch edit {
      case .replace(let start, let end, let replacement): result.replace(from: start, to: end, with: replacement)
      case .insert(let newLines, let line): result.insert(newLines, after: line)
      }
    }
    if !header.isEmpty {
      let comments = header.map { CalibrationText.comment($0) }.map { $0.isEmpty ? "#" : "# " + $0 }
      result.insert(comments, after: headerLine() - 1)
    }
    return result.text
  }

  /// The line header comments go before: the first key, after leading comments, directives and `---`.
  func headerLine() -> Int {
    var line = 0
    while line < text.lines.count {
      if text.isBlank(line) || text.isComment(line) || text.lines[line].first == "%" {
        line += 1
        continue
      }
      if text.string(line: line, from: 0, to: text.lines[line].count).trimmingCharacters(in: .whitespaces) == "---" {
        return line + 1
      }
      break
    }
    // The first key (line 0 when the file is nothing but comments).
    return line < text.lines.count ? line : 0
  }

  /// The lines of an insertion: keys grouped by their path, mappings created once.
  func lines(_ insertion: Insertion) -> [String] {
    var out: [String] = []
    func render(_ leaves: [Leaf], depth: Int) {
      var order: [String] = []
      var groups: [String: [Leaf]] = [:]
      for leaf in leaves {
        if groups[leaf.chain[0]] == nil { order.append(leaf.chain[0]) }
        groups[leaf.chain[0], default: []].append(leaf)
      }
      let pad = String(repeating: " ", count: insertion.indent + depth * insertion.step)
      for key in order {
        let group = groups[key]!
        let keyText = CalibrationText.scalar(key, inFlow: false)
        if let leaf = group.first(where: { $0.chain.count == 1 }) {
          out.append(
            pad + keyText + ": " + CalibrationText.scalar(leaf.value, inFlow: false) + " # "
              + CalibrationText.comment(leaf.comment))
        } else {
          out.append(pad + keyText + ":")
          render(
            group.map { Leaf(chain: Array($0.chain.dropFirst()), value: $0.value, comment: $0.comment, use: $0.use) },
            depth: depth + 1)
        }
      }
    }
    render(insertion.leaves, depth: 0)
    return out
  }
}
