import BillcastCore

#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// The bill reader's entry point for the libFuzzer harnesses in `Fuzz/`.
@_spi(Fuzzing) public enum BillFuzzing {
  /// Writes arbitrary bytes to a temporary file and reads it as a bill: every row, then
  /// ``BillReader/finish()``. It may reject them, never crash, hang or keep more than a row.
  /// Every rejection must carry a diagnostic. Inputs are at most 64 KB (`-max_len`); the 1 MB row
  /// limit is the tests' (HostileBillTests).
  public static func bill(_ bytes: UnsafeBufferPointer<UInt8>) {
    // POSIX, not Foundation: importing Foundation here would change which `contains` the reader calls.
    let path = "/tmp/billcast-fuzz-\(getpid()).csv"
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    guard fd >= 0 else { return }
    let written = bytes.isEmpty ? 0 : write(fd, bytes.baseAddress!, bytes.count)
    close(fd)
    defer { unlink(path) }
    guard written == bytes.count else { return }
    let options = BillReadOptions(exchangeRates: ["EUR": ExactDecimal(2)])
    do throws(DiagnosticError) {
      var reader = try BillReader(path: path, options: options)
      while let row = try reader.next() {
        if row.line < 1 { fatalError("bill: a row on line \(row.line)") }
      }
      try reader.finish()
    } catch {
      if error.diagnostics.isEmpty { fatalError("bill: an error without a diagnostic") }
    }
  }
}
