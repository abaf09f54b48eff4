extension Inflater {
  /// Decodes a Huffman block's symbols: a fast loop while 8 input bytes and 258 bytes of room are
  /// there, then one symbol at a time. Nil when the block ends; otherwise why it stopped.
  ///
  /// Long on purpose: the fast loop keeps the bit buffer, positions and tables in locals, which is
  /// most of the decoder's speed.
  func decodeCodes(_ input: UnsafeBufferPointer<UInt8>, _ position: inout Int) throws(GzipError) -> Status? {
    let lit = useFixed ? fixedLiterals : literals
    let dist = useFixed ? fixedDistances : distances
    let lt = lit.entries, dt = dist.entries
    let literalMask = UInt64(1 << lit.primaryBits - 1), literalBits = UInt64(lit.primaryBits)
    let distanceMask = UInt64(1 << dist.primaryBits - 1), distanceBits = UInt64(dist.primaryBits)
    let w = window
    let limit = Self.capacity - 258
    if let base = input.baseAddress, position + 8 <= input.count, outputEnd <= limit {
      var b = bits, n = count, pos = position, out = outputEnd
      defer { (bits, count, position, outputEnd) = (b, n, pos, out) }
      let end = input.count
      while pos + 8 <= end && out <= limit {
        b |= UInt64(littleEndian: UnsafeRawPointer(base + pos).loadUnaligned(as: UInt64.self)) &<< UInt64(n)
        pos &+= (63 &- n) >> 3
        n |= 56
        var e = lt[Int(truncatingIfNeeded: b & literalMask)]
        if (e >> 13) & 7 == HuffmanTable.subtable {
          e = lt[Int(e >> 16) + Int(truncatingIfNeeded: (b >> literalBits) & ((1 &<< UInt64(e & 31)) &- 1))]
        }
        b >>= UInt64(e & 31)
        n &-= Int(e & 31)
        let kind = (e >> 13) & 7
        if kind == HuffmanTable.literal {
          w[out] = UInt8(truncatingIfNeeded: e >> 16)
          out &+= 1
          continue
        }
        if kind != HuffmanTable.base {
          if kind == HuffmanTable.endOfBlock {
            state = .blockHeader
            return nil
          }
          throw GzipError(.invalidCode, at: pos - (n + 7) / 8)
        }
        let lengthExtra = UInt64((e >> 8) & 31)
        let length = Int(e >> 16) &+ Int(truncatingIfNeeded: b & ((1 &<< lengthExtra) &- 1))
        b >>= lengthExtra
        n &-= Int(lengthExtra)
        var d = dt[Int(truncatingIfNeeded: b & distanceMask)]
        if (d >> 13) & 7 == HuffmanTable.subtable {
          d = dt[Int(d >> 16) + Int(truncatingIfNeeded: (b >> distanceBits) & ((1 &<< UInt64(d & 31)) &- 1))]
        }
        b >>= UInt64(d & 31)
        n &-= Int(d & 31)
        if (d >> 13) & 7 != HuffmanTable.base { throw GzipError(.invalidCode, at: pos - (n + 7) / 8) }
        let distanceExtra = UInt64((d >> 8) & 31)
        let distance = Int(d >> 16) &+ Int(truncatingIfNeeded: b & ((1 &<< distanceExtra) &- 1))
        b >>= distanceExtra
        n &-= Int(distanceExtra)
        if distance > out { throw GzipError(.distanceTooFar, at: pos - (n + 7) / 8) }
        Self.copyMatch(w, out, distance, length)
        out &+= length
      }
    }
    while true {
      if outputEnd > limit { return .outputFull }
      guard try decodeOneSymbol(input, &position, lit, dist) else { return .needsInput }
      if state != .codes { return nil }
    }
  }

  /// Decodes one symbol (with its match), using nothing unless all of it is there; false when the
  /// input ends first.
  private func decodeOneSymbol(
    _ input: UnsafeBufferPointer<UInt8>, _ position: inout Int, _ lit: HuffmanTable, _ dist: HuffmanTable
  ) throws(GzipError) -> Bool {
    refillSlowly(input, &position)
    var b = bits, n = count
    func lookup(_ table: HuffmanTable) throws(GzipError) -> UInt32? {
      var e = table.entries[Int(truncatingIfNeeded: b & UInt64(1 << table.primaryBits - 1))]
      if (e >> 13) & 7 == HuffmanTable.subtable {
        let index = (b >> UInt64(table.primaryBits)) & ((1 << UInt64(e & 31)) - 1)
        e = table.entries[Int(e >> 16) + Int(truncatingIfNeeded: index)]
      }
      let length = Int(e & 31)
      if length > n { return nil }
      b >>= UInt64(length)
      n -= length
      if (e >> 13) & 7 == HuffmanTable.invalid {
        (bits, count) = (b, n)
        throw failure(.invalidCode, position)
      }
      return e
    }
    func extra(_ e: UInt32) -> Int? {
      let k = Int((e >> 8) & 31)
      if k > n { return nil }
      let v = Int(e >> 16) + Int(truncatingIfNeeded: b & ((1 << UInt64(k)) - 1))
      b >>= UInt64(k)
      n -= k
      return v
    }
    guard let e = try lookup(lit) else { return false }
    switch (e >> 13) & 7 {
    case HuffmanTable.literal:
      window[outputEnd] = UInt8(truncatingIfNeeded: e >> 16)
      outputEnd += 1
    case HuffmanTable.endOfBlock:
      state = .blockHeader
    default:
      guard let length = extra(e), let d = try lookup(dist), let distance = extra(d) else { return false }
      if distance > outputEnd {
        (bits, count) = (b, n)
        throw failure(.distanceTooFar, position)
      }
      Self.copyMatch(window, outputEnd, distance, length)
      outputEnd += length
    }
    (bits, count) = (b, n)
    return true
  }
}
