import Testing
@testable import BillcastCore

@Suite("YAML loading")
struct YAMLDocumentTests {
  @Test func aliasBombIsRejectedBeforeExpansion() {
    // The classic ten-wide anchor chain: 10^9 leaves once expanded, about 500 bytes of text.
    var text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
    for k in 1..<names.count {
      let p = names[k - 1]
      text += "\(names[k]): &\(names[k]) [*\(p), *\(p), *\(p), *\(p), *\(p), *\(p), *\(p), *\(p), *\(p), *\(p)]\n"
    }
    #expect(text.utf8.count < 600)
    do {
      _ = try YAMLDocument.parse(text, path: "bomb.yaml")
      Issue.record("the alias bomb loaded")
    } catch {
      #expect(error.diagnostics.first?.message.contains("more than 100000 nodes") == true)
    }
  }

  @Test func sizeIsCapped() {
    let text = "a: " + String(repeating: "x", count: 2000)
    #expect(throws: DiagnosticError.self) {
      try YAMLDocument.parse(text, path: "big.yaml", limits: YAMLLimits(maximumBytes: 1000))
    }
  }

  @Test func syntaxErrorsAndDuplicateKeysHaveLocations() {
    do {
      _ = try YAMLDocument.parse("a: [1, 2\nb: 3\n", path: "bad.yaml")
      Issue.record("loaded")
    } catch {
      let d = error.diagnostics[0]
      #expect(d.file == "bad.yaml" && d.line == 2 && d.description.hasPrefix("bad.yaml:2:"))
    }
    do {
      _ = try YAMLDocument.parse("a: 1\nb: 2\na: 3\n", path: "dup.yaml")
      Issue.record("loaded")
    } catch {
      #expect(error.diagnostics[0].message.contains("duplicate key 'a'"))
      #expect(error.diagnostics[0].line == 1)
    }
  }

  @Test func cursorCollectsEveryErrorWithItsPath() throws {
    let doc = try YAMLDocument.parse("name: x\ncount: 12abc\nrate: 0x10\nflag: yes\nwhen: 2025-13-01\n", path: "f.yaml")
    let collector = DiagnosticCollector()
    let root = YAMLCursor(document: doc, diagnostics: collector)
    let f = try #require(root.fields(["name", "count", "rate", "flag", "when"]))
    #expect(f["count"]?.decimal() == nil)
    #expect(f["rate"]?.decimal() == nil)
    #expect(f["flag"]?.bool() == nil)
    #expect(f["when"]?.date() == nil)
    #expect(f.required("missing") == nil)
    let text = collector.errors.map(\.description)
    #expect(
      text == [
        "f.yaml:1:1: error: missing required key 'missing'",
        "f.yaml:2:8: error: count: '12abc' is not a number (expected digits like 1000, 1_000, 0.25 or 1e6)",
        "f.yaml:3:7: error: rate: '0x10' is not a number (expected digits like 1000, 1_000, 0.25 or 1e6)",
        "f.yaml:4:7: error: flag: expected true or false, found 'yes'",
        "f.yaml:5:7: error: when: '2025-13-01' is not a date; expected YYYY-MM-DD, like 2025-07-15",
      ])
  }

  @Test func unknownKeysGetSuggestions() throws {
    let doc = try YAMLDocument.parse("reqests: 5\n", path: "f.yaml")
    let collector = DiagnosticCollector()
    _ = YAMLCursor(document: doc, diagnostics: collector).fields(["requests", "duration_ms"])
    #expect(collector.errors.first?.message.hasPrefix("unknown key 'reqests' (did you mean 'requests'?)") == true)
  }
}

@Suite("Small parts")
struct SmallPartsTests {
  @Test func sha256() {
    // FIPS 180-2 test vectors.
    #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(SHA256.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(
      SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
        == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    // FIPS 180-2: one million "a" (15,625 whole blocks, then a padding block).
    #expect(
      SHA256.hex([UInt8](repeating: 0x61, count: 1_000_000))
        == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    // Bytes that are not contiguous (copied first) and a string's UTF-8 (hashed in place; 360 bytes
    // with a two-byte é) give what Python's hashlib.sha256 gives for the same bytes.
    #expect(
      SHA256.hex(repeatElement(UInt8(0x61), count: 1000))
        == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    #expect(
      SHA256.hex(String(repeating: "billcast é ", count: 30).utf8)
        == "d72c6c965a02cc52b63a40ee730bca45712e57161fbc6c41d51078d153b5bd0a")
  }

  @Test func calendarDates() {
    #expect(CalendarDate("2025-02-29") == nil && CalendarDate("2024-02-29") != nil)
    #expect(CalendarDate("2024-1-01") == nil && CalendarDate("24-01-01") == nil)
    #expect(CalendarDate("2024-01-31")!.adding(months: 1) == CalendarDate("2024-02-29"))
    #expect(CalendarDate("2024-06-01")!.adding(months: 12) == CalendarDate("2025-06-01"))
    #expect(CalendarDate("2024-06-15")!.months(until: CalendarDate("2025-06-14")!) == 11)
  }

  @Test func spelling() {
    #expect(Spelling.suggestion(for: "duraton_ms", among: ["duration_ms", "memory_mb"]) == "duration_ms")
    #expect(Spelling.suggestion(for: "zzz", among: ["duration_ms"]) == nil)
  }
}
