import BillcastCore

/// A strict, streaming JSON reader over a ``ByteReader``: it walks an offer file's structure,
/// checks the grammar of everything it reads past, and builds a tree only for the values a
/// caller asks for (one product, one term), so memory does not grow with the file.
struct JSONScanner {
  var input: ByteReader
  /// The deepest nesting read past.
  static let maximumDepth = 64

  init(_ input: ByteReader) { self.input = input }

  // MARK: Bytes

  mutating func skipSpace() throws(DiagnosticError) {
    while let b = try input.peek() {
      guard b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 else { return }
      input.index += 1
    }
  }

  /// The next byte after white space; an error naming `what` at the end of the file.
  mutating func next(_ what: String) throws(DiagnosticError) -> UInt8 {
    try skipSpace()
    guard let b = try input.peek() else { throw input.failure("the file ends where \(what) was expected: it is truncated") }
    return b
  }

  mutating func expect(_ byte: UInt8, _ what: String) throws(DiagnosticError) {
    let b = try next("'\(what)'")
    guard b == byte else { throw input.failure("expected '\(what)', found \(Self.describe(b))") }
    input.index += 1
  }

  static func describe(_ b: UInt8) -> String {
    (0x21...0x7E).contains(b) ? "'\(Character(UnicodeScalar(b)))'" : String(format: "the byte 0x%02X", b)
  }

  // MARK: Structure

  /// Calls `member` with each key of an object, positioned at its value; `member` must read the value.
  mutating func object(_ member: (inout JSONScanner, String) throws(DiagnosticError) -> Void) throws(DiagnosticError) {
    try expect(0x7B, "{")
    if try next("a key or '}'") == 0x7D {
      input.index += 1
      return
    }
    while true {
      guard try next("a key") == 0x22 else { throw input.failure("expected a key (a string), found \(Self.describe(try next("a key")))") }
      let key = try string()
      try expect(0x3A, ":")
      try member(&self, key)
      let b = try next("',' or '}'")
      input.index += 1
      if b == 0x7D { return }
      guard b == 0x2C else {
        input.index -= 1
        throw input.failure("expected ',' or '}' after a value, found \(Self.describe(b))")
      }
    }
  }

  /// Reads a string value.
  mutating func string() throws(DiagnosticError) -> String {
    let start = input.offset
    let captured = input.beginCapture()
    try skipString()
    let bytes = input.endCapture(captured)
    if !bytes.contains(0x5C) { return String(decoding: bytes.dropFirst().dropLast(), as: UTF8.self) }
    do {
      guard case .string(let s, _) = try JSONDocument.parse(Array(bytes), path: input.path) else { return "" }
      return s
    } catch {
      throw input.failure("invalid string", at: start)
    }
  }

  /// Reads a value into a tree (for one product or term: small).
  mutating func tree() throws(DiagnosticError) -> JSONNode {
    _ = try next("a value")
    let start = input.offset
    let captured = input.beginCapture()
    try skipValue(depth: 0)
    let bytes = Array(input.endCapture(captured))
    do {
      return try JSONDocument.parse(bytes, path: input.path)
    } catch {
      throw input.failure(error.diagnostics.first?.message ?? "invalid JSON", at: start)
    }
  }

  /// Reads past a value, checking its grammar.
  mutating func skipValue(depth: Int) throws(DiagnosticError) {
    if depth > Self.maximumDepth { throw input.failure("the JSON nests deeper than \(Self.maximumDepth) levels") }
    let b = try next("a value")
    switch b {
    case 0x22:
      try skipString()
    case 0x7B:
      try object { (scanner: inout JSONScanner, _: String) throws(DiagnosticError) in try scanner.skipValue(depth: depth + 1) }
    case 0x5B:
      input.index += 1
      if try next("a value or ']'") == 0x5D {
        input.index += 1
        return
      }
      while true {
        try skipValue(depth: depth + 1)
        let c = try next("',' or ']'")
        input.index += 1
        if c == 0x5D { return }
        guard c == 0x2C else {
          input.index -= 1
          throw input.failure("expected ',' or ']' in a list, found \(Self.describe(c))")
        }
      }
    case 0x74: try literal("true")
    case 0x66: try literal("false")
    case 0x6E: try literal("null")
    case 0x2D, 0x30...0x39: try skipNumber()
    default: throw input.failure("expected a value, found \(Self.describe(b))")
    }
  }

  mutating func literal(_ word: String) throws(DiagnosticError) {
    for expected in word.utf8 {
      guard let b = try input.peek() else { throw input.failure("the file ends inside '\(word)': it is truncated") }
      guard b == expected else { throw input.failure("expected '\(word)'") }
      input.index += 1
    }
  }

  mutating func skipNumber() throws(DiagnosticError) {
    let start = input.offset
    var text: [UInt8] = []
    while let b = try input.peek(), b == 0x2D || b == 0x2B || b == 0x2E || b == 0x65 || b == 0x45 || (0x30...0x39).contains(b) {
      text.append(b)
      input.index += 1
      if text.count > 400 { break }
    }
    if (try? JSONDocument.parse(text, path: input.path)) == nil { throw input.failure("invalid number", at: start) }
  }

  /// Reads past a string, starting at its opening quote.
  mutating func skipString() throws(DiagnosticError) {
    let start = input.offset
    input.index += 1
    while true {
      while input.index < input.end {
        let b = input.buffer[input.index]
        input.index += 1
        if b == 0x22 { return }
        if b == 0x5C {
          guard let e = try input.peek() else { break }
          guard [0x22, 0x5C, 0x2F, 0x62, 0x66, 0x6E, 0x72, 0x74, 0x75].contains(e) else {
            throw input.failure("invalid escape '\\\(Character(UnicodeScalar(e)))' in a string")
          }
          input.index += 1
        } else if b < 0x20 {
          input.index -= 1
          throw input.failure("a control character inside a string (a string must end on its line)")
        }
      }
      if try !input.refill() { throw input.failure("the file ends inside a string: it is truncated", at: start) }
    }
  }

  /// After the top-level value: only white space may follow.
  mutating func expectEnd() throws(DiagnosticError) {
    try skipSpace()
    if let b = try input.peek() { throw input.failure("unexpected \(Self.describe(b)) after the end of the JSON document") }
  }
}
