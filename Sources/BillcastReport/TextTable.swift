import BillcastCore

/// A plain-text table whose cells may hold several lines.
struct TextTable {
  enum Alignment { case left, right }

  var headers: [String]
  var alignments: [Alignment]
  var rows: [[[String]]] = []
  /// Rows after which a rule is drawn.
  var rulesAfter: Set<Int> = []

  init(headers: [String], alignments: [Alignment]) {
    self.headers = headers.map(TerminalText.escaped)
    self.alignments = alignments
  }

  /// Adds a row; each line of each cell has its control characters escaped (a newline in a
  /// label would otherwise break the row, and ESC would drive the terminal).
  mutating func add(_ cells: [[String]]) { rows.append(cells.map { $0.map(TerminalText.escaped) }) }
  mutating func addRule() { rulesAfter.insert(rows.count - 1) }

  func rendered(indent: String = "") -> String {
    var widths = headers.map(\.count)
    for row in rows {
      for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.map(\.count).max() ?? 0) }
    }
    func pad(_ s: String, _ i: Int) -> String {
      let gap = String(repeating: " ", count: widths[i] - s.count)
      return alignments[i] == .left ? s + gap : gap + s
    }
    func line(_ cells: [String]) -> String {
      var text = indent + cells.enumerated().map { pad($0.element, $0.offset) }.joined(separator: "  ")
      while text.hasSuffix(" ") { text.removeLast() }
      return text
    }
    let rule = indent + widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")
    var out = [line(headers), rule]
    for (r, row) in rows.enumerated() {
      let height = row.map(\.count).max() ?? 1
      for k in 0..<max(height, 1) {
        out.append(line(row.map { k < $0.count ? $0[k] : "" }))
      }
      if rulesAfter.contains(r) { out.append(rule) }
    }
    return out.joined(separator: "\n") + "\n"
  }
}
