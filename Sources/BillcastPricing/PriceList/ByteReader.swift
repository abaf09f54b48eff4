import BillcastCore
import Foundation

/// Reads a file in chunks, keeping only what the reader still needs, so that a multi-gigabyte
/// offer file is read in bounded memory.
///
/// A gzip file (one starting with 1f 8b, as AWS Data Exports writes `.csv.gz`) is decompressed
/// as it is read: offsets, captures and errors are then in the decompressed bytes.
///
/// A caller may mark a start (``beginCapture()``) to keep the bytes of one value (a product, a
/// term, a CSV row) until it ends; the buffer grows for it up to ``maximumCapture`` bytes.
package struct ByteReader {
  /// The largest single value kept whole.
  package static let maximumCapture = 64 << 20

  package let path: String
  /// What the file is, for errors: `offer file`, `bill`.
  package let kind: String
  private let fd: Int32
  /// The decoder of a gzip file; nil for a plain one.
  private let gzip: GzipDecoder?
  /// Compressed bytes as read from a gzip file.
  private var compressed: [UInt8] = []
  /// The number of bytes read from the file (for a gzip file, compressed).
  private var fileBytesRead = 0
  /// The window of the file in memory: bytes `start..<end` are unread or captured.
  private(set) var buffer: [UInt8]
  /// The next byte to read.
  package var index = 0
  /// The largest value kept whole by this reader (at most ``maximumCapture``; a bill's rows are capped lower).
  package var captureLimit = ByteReader.maximumCapture
  /// The end of the valid bytes in `buffer`.
  private(set) var end = 0
  /// The file offset of `buffer[0]`.
  private(set) var base = 0
  /// Where a captured value starts, if one is being captured.
  private var captureStart: Int?
  /// Whether the file has no more bytes.
  private(set) var atEOF = false
  /// Called after each chunk is read, with the bytes read so far (for a progress line).
  package var progress: ((Int) -> Void)?

  /// Opens a file for reading; a located error if it cannot be read.
  package init(path: String, kind: String = "offer file", chunk: Int = 1 << 20) throws(DiagnosticError) {
    self.path = path
    self.kind = kind
    fd = open(path, O_RDONLY)
    if fd < 0 {
      throw DiagnosticError([
        Diagnostic(file: path, message: "cannot read the \(kind) (\(String(cString: strerror(errno))))")
      ])
    }
    buffer = [UInt8](repeating: 0, count: chunk)
    gzip = Self.isGzip(fd) ? GzipDecoder() : nil
    if gzip != nil { compressed = [UInt8](repeating: 0, count: 1 << 18) }
  }

  /// Whether an open file starts with the gzip magic bytes 1f 8b (read without moving its offset).
  private static func isGzip(_ fd: Int32) -> Bool {
    var magic: (UInt8, UInt8) = (0, 0)
    return withUnsafeMutableBytes(of: &magic) { pread(fd, $0.baseAddress!, 2, 0) } == 2 && magic == (0x1F, 0x8B)
  }

  /// Closes the file.
  package func close() { _ = Foundation.close(fd) }

  /// The file offset of the next byte.
  package var offset: Int { base + index }

  /// Reads more of the file; false at its end.
  package mutating func refill() throws(DiagnosticError) -> Bool {
    if atEOF { return false }
    let keep = captureStart ?? index
    if keep > 0 {
      let count = end - keep
      if count > 0 {
        buffer.withUnsafeMutableBufferPointer { b in
          _ = memmove(b.baseAddress!, b.baseAddress! + keep, count)
        }
      }
      base += keep
      index -= keep
      end = count
      if captureStart != nil { captureStart = 0 }
    }
    if end == buffer.count {
      if buffer.count >= captureLimit {
        throw failure(
          "one value is larger than \(captureLimit >> 20) MB; this is not \(kind == "offer file" ? "an offer file" : "a \(kind)") billcast can read",
          at: base)
      }
      buffer.append(contentsOf: [UInt8](repeating: 0, count: buffer.count))
    }
    if let gzip { return try inflate(gzip) }
    let n = buffer.withUnsafeMutableBufferPointer { b in read(fd, b.baseAddress! + end, b.count - end) }
    if n < 0 { throw readFailure() }
    if n == 0 {
      atEOF = true
      return false
    }
    end += n
    progress?(base + end)
    return true
  }

  /// The error when the file cannot be read.
  private func readFailure() -> DiagnosticError {
    DiagnosticError([Diagnostic(file: path, message: "cannot read the \(kind) (\(String(cString: strerror(errno))))")])
  }

  /// Decompresses into the free end of the buffer, reading compressed chunks as the decoder needs
  /// them; false at the end of the data.
  private mutating func inflate(_ gzip: GzipDecoder) throws(DiagnosticError) -> Bool {
    while true {
      let start = end
      let n: Int
      do throws(GzipError) {
        n = try buffer.withUnsafeMutableBufferPointer { b throws(GzipError) in
          try gzip.decode(into: UnsafeMutableBufferPointer(rebasing: b[start...]))
        }
      } catch { throw failure(error.description, at: base + end) }
      if n > 0 {
        end += n
        progress?(fileBytesRead)
        return true
      }
      let r = compressed.withUnsafeMutableBufferPointer { read(fd, $0.baseAddress!, $0.count) }
      if r < 0 { throw readFailure() }
      if r == 0 {
        do throws(GzipError) { try gzip.finish() } catch { throw failure(error.description, at: base + end) }
        atEOF = true
        return false
      }
      fileBytesRead += r
      compressed.withUnsafeBufferPointer { gzip.feed(UnsafeBufferPointer(rebasing: $0[..<r])) }
    }
  }

  /// The next byte without reading it, or nil at the end of the file.
  @inline(__always)
  package mutating func peek() throws(DiagnosticError) -> UInt8? {
    if index < end { return buffer[index] }
    return try refill() ? buffer[index] : nil
  }

  /// Starts keeping bytes from the next one; returns the capture's start, for ``endCapture(_:)``.
  /// Captures nest (a key read inside a product being kept).
  package mutating func beginCapture() -> Int {
    if captureStart == nil { captureStart = index }
    captures += 1
    return base + index
  }

  /// The bytes kept since the capture that started at `start`; stops keeping them when no
  /// other capture is open.
  package mutating func endCapture(_ start: Int) -> ArraySlice<UInt8> {
    captures -= 1
    if captures == 0 { captureStart = nil }
    return buffer[(start - base)..<index]
  }

  /// The number of open captures.
  private var captures = 0

  /// An error at a file offset, located by line and column (read again from the file: errors are rare).
  package func failure(_ message: String, at offset: Int? = nil) -> DiagnosticError {
    let (line, column) = Self.position(of: offset ?? self.offset, in: path)
    return DiagnosticError([Diagnostic(file: path, line: line, column: column, message: message)])
  }

  /// The 1-based line and column of a byte offset in a file (in a gzip file, of the decompressed bytes).
  package static func position(of offset: Int, in path: String) -> (Int, Int) {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { return (1, 1) }
    defer { _ = Foundation.close(fd) }
    var line = 1, column = 1, seen = 0
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    let gzip = isGzip(fd) ? GzipDecoder() : nil
    var compressed = [UInt8](repeating: 0, count: gzip == nil ? 0 : 1 << 16)
    while seen < offset {
      let wanted = min(chunk.count, offset - seen)
      var n: Int
      if let gzip {
        // Up to the offset the data decoded before (a corrupt part stops it, as it stopped the reader).
        n = (try? chunk.withUnsafeMutableBufferPointer { try gzip.decode(into: .init(rebasing: $0[..<wanted])) }) ?? -1
        if n == 0 {
          let r = compressed.withUnsafeMutableBufferPointer { read(fd, $0.baseAddress!, $0.count) }
          if r <= 0 { break }
          compressed.withUnsafeBufferPointer { gzip.feed(UnsafeBufferPointer(rebasing: $0[..<r])) }
          continue
        }
      } else {
        n = chunk.withUnsafeMutableBufferPointer { read(fd, $0.baseAddress!, wanted) }
      }
      if n <= 0 { break }
      for b in chunk[0..<n] {
        if b == 10 {
          line += 1
          column = 1
        } else if b & 0xC0 != 0x80 {
          column += 1
        }
      }
      seen += n
    }
    return (line, column)
  }
}
