/// A push decoder for gzip files (RFC 1952): feed it compressed bytes as they are read, take
/// decompressed bytes in pieces of the size you choose.
///
/// It checks each member's header (magic 1f 8b, method 8, no reserved flags, the optional extra
/// field, name, comment and header CRC-16) and trailer (CRC-32 and length modulo 2^32), and reads
/// any number of members one after another, as `cat a.gz b.gz` and AWS write them. Memory is the
/// 32 KB history in a 256 KB output buffer, the Huffman tables, and the input not yet used.
///
/// ```swift
/// let gzip = GzipDecoder()
/// gzip.feed(chunk)                                  // as read from the file
/// let n = try gzip.decode(into: buffer)            // 0: feed more (or, at the end, finish)
/// try gzip.finish()                                 // at the end of the file
/// ```
package final class GzipDecoder {
  private enum Phase {
    case header, body, trailer, between
  }

  private let inflater = Inflater()
  /// Input fed and not used yet, with up to 8 bytes before `position` the inflater may give back.
  private var input: [UInt8] = []
  private var position = 0
  /// The compressed offset of `input[0]`.
  private var inputBase = 0
  private var phase = Phase.header
  /// The first byte of the current member's output not yet taken, in the inflater's window.
  private var taken = 0
  private var crc = CRC32()
  private var size: UInt32 = 0
  /// An error found after some output of a call: thrown by the next call, so that all the bytes
  /// before it are taken first.
  private var pendingError: GzipError?
  /// The number of members read whole.
  package private(set) var members = 0

  /// A decoder at the start of a gzip file.
  package init() {}

  /// The compressed offset of the next byte to use.
  package var compressedOffset: Int { inputBase + position }

  /// Adds compressed bytes, the next ones of the file.
  package func feed(_ bytes: UnsafeBufferPointer<UInt8>) {
    let keep = max(0, position - 8)
    if keep > 0 {
      input.removeSubrange(0..<keep)
      position -= keep
      inputBase += keep
    }
    input.append(contentsOf: bytes)
  }

  /// Adds compressed bytes, the next ones of the file.
  package func feed(_ bytes: some Collection<UInt8>) {
    Array(bytes).withUnsafeBufferPointer { feed($0) }
  }

  /// Whether all the input fed has been used (feed more, or call ``finish()`` at the end).
  package var needsInput: Bool { position >= input.count && taken == inflater.outputEnd }

  /// Writes up to `output.count` decompressed bytes to the start of `output`; the number written,
  /// 0 when it needs more input or all members are done. An error comes after all the bytes
  /// decoded before it (from the next call, when this one has written some).
  package func decode(into output: UnsafeMutableBufferPointer<UInt8>) throws(GzipError) -> Int {
    var produced = 0
    while produced < output.count {
      if taken < inflater.outputEnd {
        let n = min(output.count - produced, inflater.outputEnd - taken)
        let bytes = UnsafeBufferPointer(start: inflater.window + taken, count: n)
        crc.update(bytes)
        size &+= UInt32(truncatingIfNeeded: n)
        (output.baseAddress! + produced).update(from: bytes.baseAddress!, count: n)
        taken += n
        produced += n
        continue
      }
      if let pendingError {
        if produced > 0 { break }
        throw pendingError
      }
      do throws(GzipError) {
        guard try step() else { break }
      } catch { pendingError = error }
    }
    return produced
  }

  /// Appends up to `maximum` decompressed bytes to `output`; the number appended, 0 when it needs
  /// more input or all members are done.
  package func decode(into output: inout [UInt8], maximum: Int) throws(GzipError) -> Int {
    let start = output.count
    output.append(contentsOf: repeatElement(0, count: maximum))
    do throws(GzipError) {
      let n = try output.withUnsafeMutableBufferPointer { b throws(GzipError) in
        try decode(into: UnsafeMutableBufferPointer(rebasing: b[start...]))
      }
      output.removeLast(maximum - n)
      return n
    } catch {
      output.removeLast(maximum)
      throw error
    }
  }

  /// Checks that the input ended between members; the truncation error (at the end of the input) otherwise.
  package func finish() throws(GzipError) {
    if phase != .between || members == 0 || position < input.count {
      throw GzipError(.truncated, at: inputBase + input.count)
    }
  }

  /// Advances one phase with all output taken; false when it needs more input.
  private func step() throws(GzipError) -> Bool {
    switch phase {
    case .header:
      guard try readHeader() else { return false }
    case .body:
      inflater.makeRoom()
      taken = inflater.outputEnd
      let status: Inflater.Status
      do throws(GzipError) {
        status = try input.withUnsafeBufferPointer { b throws(GzipError) in try inflater.inflate(b, &position) }
      } catch {
        throw GzipError(error.kind, at: inputBase + error.offset)
      }
      switch status {
      // What was decoded before the input ran out is taken first (then this step is tried again).
      case .needsInput: return inflater.outputEnd > taken
      case .outputFull: break
      case .endOfStream:
        inflater.giveBackBytes(&position)
        phase = .trailer
      }
    case .trailer:
      guard try readTrailer() else { return false }
    case .between:
      guard position < input.count else { return false }
      phase = .header
    }
    return true
  }

  /// Checks a member's CRC-32 and length; false when they are not all there yet.
  private func readTrailer() throws(GzipError) -> Bool {
    guard input.count - position >= 8 else { return false }
    let word = { (i: Int) in (0..<4).reduce(UInt32(0)) { $0 | UInt32(self.input[i + $1]) << (8 * $1) } }
    if word(position) != crc.value { throw GzipError(.checksumMismatch, at: compressedOffset) }
    if word(position + 4) != size { throw GzipError(.sizeMismatch, at: compressedOffset + 4) }
    position += 8
    members += 1
    phase = .between
    return true
  }

  /// Reads a member's header; false, with nothing used, when it is not all there yet.
  private func readHeader() throws(GzipError) -> Bool {
    let start = position
    let available = input.count - start
    if available >= 1 && input[start] != 0x1F || available >= 2 && input[start + 1] != 0x8B {
      throw GzipError(members == 0 ? .notGzip : .trailingData, at: compressedOffset)
    }
    guard available >= 10 else { return false }
    if input[start + 2] != 8 { throw GzipError(.unsupportedMethod(input[start + 2]), at: compressedOffset + 2) }
    let flags = input[start + 3]
    if flags & 0xE0 != 0 { throw GzipError(.reservedFlags, at: compressedOffset + 3) }
    var p = start + 10
    if flags & 0x04 != 0 {
      guard input.count - p >= 2 else { return false }
      p += 2 + Int(input[p]) + Int(input[p + 1]) << 8
      guard p <= input.count else { return false }
    }
    for flag: UInt8 in [0x08, 0x10] where flags & flag != 0 {
      guard let zero = input[p...].firstIndex(of: 0) else { return false }
      p = zero + 1
    }
    if flags & 0x02 != 0 {
      guard input.count - p >= 2 else { return false }
      let stored = UInt32(input[p]) | UInt32(input[p + 1]) << 8
      if stored != CRC32.checksum(input[start..<p]) & 0xFFFF {
        throw GzipError(.headerChecksum, at: inputBase + p)
      }
      p += 2
    }
    position = p
    inflater.reset()
    taken = 0
    crc = CRC32()
    size = 0
    phase = .body
    return true
  }
}
