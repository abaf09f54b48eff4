/// The CRC-32 of gzip, zlib and PNG (reflected polynomial 0xEDB88320, initial value and final
/// XOR 0xFFFFFFFF), computed eight bytes at a time (slicing-by-8).
///
/// Its check value, the CRC-32 of the ASCII bytes `123456789`, is 0xCBF43926 (RFC 3720 B.4;
/// the CRC catalogue's CRC-32/ISO-HDLC).
package struct CRC32 {
  /// Eight 256-entry tables: `tables[k * 256 + b]` is the CRC of byte `b` followed by `k` zero bytes.
  private static let tables: [UInt32] = {
    var t = [UInt32](repeating: 0, count: 8 * 256)
    for b in 0..<256 {
      var c = UInt32(b)
      for _ in 0..<8 { c = c & 1 != 0 ? (c >> 1) ^ 0xEDB8_8320 : c >> 1 }
      t[b] = c
    }
    for k in 1..<8 {
      for b in 0..<256 {
        let previous = t[(k - 1) * 256 + b]
        t[k * 256 + b] = (previous >> 8) ^ t[Int(previous & 0xFF)]
      }
    }
    return t
  }()

  /// The CRC of the bytes so far.
  package private(set) var value: UInt32 = 0

  /// A CRC of no bytes.
  package init() {}

  /// The CRC-32 of a byte sequence.
  package static func checksum(_ bytes: some Sequence<UInt8>) -> UInt32 {
    var crc = CRC32()
    let array = Array(bytes)
    array.withUnsafeBufferPointer { crc.update($0) }
    return crc.value
  }

  /// Adds bytes to the CRC.
  package mutating func update(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard var p = bytes.baseAddress else { return }
    var n = bytes.count
    var c = ~value
    Self.tables.withUnsafeBufferPointer { tp in
      let t = tp.baseAddress!
      while n >= 8 {
        let word = UnsafeRawPointer(p).loadUnaligned(as: UInt64.self).littleEndian
        let lo = UInt32(truncatingIfNeeded: word) ^ c
        let hi = UInt32(truncatingIfNeeded: word >> 32)
        c =
          t[7 * 256 + Int(lo & 0xFF)] ^ t[6 * 256 + Int((lo >> 8) & 0xFF)]
          ^ t[5 * 256 + Int((lo >> 16) & 0xFF)] ^ t[4 * 256 + Int(lo >> 24)]
          ^ t[3 * 256 + Int(hi & 0xFF)] ^ t[2 * 256 + Int((hi >> 8) & 0xFF)]
          ^ t[1 * 256 + Int((hi >> 16) & 0xFF)] ^ t[Int(hi >> 24)]
        p += 8
        n -= 8
      }
      while n > 0 {
        c = (c >> 8) ^ t[Int((c ^ UInt32(p.pointee)) & 0xFF)]
        p += 1
        n -= 1
      }
    }
    value = ~c
  }
}
