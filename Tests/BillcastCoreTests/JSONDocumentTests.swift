import BillcastCore
import Testing

/// The strict JSON reader: located errors, and work linear in the text however long its lines.
@Suite("JSONDocument")
struct JSONDocumentTests {
  /// `terraform show -json` writes a plan on one line: 20,000 values on it.
  static func oneLine(values: Int) -> [UInt8] {
    Array(("[" + (0..<values).map { "{\"é\": \"\($0)\"}" }.joined(separator: ",") + "]").utf8)
  }

  @Test("columns on a long line are counted once: the work is at most the text's length")
  func columnWorkIsLinear() throws {
    let bytes = Self.oneLine(values: 20_000)
    let (value, work) = try JSONDocument.parseCountingColumnWork(bytes, path: "plan.json")
    #expect(value.items?.count == 20_000)
    // Each value's column from the start of the line would be about 20,000²/2 × 17 bytes.
    #expect(work <= bytes.count, "\(work) bytes examined for a text of \(bytes.count)")
    // The last object's position: its column counts characters ('é' is two bytes, one column).
    let last = try #require(value.items?.last)
    // Each object `{"é": "N"}` before it is 9 characters plus N's digits, then a comma.
    let before = (0..<19_999).reduce(0) { $0 + 9 + String($1).count + 1 }
    #expect(last.position == JSONPosition(line: 1, column: 2 + before))
  }

  @Test("an error late on a long line is located at its column in characters")
  func locatedErrorOnALongLine() throws {
    var text = Self.oneLine(values: 5_000)
    text.removeLast()  // the closing ']'
    text += Array(", tru]".utf8)
    let error = #expect(throws: DiagnosticError.self) { try JSONDocument.parse(text, path: "plan.json") }
    let diagnostic = try #require(error?.diagnostics.first)
    let characters = String(decoding: text, as: UTF8.self).count
    #expect(diagnostic.line == 1)
    // At the "t" of "tru", the 4th character from the end.
    #expect(diagnostic.column == characters - 3, "\(diagnostic.message)")
    #expect(diagnostic.message == "invalid JSON: expected true")
  }

  @Test("columns restart on each line")
  func columnsRestartOnEachLine() throws {
    let value = try JSONDocument.parse(Array("{\"a\": 1,\n  \"bé\": [true,\n   null]}".utf8), path: "x.json")
    #expect(value["a"]?.position == JSONPosition(line: 1, column: 7))
    #expect(value["bé"]?.position == JSONPosition(line: 2, column: 9))
    #expect(value["bé"]?.items?[1].position == JSONPosition(line: 3, column: 4))
  }
}
