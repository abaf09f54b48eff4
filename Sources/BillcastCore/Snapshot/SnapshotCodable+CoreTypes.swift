// How billcast's core values are written in a snapshot.

extension ExactDecimal: SnapshotCodable {
  package func write(to writer: inout SnapshotWriter) { raw.write(to: &writer) }
  package init(from reader: inout SnapshotReader) throws(SnapshotError) { self.init(raw: try reader.read()) }
}

extension CalendarDate: SnapshotCodable {
  package func write(to writer: inout SnapshotWriter) {
    writer.writeVarint(year)
    writer.writeVarint(month)
    writer.writeVarint(day)
  }
  package init(from reader: inout SnapshotReader) throws(SnapshotError) {
    let (year, month, day) = (try reader.readVarint(), try reader.readVarint(), try reader.readVarint())
    guard let date = CalendarDate(year: year, month: month, day: day) else {
      throw reader.error("the date \(year)-\(month)-\(day) does not exist")
    }
    self = date
  }
}

extension SourceLocation: SnapshotCodable {
  package func write(to writer: inout SnapshotWriter) {
    writer.write(file)
    writer.write(line)
    writer.write(column)
    writer.write(path)
  }
  package init(from reader: inout SnapshotReader) throws(SnapshotError) {
    self.init(file: try reader.read(), line: try reader.read(), column: try reader.read(), path: try reader.read())
  }
}

extension Formula: SnapshotCodable {
  package func write(to writer: inout SnapshotWriter) {
    switch self {
    case .number(let value):
      writer.writeByte(0)
      writer.write(value)
    case .name(let name):
      writer.writeByte(1)
      writer.write(name)
    case .negate(let operand):
      writer.writeByte(2)
      writer.write(operand)
    case .binary(let op, let a, let b):
      writer.writeByte(3)
      writer.write(op.rawValue)
      writer.write(a)
      writer.write(b)
    case .call(let function, let arguments):
      writer.writeByte(4)
      writer.write(function.rawValue)
      writer.write(arguments)
    case .range(let low, let high):
      writer.writeByte(5)
      writer.write(low)
      writer.write(high)
    }
  }

  package init(from reader: inout SnapshotReader) throws(SnapshotError) {
    reader.depth += 1
    defer { reader.depth -= 1 }
    guard reader.depth <= SnapshotReader.maximumDepth else { throw reader.error("a formula nested too deeply") }
    switch try reader.readTag(below: 6) {
    case 0: self = .number(try reader.read())
    case 1: self = .name(try reader.read())
    case 2: self = .negate(try reader.read())
    case 3:
      let symbol = try reader.readString()
      guard let op = BinaryOperator(rawValue: symbol) else { throw reader.error("an unknown operator '\(symbol)'") }
      self = .binary(op, try reader.read(), try reader.read())
    case 4:
      let name = try reader.readString()
      guard let function = Function(rawValue: name) else { throw reader.error("an unknown function '\(name)'") }
      self = .call(function, try reader.read())
    default: self = .range(try reader.read(), try reader.read())
    }
  }
}
