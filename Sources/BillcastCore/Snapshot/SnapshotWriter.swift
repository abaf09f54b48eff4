/// Writes values into a snapshot's compact binary form.
///
/// Integers are variable-length (zig-zag, 7 bits a byte); a string is written once and then
/// referred to by its index, so the paths and ids a table repeats cost a few bytes each.
package struct SnapshotWriter {
  /// The bytes written so far.
  package private(set) var bytes: [UInt8] = []
  /// The index of each string already written.
  private var strings: [String: Int] = [:]

  /// Creates an empty writer.
  package init() {}

  /// Writes a value.
  package mutating func write(_ value: some SnapshotCodable) { value.write(to: &self) }

  /// Writes one byte.
  package mutating func writeByte(_ byte: UInt8) { bytes.append(byte) }

  /// Writes an integer, zig-zag encoded in 7-bit groups.
  package mutating func writeVarint(_ value: Int) {
    var bits = UInt64(bitPattern: Int64((value << 1) ^ (value >> (Int.bitWidth - 1))))
    while bits >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: bits) | 0x80)
      bits >>= 7
    }
    bytes.append(UInt8(bits))
  }

  /// Writes a string: 0 and its UTF-8 bytes the first time, its index plus one after that.
  package mutating func writeString(_ string: String) {
    if let index = strings[string] {
      writeVarint(index + 1)
      return
    }
    strings[string] = strings.count
    writeVarint(0)
    writeVarint(string.utf8.count)
    bytes.append(contentsOf: string.utf8)
  }
}
