import BillcastCore
import Foundation

/// The bill reader's entry point for the libFuzzer harnesses in `Fuzz/`.
@_spi(Fuzzing) public enum BillFuzzing {
  /// Writes arbitrary bytes to a temporary file and reads it as a bill: every row, then
  /// ``BillReader/finish()``. It may reject them, never crash, hang or keep more than a row.
  ///
  /// Rows are read with a 64 KB row limit, so a hostile row is refused as it would be at 1 MB,
  /// only sooner; every rejection must be located (a line and a column, or the file alone).
  public static func bill(_ bytes: UnsafeBufferPointer<UInt8>) {
    let path = NSTemporaryDirectory() + "billcast-fuzz-\(getpid()).csv"
    guard FileManager.default.createFile(atPath: path, contents: Data(buffer: bytes)) else { return }
    defer { try? FileManager.default.removeItem(atPath: path) }
    let options = BillReadOptions(exchangeRates: ["EUR": ExactDecimal(2)], maximumRowBytes: 1 << 16)
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
