/// A value that can be written to, and read back from, a snapshot's compact binary form.
///
/// Snapshots hold what billcast has already read and checked (the validated pricing tables), so
/// that a later run with the same input bytes can skip reading them again. A conformance writes
/// every stored property, in a fixed order, and reads them back in the same order.
package protocol SnapshotCodable {
  /// Writes the value.
  func write(to writer: inout SnapshotWriter)
  /// Reads a value written by `write(to:)`.
  init(from reader: inout SnapshotReader) throws(SnapshotError)
}

extension Int: SnapshotCodable {
  package func write(to writer: inout SnapshotWriter) { writer.writeVarint(self) }
  package init(from reader: inout SnapshotReader) throws(SnapshotError) { self = try reader.readVarint() }
}

extension Bool: SnapshotCodable {
  package func write(to writer: inout SnapshotWriter) { writer.writeByte(self ? 1 : 0) }
  package init(from reader: inout SnapshotReader) throws(SnapshotError) {
    switch try reader.readByte() {
    case 0: self = false
    case 1: self = true
    default: throw reader.error("a Bool that is neither 0 nor 1")
    }
  }
}

extension Int128: SnapshotCodable {
  package func write(to writer: inout SnapshotWriter) {
    let bits = UInt128(bitPattern: self)
    for i in 0..<16 { writer.writeByte(UInt8(truncatingIfNeeded: bits >> (UInt128(i) * 8))) }
  }
  package init(from reader: inout SnapshotReader) throws(SnapshotError) {
    var bits: UInt128 = 0
    for i in 0..<16 { bits |= UInt128(try reader.readByte()) << (UInt128(i) * 8) }
    self = Int128(bitPattern: bits)
  }
}

extension String: SnapshotCodable {
  package func write(to writer: inout SnapshotWriter) { writer.writeString(self) }
  package init(from reader: inout SnapshotReader) throws(SnapshotError) { self = try reader.readString() }
}

extension Optional: SnapshotCodable where Wrapped: SnapshotCodable {
  package func write(to writer: inout SnapshotWriter) {
    switch self {
    case .none: writer.writeByte(0)
    case .some(let value):
      writer.writeByte(1)
      value.write(to: &writer)
    }
  }
  package init(from reader: inout SnapshotReader) throws(SnapshotError) {
    switch try reader.readByte() {
    case 0: self = .none
    case 1: self = .some(try Wrapped(from: &reader))
    default: throw reader.error("an optional marker that is neither 0 nor 1")
    }
  }
}

extension Array: SnapshotCodable where Element: SnapshotCodable {
  package func write(to writer: inout SnapshotWriter) {
    writer.writeVarint(count)
    for element in self { element.write(to: &writer) }
  }
  package init(from reader: inout SnapshotReader) throws(SnapshotError) {
    let count = try reader.readCount()
    self = []
    reserveCapacity(count)
    for _ in 0..<count { append(try Element(from: &reader)) }
  }
}

/// Dictionaries are written with their keys sorted, so the same dictionary gives the same bytes.
extension Dictionary: SnapshotCodable where Key == String, Value: SnapshotCodable {
  package func write(to writer: inout SnapshotWriter) {
    writer.writeVarint(count)
    for key in keys.sorted() {
      key.write(to: &writer)
      self[key]!.write(to: &writer)
    }
  }
  package init(from reader: inout SnapshotReader) throws(SnapshotError) {
    let count = try reader.readCount()
    self = [:]
    reserveCapacity(count)
    for _ in 0..<count {
      let key = try reader.readString()
      guard self.updateValue(try Value(from: &reader), forKey: key) == nil else {
        throw reader.error("a dictionary key written twice")
      }
    }
  }
}
