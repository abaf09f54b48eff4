/// Reads JSON text strictly.
package enum JSONDocument {
  /// The deepest nesting of objects and arrays accepted.
  package static let maximumDepth = 128

  /// Parses `bytes` (UTF-8) into a tree; every problem is located in `path`.
  package static func parse(_ bytes: [UInt8], path: String) throws(DiagnosticError) -> JSONNode {
    try parseCountingColumnWork(bytes, path: path).value
  }

  /// Parses `bytes` cut from a larger file, where their first byte is at `origin`: every
  /// position, and every problem, is located in that file.
  package static func parse(_ bytes: [UInt8], path: String, origin: JSONPosition) throws(DiagnosticError) -> JSONNode {
    var parser = Parser(bytes: bytes, path: path)
    parser.origin = origin
    parser.skipSpace()
    let value = try parser.value(depth: 0)
    parser.skipSpace()
    if parser.index < bytes.count { throw parser.failure("unexpected text after the JSON value") }
    return value
  }

  /// Parses like ``parse(_:path:)`` and also returns how many bytes were examined to count
  /// columns: at most the text's length, however long its lines (a test of the linear bound).
  package static func parseCountingColumnWork(_ bytes: [UInt8], path: String) throws(DiagnosticError) -> (
    value: JSONNode, columnWork: Int
  ) {
    var parser = Parser(bytes: bytes, path: path)
    parser.skipSpace()
    let value = try parser.value(depth: 0)
    parser.skipSpace()
    if parser.index < bytes.count { throw parser.failure("unexpected text after the JSON value") }
    return (value, parser.columnWork)
  }

  struct Parser {
    let bytes: [UInt8]
    let path: String
    var index = 0
    var line = 1
    var lineStart = 0

    init(bytes: [UInt8], path: String) {
      self.bytes = bytes
      self.path = path
    }

    /// The byte up to which `counted` holds the column (on the line that starts at `lineStart`).
    var countedTo = 0
    /// The 1-based column of the byte at `countedTo`.
    var counted = 1
    /// The bytes examined to count columns, in all.
    var columnWork = 0
    /// Where the first byte is in the file the bytes were cut from.
    var origin = JSONPosition(line: 1, column: 1)

    /// Where the next byte is. Columns count characters (continuation bytes of UTF-8 are not
    /// counted), carried forward from the last position asked for: a value on a 50 MB line
    /// costs the bytes since the previous value, not the whole line again.
    var position: JSONPosition {
      mutating get {
        if countedTo < lineStart {
          countedTo = lineStart
          counted = 1
        }
        let stop = min(index, bytes.count)
        columnWork += max(0, stop - countedTo)
        while countedTo < stop {
          if bytes[countedTo] & 0xC0 != 0x80 { counted += 1 }
          countedTo += 1
        }
        return JSONPosition(
          line: line + origin.line - 1, column: line == 1 ? counted + origin.column - 1 : counted)
      }
    }

    mutating func failure(_ message: String, at p: JSONPosition? = nil) -> DiagnosticError {
      let at = p ?? position
      return DiagnosticError([
        Diagnostic(file: path, line: at.line, column: at.column, message: "invalid JSON: \(message)")
      ])
    }

    mutating func skipSpace() {
      while index < bytes.count {
        switch bytes[index] {
        case 0x20, 0x09, 0x0D: index += 1
        case 0x0A:
          index += 1
          line += 1
          lineStart = index
        default: return
        }
      }
    }

    /// One value, its kind told by its first character.
    mutating func value(depth: Int) throws(DiagnosticError) -> JSONNode {
      guard index < bytes.count else { throw failure("the text ends where a value should be") }
      let start = position
      switch bytes[index] {
      case UInt8(ascii: "{"):
        return try object(depth: depth, start: start)
      case UInt8(ascii: "["):
        return try array(depth: depth, start: start)
      case UInt8(ascii: "\""):
        return .string(try string(), start)
      case UInt8(ascii: "t"):
        try literal("true")
        return .bool(true, start)
      case UInt8(ascii: "f"):
        try literal("false")
        return .bool(false, start)
      case UInt8(ascii: "n"):
        try literal("null")
        return .null(start)
      case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
        return .number(try number(), start)
      default:
        throw failure("unexpected character")
      }
    }

    /// An object from its `{`: members in order, each key once.
    mutating func object(depth: Int, start: JSONPosition) throws(DiagnosticError) -> JSONNode {
      if depth >= JSONDocument.maximumDepth { throw failure("nesting deeper than \(JSONDocument.maximumDepth) levels") }
      index += 1
      var members: [(key: String, value: JSONNode)] = []
      var seen: [String: JSONPosition] = [:]
      skipSpace()
      if index < bytes.count && bytes[index] == UInt8(ascii: "}") {
        index += 1
        return .object(members, start)
      }
      while true {
        skipSpace()
        let keyPosition = position
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw failure("expected a key in quotes") }
        let key = try string()
        if let first = seen[key] {
          throw failure(
            "duplicate key '\(TerminalText.excerpt(key))' (first at line \(first.line), column \(first.column)); each key may appear once",
            at: keyPosition)
        }
        seen[key] = keyPosition
        skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw failure("expected ':' after a key") }
        index += 1
        skipSpace()
        members.append((key, try value(depth: depth + 1)))
        skipSpace()
        guard index < bytes.count else { throw failure("the text ends inside an object") }
        if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
        if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members, start) }
        throw failure("expected ',' or '}' in an object")
      }
    }

    /// An array from its `[`.
    mutating func array(depth: Int, start: JSONPosition) throws(DiagnosticError) -> JSONNode {
      if depth >= JSONDocument.maximumDepth { throw failure("nesting deeper than \(JSONDocument.maximumDepth) levels") }
      index += 1
      var items: [JSONNode] = []
      skipSpace()
      if index < bytes.count && bytes[index] == UInt8(ascii: "]") {
        index += 1
        return .array(items, start)
      }
      while true {
        skipSpace()
        items.append(try value(depth: depth + 1))
        skipSpace()
        guard index < bytes.count else { throw failure("the text ends inside an array") }
        if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
        if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items, start) }
        throw failure("expected ',' or ']' in an array")
      }
    }

    mutating func literal(_ word: String) throws(DiagnosticError) {
      let w = Array(word.utf8)
      guard index + w.count <= bytes.count, Array(bytes[index..<(index + w.count)]) == w else {
        throw failure("expected \(word)")
      }
      index += w.count
    }

    /// A number as JSON writes it (RFC 8259), kept as text.
    mutating func number() throws(DiagnosticError) -> String {
      let start = index
      func digits() -> Int {
        let s = index
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
        return index - s
      }
      if bytes[index] == UInt8(ascii: "-") { index += 1 }
      let intStart = index
      guard digits() > 0 else { throw failure("a number needs digits") }
      if bytes[intStart] == UInt8(ascii: "0") && index - intStart > 1 {
        throw failure("a number must not start with 0")
      }
      if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
        index += 1
        guard digits() > 0 else { throw failure("a number needs digits after '.'") }
      }
      if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
        index += 1
        if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard digits() > 0 else { throw failure("a number needs digits in its exponent") }
      }
      return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    /// A string in quotes, with its escapes decoded; control characters must be escaped.
    mutating func string() throws(DiagnosticError) -> String {
      index += 1  // the opening quote
      var scalars = String.UnicodeScalarView()
      var run = index
      func flush(_ parser: Parser, upTo end: Int) {
        scalars.append(contentsOf: String(decoding: parser.bytes[run..<end], as: UTF8.self).unicodeScalars)
      }
      while true {
        guard index < bytes.count else { throw failure("the text ends inside a string") }
        let b = bytes[index]
        if b == UInt8(ascii: "\"") {
          flush(self, upTo: index)
          index += 1
          return String(scalars)
        }
        if b < 0x20 { throw failure("a control character in a string must be escaped") }
        if b != UInt8(ascii: "\\") {
          index += 1
          continue
        }
        flush(self, upTo: index)
        index += 1
        guard index < bytes.count else { throw failure("the text ends inside a string") }
        let e = bytes[index]
        index += 1
        switch e {
        case UInt8(ascii: "\""): scalars.append("\"")
        case UInt8(ascii: "\\"): scalars.append("\\")
        case UInt8(ascii: "/"): scalars.append("/")
        case UInt8(ascii: "b"): scalars.append("\u{8}")
        case UInt8(ascii: "f"): scalars.append("\u{C}")
        case UInt8(ascii: "n"): scalars.append("\n")
        case UInt8(ascii: "r"): scalars.append("\r")
        case UInt8(ascii: "t"): scalars.append("\t")
        case UInt8(ascii: "u"):
          var code = try hex4()
          if (0xD800...0xDBFF).contains(code) {
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
            else {
              throw failure("a high surrogate must be followed by a low one")
            }
            index += 2
            let low = try hex4()
            guard (0xDC00...0xDFFF).contains(low) else {
              throw failure("a high surrogate must be followed by a low one")
            }
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
          }
          guard let scalar = Unicode.Scalar(code) else { throw failure("\\u escape of a lone surrogate") }
          scalars.append(scalar)
        default:
          throw failure("unknown escape in a string")
        }
        run = index
      }
    }

    mutating func hex4() throws(DiagnosticError) -> UInt32 {
      guard index + 4 <= bytes.count else { throw failure("\\u needs four hexadecimal digits") }
      var value: UInt32 = 0
      for _ in 0..<4 {
        let b = bytes[index]
        let digit: UInt32
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(b - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(b - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(b - UInt8(ascii: "A") + 10)
        default: throw failure("\\u needs four hexadecimal digits")
        }
        value = value * 16 + digit
        index += 1
      }
      return value
    }
  }
}
