import Foundation

/// A streaming DEFLATE (RFC 1951) decoder: stored, fixed-Huffman and dynamic-Huffman blocks.
///
/// It decodes into its own buffer, ``window``, which keeps the last 32 KB of output for matches to
/// copy from; the caller takes `window[start..<outputEnd]` after each call and, once it has taken
/// everything, calls ``makeRoom()`` before the next. Input is read from the caller's buffer at a
/// position the decoder advances; up to 8 bytes before it may still be held as bits, and are given
/// back at the end of the stream (``giveBackBytes(_:)``). Every step that needs more input than is
/// there (a block header, a symbol) is left undone until more comes, so input may arrive in pieces
/// of any size, one byte included.
package final class Inflater {
  /// Why ``inflate(_:_:)`` stopped.
  package enum Status: Equatable {
    /// It needs more input.
    case needsInput
    /// Its buffer is full: take the output and call ``makeRoom()``.
    case outputFull
    /// The final block has ended.
    case endOfStream
  }

  enum State: Equatable {
    case blockHeader
    case stored(Int)
    case codes
    case done
  }

  /// How far back a match may reach.
  static let historySize = 32768
  /// The size of ``window``, history included.
  static let capacity = 1 << 18
  /// Decoded bytes: `window[0..<outputEnd]`, the last ``historySize`` of them history.
  package let window: UnsafeMutablePointer<UInt8>
  /// The end of the decoded bytes in ``window``.
  package internal(set) var outputEnd = 0
  /// Input bits not yet used, the oldest in the low bits; `bits >> count` is zero or the input's next bits.
  var bits: UInt64 = 0
  /// The number of bits in ``bits``.
  var count = 0
  var state = State.blockHeader
  /// Whether the current block is the stream's last.
  var isFinal = false
  var useFixed = false
  let fixedLiterals = HuffmanTable(.literalLength)
  let fixedDistances = HuffmanTable(.distance)
  let literals = HuffmanTable(.literalLength)
  let distances = HuffmanTable(.distance)
  let codeLengths = HuffmanTable(.codeLength)
  /// Code lengths of a dynamic block, literal/length then distance.
  let lengths = UnsafeMutablePointer<UInt8>.allocate(capacity: 320)

  /// A decoder at the start of a stream.
  package init() {
    window = .allocate(capacity: Self.capacity + 16)
    window.initialize(repeating: 0, count: Self.capacity + 16)
    lengths.initialize(repeating: 0, count: 320)
    var fixed = [UInt8](repeating: 8, count: 288)
    for i in 144..<256 { fixed[i] = 9 }
    for i in 256..<280 { fixed[i] = 7 }
    // The fixed codes are complete and well formed: building them cannot fail.
    fixed.withUnsafeBufferPointer { fixedLiterals.build($0) }
    [UInt8](repeating: 5, count: 32).withUnsafeBufferPointer { fixedDistances.build($0) }
  }

  deinit {
    window.deallocate()
    lengths.deallocate()
  }

  /// Starts a new stream: no history, no held bits.
  package func reset() {
    bits = 0
    count = 0
    state = .blockHeader
    isFinal = false
    outputEnd = 0
  }

  /// Keeps only the last 32 KB of output when the buffer is nearly full; call it only once all
  /// output has been taken.
  package func makeRoom() {
    guard outputEnd > Self.capacity - 65536 else { return }
    memmove(window, window + outputEnd - Self.historySize, Self.historySize)
    outputEnd = Self.historySize
  }

  /// After the end of the stream: drops the bits left of the last byte and moves `position` back
  /// over the whole bytes still held, which follow the stream.
  package func giveBackBytes(_ position: inout Int) {
    position -= count / 8
    bits = 0
    count = 0
  }

  /// Decodes from `input[position...]` into ``window`` until it needs input, its buffer is full
  /// or the stream ends; advances `position` over the input used.
  package func inflate(_ input: UnsafeBufferPointer<UInt8>, _ position: inout Int) throws(GzipError) -> Status {
    while true {
      switch state {
      case .done: return .endOfStream
      case .blockHeader:
        if isFinal {
          state = .done
          continue
        }
        guard try readBlockHeader(input, &position) else { return .needsInput }
      case .stored(let remaining):
        if let status = copyStored(remaining, input, &position) { return status }
      case .codes:
        if let status = try decodeCodes(input, &position) { return status }
      }
    }
  }

  /// An error found just before `position`, at the byte the next unused bit comes from.
  func failure(_ kind: GzipError.Kind, _ position: Int) -> GzipError {
    GzipError(kind, at: max(0, position - (count + 7) / 8))
  }

  /// Moves input bytes into ``bits`` one at a time, up to 56 or more bits, or as many as there are.
  @inline(__always)
  func refillSlowly(_ input: UnsafeBufferPointer<UInt8>, _ position: inout Int) {
    bits &= count == 0 ? 0 : ~0 >> UInt64(64 - count)
    while count < 56 && position < input.count {
      bits |= UInt64(input[position]) << UInt64(count)
      position += 1
      count += 8
    }
  }

  /// Whether `n` bits are there (reading input for them).
  @inline(__always)
  func need(_ n: Int, _ input: UnsafeBufferPointer<UInt8>, _ position: inout Int) -> Bool {
    if count < n { refillSlowly(input, &position) }
    return count >= n
  }

  /// Uses the next `n` bits (there must be that many).
  @inline(__always)
  func take(_ n: Int) -> Int {
    let v = Int(truncatingIfNeeded: bits & ((1 << UInt64(n)) &- 1))
    bits >>= UInt64(n)
    count -= n
    return v
  }

  /// Copies a stored block's bytes: first those held as bits, then straight from the input.
  private func copyStored(_ remaining: Int, _ input: UnsafeBufferPointer<UInt8>, _ position: inout Int) -> Status? {
    var left = remaining
    while left > 0 && count >= 8 && outputEnd < Self.capacity {
      window[outputEnd] = UInt8(truncatingIfNeeded: bits)
      bits >>= 8
      count -= 8
      outputEnd += 1
      left -= 1
    }
    if count == 0 {
      bits = 0
      let n = min(left, input.count - position, Self.capacity - outputEnd)
      if n > 0 {
        (window + outputEnd).update(from: input.baseAddress! + position, count: n)
        position += n
        outputEnd += n
        left -= n
      }
    }
    if left == 0 {
      state = .blockHeader
      return nil
    }
    state = .stored(left)
    return outputEnd == Self.capacity ? .outputFull : .needsInput
  }

  /// Copies a match of `length` bytes from `distance` back; may write up to 7 bytes past its end.
  @inline(__always)
  static func copyMatch(_ w: UnsafeMutablePointer<UInt8>, _ out: Int, _ distance: Int, _ length: Int) {
    var dst = w + out
    var src = dst - distance
    let stop = dst + length
    if distance >= 8 {
      repeat {
        UnsafeMutableRawPointer(dst).storeBytes(
          of: UnsafeRawPointer(src).loadUnaligned(as: UInt64.self), as: UInt64.self)
        dst += 8
        src += 8
      } while dst < stop
    } else if distance == 1 {
      dst.update(repeating: src.pointee, count: length)
    } else {
      repeat {
        dst.pointee = src.pointee
        dst += 1
        src += 1
      } while dst < stop
    }
  }
}
