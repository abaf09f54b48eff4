import BillcastCore
import BillcastPricing
import Foundation

/// Gzip decompression speed: `billcast-bench gzip FILE.csv.gz FILE.csv` (the same CSV plain).
/// Prints MB/s of decompressed output, medians of 5 runs: GzipDecoder alone (the compressed file
/// in memory), the CRC-32 alone, and CSVRecords reading every record from the plain file and the
/// gzip file (ByteReader decompressing as it reads).
func runGzipThroughput(gzipPath: String, plainPath: String) throws {
  let compressed = Array(try Data(contentsOf: URL(fileURLWithPath: gzipPath)))
  var output = [UInt8](repeating: 0, count: 1 << 20)
  var size = 0
  let decode = try time(5) {
    let gzip = GzipDecoder()
    size = 0
    var i = 0
    while true {
      let n = try output.withUnsafeMutableBufferPointer { try gzip.decode(into: $0) }
      size += n
      if n > 0 { continue }
      if i == compressed.count { break }
      let next = min(compressed.count, i + (1 << 18))
      compressed[i..<next].withUnsafeBufferPointer { gzip.feed($0) }
      i = next
    }
    try gzip.finish()
  }
  let mb = Double(size) / 1e6
  print(
    String(
      format: "gzip: %@, %.1f MB compressed to %.1f MB decompressed, medians of 5 runs", gzipPath,
      Double(compressed.count) / 1e6, mb))
  print(String(format: "  GzipDecoder (in memory)        %8.1f MB/s decompressed", mb / (median(decode) / 1e3)))
  let plain = Array(try Data(contentsOf: URL(fileURLWithPath: plainPath)))
  let crc = time(5) {
    _ = plain.withUnsafeBufferPointer {
      var c = CRC32(); c.update($0); return c.value
    }
  }
  print(String(format: "  CRC-32 alone                   %8.1f MB/s", Double(plain.count) / 1e6 / (median(crc) / 1e3)))
  for path in [plainPath, gzipPath] {
    var records = 0
    let read = try time(5) {
      var csv = CSVRecords(input: try ByteReader(path: path, kind: "bill"))
      defer { csv.input.close() }
      records = 0
      while try csv.next() { records += 1 }
    }
    print(
      String(
        format: "  CSVRecords, %@ %8.1f MB/s of CSV (%d records)", path.hasSuffix(".gz") ? "gzip file " : "plain file",
        Double(plain.count) / 1e6 / (median(read) / 1e3), records))
  }
}
