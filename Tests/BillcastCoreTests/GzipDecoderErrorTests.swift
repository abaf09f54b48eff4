import BillcastCore
import Foundation
import Testing

/// Corrupt gzip and DEFLATE data: each fault its own error, at the compressed byte it was found.
@Suite("GzipDecoder errors")
struct GzipDecoderErrorTests {
  /// Writes DEFLATE's bits: values least significant bit first, Huffman codes most significant first.
  struct BitWriter {
    var bytes: [UInt8] = []
    var bitCount = 0

    mutating func write(_ value: Int, _ n: Int) {
      for i in 0..<n {
        if bitCount % 8 == 0 { bytes.append(0) }
        bytes[bytes.count - 1] |= UInt8((value >> i) & 1) << (bitCount % 8)
        bitCount += 1
      }
    }

    mutating func code(_ value: Int, _ n: Int) {
      for i in (0..<n).reversed() { write((value >> i) & 1, 1) }
    }
  }

  /// A gzip header (no flags), `deflate`, and a zero trailer.
  static func member(_ deflate: [UInt8]) -> [UInt8] {
    [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3] + deflate + [UInt8](repeating: 0, count: 8)
  }

  static let level9: [UInt8] = (try? GzipDecoderTests.fixture("level9.csv.gz")) ?? []

  @Test("a wrong CRC-32 in the trailer: CRC-32 mismatch at the trailer's byte")
  func corruptCRC() {
    var data = Self.level9
    data[data.count - 8] ^= 1
    let error = GzipDecoderTests.error(data)
    #expect(error == GzipError(.checksumMismatch, at: data.count - 8))
    #expect(error?.description == "CRC-32 mismatch at byte \(data.count - 8): the data is corrupt")
  }

  @Test("a wrong ISIZE: a size mismatch at its byte")
  func wrongSize() {
    var data = Self.level9
    data[data.count - 4] ^= 1
    #expect(GzipDecoderTests.error(data) == GzipError(.sizeMismatch, at: data.count - 4))
  }

  @Test("a stream cut short, inside the data or the trailer: truncated")
  func truncated() {
    for cut in [1, 4, 9, 200] {
      let data = Array(Self.level9.dropLast(cut))
      let error = GzipDecoderTests.error(data)
      #expect(error?.kind == .truncated, "cut \(cut)")
      #expect(error?.description == "the file ends inside gzip data: it is truncated")
    }
    // Only part of the header.
    #expect(GzipDecoderTests.error([0x1F, 0x8B, 8])?.kind == .truncated)
  }

  @Test("block type 3 is reserved: corrupt at the block's byte (10, just after the header)")
  func blockType3() {
    var w = BitWriter()
    w.write(1, 1)  // BFINAL
    w.write(3, 2)  // BTYPE 11
    let error = GzipDecoderTests.error(Self.member(w.bytes))
    #expect(error == GzipError(.reservedBlockType, at: 10))
    #expect(error?.description == "the gzip data is corrupt at byte 10: a block has type 3, which is reserved")
  }

  @Test("a match before any output: a distance reaches before the start of the data")
  func distanceTooFar() {
    var w = BitWriter()
    w.write(1, 1)
    w.write(1, 2)  // fixed Huffman
    w.code(0b000_0001, 7)  // symbol 257: length 3
    w.code(0, 5)  // distance code 0: distance 1, with nothing before it
    w.code(0, 7)  // end of block
    let error = GzipDecoderTests.error(Self.member(w.bytes))
    #expect(error?.kind == .distanceTooFar)
    #expect(error?.description.hasSuffix(": a distance reaches before the start of the data") == true)
  }

  @Test("19 code-length codes all of length 1: an over-subscribed Huffman code")
  func oversubscribed() {
    var w = BitWriter()
    w.write(1, 1)
    w.write(2, 2)  // dynamic Huffman
    w.write(0, 5)  // HLIT 257
    w.write(0, 5)  // HDIST 1
    w.write(15, 4)  // HCLEN 19
    for _ in 0..<19 { w.write(1, 3) }  // 19 codes of 1 bit: 2 fit
    #expect(GzipDecoderTests.error(Self.member(w.bytes))?.kind == .oversubscribedCode)
  }

  @Test("a stored block whose length and complement disagree")
  func storedLength() {
    var w = BitWriter()
    w.write(1, 1)
    w.write(0, 2)  // stored
    w.write(0, 5)  // to the byte boundary
    w.write(5, 16)
    w.write(5, 16)  // NLEN should be 0xFFFA
    #expect(GzipDecoderTests.error(Self.member(w.bytes))?.kind == .storedLength)
  }

  @Test("a bad magic, a method other than 8, reserved flags, a bad header CRC-16: each its error")
  func badHeaders() {
    var data = Self.level9
    data[0] = 0x50
    #expect(GzipDecoderTests.error(data) == GzipError(.notGzip, at: 0))
    data = Self.level9
    data[2] = 7
    #expect(GzipDecoderTests.error(data) == GzipError(.unsupportedMethod(7), at: 2))
    data = Self.level9
    data[3] = 0x20
    #expect(GzipDecoderTests.error(data) == GzipError(.reservedFlags, at: 3))
    var header = (try? GzipDecoderTests.fixture("header-fields.csv.gz")) ?? []
    // FHCRC follows the 10-byte header, the 2-byte XLEN and its 6 bytes, "text.csv\0" and "a comment\0".
    let hcrc = 10 + 2 + 6 + 9 + 10
    header[hcrc] ^= 1
    #expect(GzipDecoderTests.error(header) == GzipError(.headerChecksum, at: hcrc))
  }

  @Test("bytes after a member that are not another member are an error, not ignored")
  func trailingData() {
    let data = Self.level9 + [0, 0]
    #expect(GzipDecoderTests.error(data) == GzipError(.trailingData, at: Self.level9.count))
  }

  @Test("fed one byte at a time, each corrupt stream gives the same error at the same byte")
  func sameErrorInPieces() {
    var crc = Self.level9
    crc[crc.count - 8] ^= 1
    var fixed = BitWriter()
    fixed.write(1, 1)
    fixed.write(1, 2)
    for _ in 0..<20 { fixed.code(0b0011_0000 + 0x41, 8) }  // twenty 'A's (literals 0-143: 0x30 + value)
    fixed.code(0b000_0001, 7)
    fixed.code(0b11111, 5)  // distance code 31: not a distance
    var magic = Self.level9
    magic[1] = 0
    for data in [crc, Array(Self.level9.dropLast(3)), Self.member(fixed.bytes), magic, Self.level9 + [0x1F]] {
      let whole = GzipDecoderTests.error(data)
      #expect(whole != nil)
      #expect(GzipDecoderTests.error(data, piece: 1) == whole)
    }
  }

  @Test("the bytes before an error are all delivered first: a CRC-32 mismatch after the whole text")
  func outputBeforeError() throws {
    var data = Self.level9
    data[data.count - 8] ^= 1
    let gzip = GzipDecoder()
    gzip.feed(data)
    var out: [UInt8] = []
    #expect(throws: GzipError(.checksumMismatch, at: data.count - 8)) {
      while try gzip.decode(into: &out, maximum: 100_000) > 0 {}
    }
    #expect(out == (try GzipDecoderTests.fixture("text.csv")))
  }

  @Test("a stream cut inside its DEFLATE data delivers what was decoded before the cut, then the truncation")
  func outputBeforeTruncation() throws {
    // Without its 8-byte trailer and the last byte of DEFLATE data: at most the symbols in that
    // byte (the end of block, a match or two of at most 258 bytes) are lost, the rest delivered.
    let data = Array(Self.level9.dropLast(9))
    let text = try GzipDecoderTests.fixture("text.csv")
    for piece in [data.count, 1] {
      let gzip = GzipDecoder()
      var out: [UInt8] = []
      var fed = 0
      while true {
        if try gzip.decode(into: &out, maximum: min(piece, 1 << 16)) > 0 { continue }
        if fed == data.count { break }
        gzip.feed(data[fed..<min(data.count, fed + piece)])
        fed = min(data.count, fed + piece)
      }
      #expect(throws: GzipError(.truncated, at: data.count)) { try gzip.finish() }
      #expect(out.count > text.count - 2 * 258, "fed \(piece) at a time")
      #expect(Array(text[..<out.count]) == out)
    }
  }
}
