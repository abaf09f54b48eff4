/// Reads values from a snapshot's compact binary form, checking every length and index.
///
/// A snapshot that is cut short or corrupt gives a `SnapshotError`, never a crash or a
/// partly read value.
package struct SnapshotReader {
  /// The bytes being read.
  private let bytes: [UInt8]
  /// The offset of the next byte.
  package private(set) var offset: Int
  /// The strings read so far, by index.
  private var strings: [String] = []
  /// How deeply nested the value being read is (formulas are recursive).
  package var depth = 0
  /// The deepest nesting accepted.
  package static let maximumDepth = 256

  /// Creates a reader over `bytes`, starting at `offset`.
  package init(_ bytes: [UInt8], offset: Int = 0) {
    self.bytes = bytes
    self.offset = offset
  }

  /// Whether every byte has been read.
  package var isAtEnd: Bool { offset == bytes.count }

  /// Reads a value.
  package mutating func read<T: SnapshotCodable>(_ type: T.Type = T.self) throws(SnapshotError) -> T {
    try T(from: &self)
  }

  /// An error at the current offset.
  package func error(_ description: String) -> SnapshotError { SnapshotError(description, at: offset) }

  /// Reads one byte.
  package mutating func readByte() throws(SnapshotError) -> UInt8 {
    guard offset < bytes.count else { throw error("the snapshot ends early") }
    defer { offset += 1 }
    return bytes[offset]
  }

  /// Reads an integer written by `SnapshotWriter.writeVarint`.
  package mutating func readVarint() throws(SnapshotError) -> Int {
    var bits: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      let byte = try readByte()
      guard shift < 64 else { throw error("an integer longer than 64 bits") }
      bits |= UInt64(byte & 0x7f) << shift
      if byte < 0x80 { break }
      shift += 7
    }
    let value = Int64(bitPattern: bits >> 1) ^ -Int64(bitPattern: bits & 1)
    return Int(value)
  }

  /// Reads a count of elements that follow: at least one byte each, so never more than are left.
  package mutating func readCount() throws(SnapshotError) -> Int {
    let count = try readVarint()
    guard count >= 0, count <= bytes.count - offset else { throw error("a count of \(count) elements") }
    return count
  }

  /// Reads a string written by `SnapshotWriter.writeString`.
  package mutating func readString() throws(SnapshotError) -> String {
    let reference = try readVarint()
    if reference > 0 {
      guard reference <= strings.count else { throw error("a reference to string \(reference) of \(strings.count)") }
      return strings[reference - 1]
    }
    guard reference == 0 else { throw error("a negative string reference") }
    let length = try readCount()
    guard let string = String(validating: bytes[offset..<offset + length], as: UTF8.self) else {
      throw error("a string that is not UTF-8")
    }
    offset += length
    strings.append(string)
    return string
  }

  /// Reads a tag and checks it is below `count` (the number of cases of an enum).
  package mutating func readTag(below count: UInt8) throws(SnapshotError) -> UInt8 {
    let tag = try readByte()
    guard tag < count else { throw error("tag \(tag) of \(count)") }
    return tag
  }
}
