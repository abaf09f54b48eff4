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
    while true {
      let start = input.index, end = input.end
      let stop = input.buffer.withUnsafeBufferPointer { b -> Int in
        var i = start
        // Indentation comes in runs of spaces: eight at a time.
        while i + 8 <= end
          && UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: UInt64.self) == 0x2020_2020_2020_2020
        { i += 8 }
        while i < end {
          let c = b[i]
          if c != 0x20 && c != 0x0A && c != 0x0D && c != 0x09 { break }
          i += 1
        }
        return i
      }
      input.index = stop
      if stop < end { return }
      if try !input.refill() { return }
    }
  }

  /// The next byte after white space; an error naming `what` at the end of the file.
  mutating func next(_ what: @autoclosure () -> String) throws(DiagnosticError) -> UInt8 {
    if input.index < input.end {
      let b = input.buffer[input.index]
      if b != 0x20 && b != 0x0A && b != 0x0D && b != 0x09 { return b }
    }
    try skipSpace()
    guard let b = try input.peek() else {
      throw input.failure("the file ends where \(what()) was expected: it is truncated")
    }
    return b
  }

  mutating func expect(_ byte: UInt8, _ what: StaticString) throws(DiagnosticError) {
    let b = try next("'\(what)'")
    guard b == byte else { throw input.failure("expected '\(what)', found \(Self.describe(b))") }
    input.index += 1
  }

  static func describe(_ b: UInt8) -> String {
    (0x21...0x7E).contains(b) ? "'\(Character(UnicodeScalar(b)))'" : String(format: "the byte 0x%02X", b)
  }

  // MARK: Structure

  /// Calls `member` with each key of an object, positioned at its value; `member` must read the
  /// value. A key given twice is an error at the second (as every other JSON billcast reads).
  mutating func object(_ member: (inout JSONScanner, String) throws(DiagnosticError) -> Void) throws(DiagnosticError) {
    try expect(0x7B, "{")
    if try next("a key or '}'") == 0x7D {
      input.index += 1
      return
    }
    var seen: [String: Int] = [:]
    while true {
      guard try next("a key") == 0x22 else {
        throw input.failure("expected a key (a string), found \(Self.describe(try next("a key")))")
      }
      let keyOffset = input.offset
      let key = try string()
      if let first = seen.updateValue(keyOffset, forKey: key) {
        let (line, column) = ByteReader.position(of: first, in: input.path)
        throw input.failure(
          "duplicate key '\(TerminalText.excerpt(key))' (first at line \(line), column \(column)); each key may appear once",
          at: keyOffset)
      }
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
    return try parse(Array(input.endCapture(captured)), at: start)
  }

  /// A value's bytes, cut from the file at offset `start`, as a tree; a problem (a duplicate
  /// key, say) is located where it is in the file (found again only when there is one).
  func parse(_ bytes: [UInt8], at start: Int) throws(DiagnosticError) -> JSONNode {
    do {
      return try JSONDocument.parse(bytes, path: input.path)
    } catch {
      let (line, column) = ByteReader.position(of: start, in: input.path)
      return try JSONDocument.parse(bytes, path: input.path, origin: JSONPosition(line: line, column: column))
    }
  }

  /// Reads past a value, checking its grammar, without keeping anything.
  mutating func skipValue(depth: Int) throws(DiagnosticError) {
    if depth > Self.maximumDepth { throw input.failure("the JSON nests deeper than \(Self.maximumDepth) levels") }
    let b = try next("a value")
    switch b {
    case 0x22:
      try skipString()
    case 0x7B:
      input.index += 1
      if try next("a key or '}'") == 0x7D {
        input.index += 1
        return
      }
      while true {
        let k = try next("a key")
        guard k == 0x22 else { throw input.failure("expected a key (a string), found \(Self.describe(k))") }
        try skipString()
        try expect(0x3A, ":")
        try skipValue(depth: depth + 1)
        let c = try next("',' or '}'")
        input.index += 1
        if c == 0x7D { return }
        guard c == 0x2C else {
          input.index -= 1
          throw input.failure("expected ',' or '}' after a value, found \(Self.describe(c))")
        }
      }
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
    while let b = try input.peek(),
      b == 0x2D || b == 0x2B || b == 0x2E || b == 0x65 || b == 0x45 || (0x30...0x39).contains(b)
    {
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
    var escaped = false
    while true {
      let from = input.index, end = input.end
      // Scan the buffer for the closing quote; 0: not found, 1: found, 2: a control character.
      let (stop, outcome, stillEscaped) = input.buffer.withUnsafeBufferPointer { b -> (Int, Int, Bool) in
        var i = from
        var esc = escaped
        while i < end {
          // Eight bytes at a time while none is a quote, a backslash or a control character.
          if !esc {
            while i + 8 <= end {
              let w = UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: UInt64.self)
              let q = w ^ 0x2222_2222_2222_2222, e = w ^ 0x5C5C_5C5C_5C5C_5C5C
              let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
              let special = ((q &- ones) & ~q) | ((e &- ones) & ~e) | ((w &- 0x2020_2020_2020_2020) & ~w)
              if special & highs != 0 { break }
              i += 8
            }
            if i >= end { break }
          }
          let c = b[i]
          if esc {
            if c != 0x22 && c != 0x5C && c != 0x2F && c != 0x62 && c != 0x66 && c != 0x6E && c != 0x72 && c != 0x74
              && c != 0x75
            {
              return (i, 3, false)
            }
            esc = false
          } else if c == 0x22 {
            return (i + 1, 1, false)
          } else if c == 0x5C {
            esc = true
          } else if c < 0x20 {
            return (i, 2, false)
          }
          i += 1
        }
        return (i, 0, esc)
      }
      input.index = stop
      escaped = stillEscaped
      switch outcome {
      case 1: return
      case 2: throw input.failure("a control character inside a string (a string must end on its line)")
      case 3: throw input.failure("invalid escape '\\\(Character(UnicodeScalar(input.buffer[stop])))' in a string")
      default:
        if try !input.refill() { throw input.failure("the file ends inside a string: it is truncated", at: start) }
      }
    }
  }

  /// The value of a string member `"key" : "value"` found by searching an object's bytes, when
  /// the value has no escapes; nil otherwise (the caller then reads the object properly).
  static func quickString(_ bytes: ArraySlice<UInt8>, key: String) -> String? {
    let pattern = Array(("\"" + key + "\"").utf8)
    return bytes.withUnsafeBufferPointer { b -> String? in
      let n = b.count, m = pattern.count
      var i = 0
      while i + m <= n {
        if b[i] == 0x22 && b[i + 1] == pattern[1] {
          var j = 2
          while j < m && b[i + j] == pattern[j] { j += 1 }
          if j == m {
            var k = i + m
            while k < n && (b[k] == 0x20 || b[k] == 0x0A || b[k] == 0x0D || b[k] == 0x09) { k += 1 }
            guard k < n && b[k] == 0x3A else { return nil }
            k += 1
            while k < n && (b[k] == 0x20 || b[k] == 0x0A || b[k] == 0x0D || b[k] == 0x09) { k += 1 }
            guard k < n && b[k] == 0x22 else { return nil }
            let start = k + 1
            var e = start
            while e < n && b[e] != 0x22 {
              if b[e] == 0x5C { return nil }
              e += 1
            }
            guard e < n else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: b[start..<e]), as: UTF8.self)
          }
        }
        i += 1
      }
      return nil
    }
  }

  /// After the top-level value: only white space may follow.
  mutating func expectEnd() throws(DiagnosticError) {
    try skipSpace()
    if let b = try input.peek() {
      throw input.failure("unexpected \(Self.describe(b)) after the end of the JSON document")
    }
  }
}
