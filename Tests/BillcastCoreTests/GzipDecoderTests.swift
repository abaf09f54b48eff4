import BillcastCore
import Foundation
import Testing

/// The pure-Swift gzip (RFC 1952) and DEFLATE (RFC 1951) decoder, against files Python's gzip and
/// zlib made (Tests/Fixtures/gzip/README.md has each command) and hand-built corrupt streams.
@Suite("GzipDecoder")
struct GzipDecoderTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/gzip")

  static func fixture(_ name: String) throws -> [UInt8] {
    Array(try Data(contentsOf: fixtures.appendingPathComponent(name)))
  }

  /// Decodes `data` fed in pieces of `piece` bytes, taking at most `take` bytes per call.
  static func decode(_ data: [UInt8], piece: Int = 1 << 20, take: Int = 1 << 16) throws(GzipError) -> [UInt8] {
    let gzip = GzipDecoder()
    var out: [UInt8] = []
    var i = 0
    while true {
      while try gzip.decode(into: &out, maximum: take) > 0 {}
      if i == data.count { break }
      gzip.feed(data[i..<min(data.count, i + piece)])
      i = min(data.count, i + piece)
    }
    try gzip.finish()
    return out
  }

  /// The error decoding `data` gives (nil if none).
  static func error(_ data: [UInt8], piece: Int = 1 << 20) -> GzipError? {
    do {
      _ = try decode(data, piece: piece, take: min(piece, 1 << 16))
      return nil
    } catch { return error }
  }

  /// The 300 KB text window.csv.gz holds, made the same way as the README's Python command.
  static var windowText: [UInt8] {
    let w = [
      "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliett", "kilo", "lima",
      "mike",
    ]
    return Array((0..<12000).map { i in "line \(i % 1000) of \(w[i * 7 % 13]), \(w[i % 11])\n" }.joined().utf8)
  }

  @Test("CRC-32 of \"123456789\" is 0xCBF43926, the check value (RFC 3720 B.4; CRC catalogue CRC-32/ISO-HDLC)")
  func crcCheckValue() {
    #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
    #expect(CRC32.checksum([]) == 0)
    // Eight bytes at a time and one at a time agree: 1,000 bytes, split at 3 (not a multiple of 8).
    let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
    var crc = CRC32()
    bytes[..<3].withUnsafeBufferPointer { crc.update($0) }
    bytes[3...].withUnsafeBufferPointer { crc.update($0) }
    #expect(crc.value == CRC32.checksum(bytes))
  }

  @Test(
    "each fixture decompresses to its original byte for byte",
    arguments: [
      "level0.csv.gz", "level1.csv.gz", "level9.csv.gz", "fixed.csv.gz", "two-members.csv.gz",
      "header-fields.csv.gz",
    ])
  func fixtureMatchesOriginal(name: String) throws {
    let original = try Self.fixture("text.csv")
    #expect(original.count == 7198)
    #expect(try Self.decode(try Self.fixture(name)) == original)
  }

  @Test("an empty file compressed decompresses to nothing")
  func emptyFile() throws {
    #expect(try Self.decode(try Self.fixture("empty.gz")) == [])
  }

  @Test("300 KB of text, past the 256 KB buffer: matches reach back across the history's slide")
  func windowWrap() throws {
    let text = Self.windowText
    #expect(text.count == 302_877)
    #expect(try Self.decode(try Self.fixture("window.csv.gz")) == text)
    // Taken 1,000 bytes at a time, fed 4,096 at a time: the same.
    #expect(try Self.decode(try Self.fixture("window.csv.gz"), piece: 4096, take: 1000) == text)
  }

  @Test(
    "fed one byte at a time and taken 7 bytes at a time, the output is the same as fed whole",
    arguments: ["level0.csv.gz", "level9.csv.gz", "fixed.csv.gz", "two-members.csv.gz", "header-fields.csv.gz"])
  func byteAtATime(name: String) throws {
    let data = try Self.fixture(name)
    #expect(try Self.decode(data, piece: 1, take: 7) == (try Self.decode(data)))
  }

  @Test("two members: the decoder counts both")
  func membersCounted() throws {
    let gzip = GzipDecoder()
    gzip.feed(try Self.fixture("two-members.csv.gz"))
    var out: [UInt8] = []
    while try gzip.decode(into: &out, maximum: 1 << 16) > 0 {}
    try gzip.finish()
    #expect(gzip.members == 2)
    #expect(out.count == 7198)
  }
}
