/// A canonical Huffman code (RFC 1951 3.2.2) as a lookup table: the next `primaryBits` bits of
/// the stream index an entry; codes longer than that go through a second-level table.
///
/// An entry is a `UInt32`: bits 0-4 the code's length (for a second-level pointer, that table's
/// index bits), bits 8-12 the extra bits to read, bits 13-15 the kind (``literal``, ``base``,
/// ``endOfBlock``, ``subtable``, ``invalid``), bits 16-31 the literal, base value or subtable start.
package final class HuffmanTable {
  /// A literal byte (or a code-length symbol).
  static let literal: UInt32 = 0
  /// A length or distance: a base value plus extra bits.
  static let base: UInt32 = 1
  /// The end-of-block symbol (256).
  static let endOfBlock: UInt32 = 2
  /// A pointer to a second-level table.
  static let subtable: UInt32 = 3
  /// A code the table does not define, or a symbol that may not be used.
  static let invalid: UInt32 = 4

  /// What the symbols of a code mean.
  enum Alphabet {
    /// Literal bytes, end of block and lengths (symbols 0-287).
    case literalLength
    /// Distances (symbols 0-31).
    case distance
    /// Code lengths (symbols 0-18).
    case codeLength
  }

  static let lengthBase: [UInt32] = [
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258,
  ]
  static let lengthExtra: [UInt32] = [
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
  ]
  static let distanceBase: [UInt32] = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145,
    8193, 12289, 16385, 24577,
  ]
  static let distanceExtra: [UInt32] = [
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
  ]

  /// The entries: the primary table, then second-level tables.
  let entries: UnsafeMutablePointer<UInt32>
  /// The number of bits the primary table is indexed by.
  let primaryBits: Int
  private let alphabet: Alphabet
  private let capacity: Int

  /// An empty table for an alphabet.
  init(_ alphabet: Alphabet) {
    self.alphabet = alphabet
    switch alphabet {
    case .literalLength: (primaryBits, capacity) = (10, 1024 + 288 * 32)
    case .distance: (primaryBits, capacity) = (8, 256 + 32 * 128)
    case .codeLength: (primaryBits, capacity) = (7, 128)
    }
    entries = .allocate(capacity: capacity)
    entries.initialize(repeating: Self.invalid << 13, count: capacity)
  }

  deinit { entries.deallocate() }

  /// The entry for a symbol of code length `length`.
  private func entry(_ symbol: Int, length: Int) -> UInt32 {
    let len = UInt32(length)
    switch alphabet {
    case .codeLength: return UInt32(symbol) << 16 | len
    case .literalLength:
      if symbol < 256 { return UInt32(symbol) << 16 | len }
      if symbol == 256 { return Self.endOfBlock << 13 | len }
      if symbol > 285 { return Self.invalid << 13 | len }
      let i = symbol - 257
      return Self.lengthBase[i] << 16 | Self.base << 13 | Self.lengthExtra[i] << 8 | len
    case .distance:
      if symbol > 29 { return Self.invalid << 13 | len }
      return Self.distanceBase[symbol] << 16 | Self.base << 13 | Self.distanceExtra[symbol] << 8 | len
    }
  }

  /// Builds the table from each symbol's code length (0: no code). A code may be incomplete only
  /// when it has a single code of length 1, or none (RFC 1951 3.2.7; zlib allows the same), and
  /// never for code lengths. Nil when built; otherwise what is wrong with the lengths.
  @discardableResult
  func build(_ lengths: UnsafeBufferPointer<UInt8>) -> GzipError.Kind? {
    var count = [Int](repeating: 0, count: 16)
    for l in lengths { count[Int(l)] += 1 }
    count[0] = 0
    var left = 1
    var maxLength = 0
    for len in 1...15 {
      left = left << 1 - count[len]
      if left < 0 { return .oversubscribedCode }
      if count[len] > 0 { maxLength = len }
    }
    if left > 0 && maxLength > 0 && (alphabet == .codeLength || maxLength != 1) { return .incompleteCode }
    var next = [Int](repeating: 0, count: 16)
    var code = 0
    for len in 1...15 {
      code = (code + count[len - 1]) << 1
      next[len] = code
    }
    let p = primaryBits
    let subBits = max(0, maxLength - p)
    entries.update(repeating: Self.invalid << 13, count: 1 << p)
    var used = 1 << p
    for (symbol, l) in lengths.enumerated() where l > 0 {
      let len = Int(l)
      var reversed = 0
      var c = next[len]
      next[len] += 1
      for _ in 0..<len {
        reversed = reversed << 1 | c & 1
        c >>= 1
      }
      let e = entry(symbol, length: len)
      if len <= p {
        for i in stride(from: reversed, to: 1 << p, by: 1 << len) { entries[i] = e }
        continue
      }
      let prefix = reversed & (1 << p - 1)
      if (entries[prefix] >> 13) & 7 != Self.subtable {
        entries[prefix] = UInt32(used) << 16 | Self.subtable << 13 | UInt32(subBits)
        (entries + used).update(repeating: Self.invalid << 13, count: 1 << subBits)
        used += 1 << subBits
      }
      let start = Int(entries[prefix] >> 16)
      for i in stride(from: reversed >> p, to: 1 << subBits, by: 1 << (len - p)) { entries[start + i] = e }
    }
    assert(used <= capacity)
    return nil
  }
}
