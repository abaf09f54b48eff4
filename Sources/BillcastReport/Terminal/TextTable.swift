import BillcastCore

/// A plain-text table whose cells may hold several lines.
struct TextTable {
  enum Alignment { case left, right }

  var headers: [String]
  var alignments: [Alignment]
  var rows: [[[String]]] = []
  /// Rows after which a rule is drawn.
  var rulesAfter: Set<Int> = []
  /// Columns of detail (free tiers, unit prices) that move below the table, as a list per row,
  /// when the table would otherwise wrap them narrower than ``detailMinimum``.
  var detailColumns: Set<Int> = []
  /// The narrowest a detail column is wrapped before it moves below the table.
  static let detailMinimum = 28

  init(headers: [String], alignments: [Alignment]) {
    self.headers = headers.map(TerminalText.escaped)
    self.alignments = alignments
  }

  /// The most characters a line of a cell shows: a longer one (a 300 KB label) is cut, ending in `…`.
  static let maximumCell = 2000

  /// Adds a row; each line of each cell has its control characters escaped (a newline in a
  /// label would otherwise break the row, and ESC would drive the terminal), and is cut to
  /// ``maximumCell`` characters.
  mutating func add(_ cells: [[String]]) {
    rows.append(cells.map { $0.map { Self.bounded(TerminalText.escaped($0)) } })
  }

  /// `line`, or its first ``maximumCell`` characters ending in `…` when it is longer.
  static func bounded(_ line: String) -> String {
    guard line.utf8.count > maximumCell, line.count > maximumCell else { return line }
    return String(line.prefix(maximumCell - 1)) + "…"
  }
  mutating func addRule() { rulesAfter.insert(rows.count - 1) }

  /// The table as text: its natural layout, or fitted to ``TerminalLayout/width`` when one is set.
  func rendered(indent: String = "") -> String {
    guard let width = TerminalLayout.width else { return layout(indent: indent, widths: naturalWidths) }
    return fitted(to: width, indent: indent)
  }

  /// Each column's width: its widest line.
  var naturalWidths: [Int] {
    var widths = headers.map(\.count)
    for row in rows {
      for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.map(\.count).max() ?? 0) }
    }
    return widths
  }

  /// The table in `widths`, whose cells already fit them.
  func layout(indent: String, widths: [Int]) -> String {
    func pad(_ s: String, _ i: Int) -> String {
      let gap = String(repeating: " ", count: max(0, widths[i] - s.count))
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

  /// The table fitted to `width`: the widest text column is narrowed one character at a time
  /// (down to ``TerminalLayout/minimumColumn``) and its cells wrapped; if the figures still do
  /// not fit, the columns are split into parts that each repeat the first column, one part
  /// under the other.
  func fitted(to width: Int, indent: String) -> String {
    if !detailColumns.isEmpty, !fitsWithDetails(width: width, indent: indent) {
      return movingDetailsBelow(width: width, indent: indent)
    }
    var widths = naturalWidths
    func total(_ columns: [Int]) -> Int {
      indent.count + columns.map { widths[$0] }.reduce(0, +) + 2 * max(0, columns.count - 1)
    }
    let all = Array(widths.indices)
    // Shrink the widest wrappable (left-aligned) column until the table fits or none can shrink.
    while total(all) > width {
      // The first column names the row: it keeps more of its width than the others.
      func floor(_ column: Int) -> Int {
        max(
          headers[column].count,
          column == 0
            ? 2 * TerminalLayout.minimumColumn
            : detailColumns.contains(column) ? Self.detailMinimum : TerminalLayout.minimumColumn)
      }
      guard
        let widest = all.filter({ alignments[$0] == .left && widths[$0] > floor($0) }).max(by: {
          widths[$0] < widths[$1]
        })
      else { break }
      widths[widest] -= 1  // one at a time, so the wrapped columns end up balanced
    }
    var table = self
    table.rows = rows.map { row in
      row.enumerated().map { i, cell in
        cell.count == 0
          ? cell
          : cell.flatMap { line in line.count > widths[i] ? TerminalLayout.wrap(line, width: widths[i]) : [line] }
      }
    }
    // Recompute from the wrapped cells: a wrapped column may end up narrower than its limit,
    // and a header is never wrapped.
    widths = table.naturalWidths
    if total(all) <= width || widths.count < 2 { return table.layout(indent: indent, widths: widths) }
    // Still too wide: parts of the columns, each with the first column.
    var parts: [[Int]] = []
    var current = [0]
    for column in 1..<widths.count {
      if current.count > 1 && total(current + [column]) > width {
        parts.append(current)
        current = [0]
      }
      current.append(column)
    }
    parts.append(current)
    if parts.count == 1 { return table.layout(indent: indent, widths: widths) }
    // Each part is fitted on its own, from the unwrapped cells: its text columns may use the
    // room the other parts' figures took.
    return parts.map { part in
      var piece = TextTable(headers: part.map { headers[$0] }, alignments: part.map { alignments[$0] })
      piece.rows = rows.map { row in part.map { row[$0] } }
      piece.rulesAfter = rulesAfter
      piece.detailColumns = Set(part.indices.filter { detailColumns.contains(part[$0]) })
      return piece.fitted(to: width, indent: indent)
    }.joined(separator: "\n")
  }

  /// Whether the table fits `width` with its detail columns wrapped no narrower than ``detailMinimum``.
  func fitsWithDetails(width: Int, indent: String) -> Bool {
    let widths = naturalWidths.enumerated().map { i, w in
      detailColumns.contains(i)
        ? min(w, max(Self.detailMinimum, headers[i].count))
        : alignments[i] == .left && i > 0 ? min(w, TerminalLayout.minimumColumn) : w
    }
    return indent.count + widths.reduce(0, +) + 2 * max(0, widths.count - 1) <= width
  }

  /// The table without its detail columns, fitted to `width`, then each row's details below it:
  /// the row's name, and under it each detail column's lines, wrapped, joined by "; ".
  func movingDetailsBelow(width: Int, indent: String) -> String {
    let kept = headers.indices.filter { !detailColumns.contains($0) }
    var table = TextTable(headers: kept.map { headers[$0] }, alignments: kept.map { alignments[$0] })
    table.rows = rows.map { row in kept.map { row[$0] } }
    table.rulesAfter = rulesAfter
    var out = table.fitted(to: width, indent: indent)
    var details = [indent + detailColumns.sorted().map { headers[$0] }.joined(separator: " and ") + ":"]
    for row in rows {
      let cells = detailColumns.sorted().filter { !row[$0].isEmpty }
      guard !cells.isEmpty else { continue }
      details.append(indent + (row[0].joined(separator: " ")))
      for column in cells {
        let text = "\(headers[column]): " + row[column].joined(separator: "; ")
        details += TerminalLayout.wrap(text, width: max(width - indent.count - 4, TerminalLayout.minimumColumn))
          .enumerated().map { indent + ($0.offset == 0 ? "  " : "    ") + $0.element }
      }
    }
    if details.count > 1 { out += details.joined(separator: "\n") + "\n" }
    return out
  }
}
