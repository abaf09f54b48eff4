extension Inflater {
  /// The order code-length code lengths come in (RFC 1951 3.2.7).
  private static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

  /// Reads a block header (and a stored block's lengths, or a dynamic block's code); false, with
  /// nothing used, when the input ends first.
  func readBlockHeader(_ input: UnsafeBufferPointer<UInt8>, _ position: inout Int) throws(GzipError) -> Bool {
    let saved = (bits, count, position)
    func restore() -> Bool {
      (bits, count, position) = saved
      return false
    }
    guard need(3, input, &position) else { return restore() }
    let header = take(3)
    switch header >> 1 {
    case 0:
      _ = take(count % 8)
      guard need(32, input, &position) else { return restore() }
      let length = take(16)
      if take(16) != ~length & 0xFFFF { throw failure(.storedLength, position) }
      state = .stored(length)
    case 1:
      useFixed = true
      state = .codes
    case 2:
      guard try readDynamicHeader(input, &position) else { return restore() }
      useFixed = false
      state = .codes
    default:
      throw failure(.reservedBlockType, position)
    }
    isFinal = header & 1 == 1
    return true
  }

  /// Reads a dynamic block's code lengths and builds its tables; false when the input ends first.
  private func readDynamicHeader(_ input: UnsafeBufferPointer<UInt8>, _ position: inout Int) throws(GzipError)
    -> Bool
  {
    guard need(14, input, &position) else { return false }
    let literalCount = take(5) + 257
    let distanceCount = take(5) + 1
    let codeLengthCount = take(4) + 4
    if literalCount > 286 || distanceCount > 30 { throw failure(.tooManyCodes, position) }
    var codeLengthLengths = [UInt8](repeating: 0, count: 19)
    for i in 0..<codeLengthCount {
      guard need(3, input, &position) else { return false }
      codeLengthLengths[Self.codeLengthOrder[i]] = UInt8(take(3))
    }
    if let wrong = codeLengthLengths.withUnsafeBufferPointer({ codeLengths.build($0) }) {
      throw failure(wrong, position)
    }
    let total = literalCount + distanceCount
    guard try readCodeLengths(total, input, &position) else { return false }
    if lengths[256] == 0 { throw failure(.missingEndOfBlock, position) }
    if let wrong = literals.build(UnsafeBufferPointer(start: lengths, count: literalCount))
      ?? distances.build(UnsafeBufferPointer(start: lengths + literalCount, count: distanceCount))
    {
      throw failure(wrong, position)
    }
    return true
  }

  /// Reads `total` code lengths into ``lengths`` with the code-length code; false when the input ends first.
  private func readCodeLengths(_ total: Int, _ input: UnsafeBufferPointer<UInt8>, _ position: inout Int)
    throws(GzipError) -> Bool
  {
    var i = 0
    while i < total {
      refillSlowly(input, &position)
      let e = codeLengths.entries[Int(bits & 127)]
      let length = Int(e & 31)
      if (e >> 13) & 7 == HuffmanTable.invalid { throw failure(.invalidCode, position) }
      guard length <= count else { return false }
      _ = take(length)
      let symbol = Int(e >> 16)
      if symbol < 16 {
        lengths[i] = UInt8(symbol)
        i += 1
        continue
      }
      let (extraBits, minimum) = symbol == 16 ? (2, 3) : symbol == 17 ? (3, 3) : (7, 11)
      guard need(extraBits, input, &position) else { return false }
      let repeats = minimum + take(extraBits)
      if symbol == 16 && i == 0 { throw failure(.repeatWithoutLength, position) }
      if i + repeats > total { throw failure(.tooManyLengths, position) }
      let value = symbol == 16 ? lengths[i - 1] : 0
      (lengths + i).update(repeating: value, count: repeats)
      i += repeats
    }
    return true
  }
}
