import BillcastCore

/// CSV records (RFC 4180: fields quoted with `"`, `""` for a quote, line breaks inside quotes)
/// read one at a time; a field's text is decoded only when asked for.
package struct CSVRecords {
  package var input: ByteReader
  /// The current record's bytes.
  private var record: ArraySlice<UInt8> = []
  /// Each field's range within the record (relative) and whether it was quoted.
  private var fields: [(start: Int, end: Int, quoted: Bool)] = []
  /// The line the current record starts on (1-based).
  package private(set) var line = 0
  /// The line the next record starts on.
  private var nextLine = 1
  /// The most fields kept per record; the rest are only counted (a row of a million commas is
  /// refused by its count, without a million ranges).
  package var fieldLimit = Int.max
  /// The fields past ``fieldLimit`` in the current record.
  private var uncounted = 0

  package init(input: ByteReader) { self.input = input }

  /// The number of fields in the current record.
  package var count: Int { fields.count + uncounted }

  /// Reads the next record; false at the end of the file.
  package mutating func next() throws(DiagnosticError) -> Bool {
    fields.removeAll(keepingCapacity: true)
    uncounted = 0
    guard try input.peek() != nil else { return false }
    line = nextLine
    let startOffset = input.offset
    let captured = input.beginCapture()
    var relative = 0
    var fieldStart = 0, quoted = false, inQuotes = false
    func finish(_ end: Int) {
      if fields.count < fieldLimit { fields.append((fieldStart, end, quoted)) } else { uncounted += 1 }
    }
    loop: while true {
      guard let b = try input.peek() else {
        if inQuotes { throw input.failure("the file ends inside a quoted field: it is truncated", at: startOffset) }
        finish(relative)
        break loop
      }
      input.index += 1
      relative += 1
      if inQuotes {
        if b == 0x0A { nextLine += 1 }
        if b == 0x22 {
          if try input.peek() == 0x22 {
            input.index += 1
            relative += 1
          } else {
            inQuotes = false
          }
        }
        continue
      }
      switch b {
      case 0x22:
        if relative - 1 == fieldStart {
          inQuotes = true
          quoted = true
        }
      case 0x2C:
        finish(relative - 1)
        fieldStart = relative
        quoted = false
      case 0x0A:
        finish(relative - 1)
        nextLine += 1
        break loop
      default:
        break
      }
    }
    record = input.endCapture(captured)
    // A CR before the line break belongs to the line ending, not the last field.
    if uncounted == 0, let last = fields.last, last.end > last.start, record[record.startIndex + last.end - 1] == 0x0D {
      fields[fields.count - 1].end -= 1
    }
    return true
  }

  /// Whether a field was quoted (an unquoted `NULL` is a null; a quoted one is text).
  package func isQuoted(_ i: Int) -> Bool { i < fields.count && fields[i].quoted }

  /// The current record's length in bytes.
  package var byteCount: Int { record.count }

  /// The line and column (1-based, in characters) where a field starts.
  package func location(ofField i: Int) -> (line: Int, column: Int) {
    let start = i < fields.count ? fields[i].start : record.count
    var line = self.line, column = 1
    for b in record[record.startIndex..<(record.startIndex + start)] {
      if b == 0x0A {
        line += 1
        column = 1
      } else if b & 0xC0 != 0x80 {
        column += 1
      }
    }
    return (line, column)
  }

  /// The text of a field (quotes removed, `""` read as `"`).
  package func text(_ i: Int) -> String {
    guard i < fields.count else { return "" }
    let f = fields[i]
    var s = record.startIndex + f.start, e = record.startIndex + f.end
    if f.quoted && e - s >= 2 {
      s += 1
      e -= 1
      let bytes = record[s..<e]
      if !bytes.contains(0x22) { return String(decoding: bytes, as: UTF8.self) }
      var out: [UInt8] = []
      var i = s
      while i < e {
        out.append(record[i])
        i += record[i] == 0x22 && i + 1 < e && record[i + 1] == 0x22 ? 2 : 1
      }
      return String(decoding: out, as: UTF8.self)
    }
    return String(decoding: record[s..<e], as: UTF8.self)
  }
}
