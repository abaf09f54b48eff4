import BillcastCore

/// A plan's text as Terraform writes it on every platform: UTF-8 with or without a byte-order
/// mark, or UTF-16 (little- or big-endian) with one, which PowerShell's
/// `terraform show -json > plan.json` writes.
enum TerraformPlanEncoding {
  /// The text as UTF-8 without a byte-order mark; invalid UTF-16 is an error located in characters.
  static func utf8(_ bytes: [UInt8], path: String) throws(DiagnosticError) -> [UInt8] {
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return Array(bytes.dropFirst(3)) }
    let bigEndian: Bool
    if bytes.starts(with: [0xFF, 0xFE]) {
      bigEndian = false
    } else if bytes.starts(with: [0xFE, 0xFF]) {
      bigEndian = true
    } else {
      if bytes.count >= 2, bytes[0] == 0 || bytes[1] == 0 {
        throw DiagnosticError([
          Diagnostic(
            file: path, line: 1, column: 1,
            message:
              "the plan looks like UTF-16 without a byte-order mark: write it as UTF-8, or as UTF-16 with its byte-order mark"
          )
        ])
      }
      return bytes
    }
    return try decode(bytes.dropFirst(2), bigEndian: bigEndian, path: path)
  }

  private static func decode(_ bytes: ArraySlice<UInt8>, bigEndian: Bool, path: String) throws(DiagnosticError)
    -> [UInt8]
  {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var line = 1
    var column = 1
    var i = bytes.startIndex
    func unit(_ k: Int) -> UInt32 {
      bigEndian ? UInt32(bytes[k]) << 8 | UInt32(bytes[k + 1]) : UInt32(bytes[k + 1]) << 8 | UInt32(bytes[k])
    }
    while i < bytes.endIndex {
      var scalar: Unicode.Scalar?
      var width = 2
      if i + 1 < bytes.endIndex {
        let high = unit(i)
        if high < 0xD800 || high > 0xDFFF {
          scalar = Unicode.Scalar(high)
        } else if high <= 0xDBFF, i + 3 < bytes.endIndex, case let low = unit(i + 2), (0xDC00...0xDFFF).contains(low) {
          scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
          width = 4
        }
      }
      guard let scalar else {
        let what =
          i + 1 < bytes.endIndex
          ? "U+\(String(unit(i), radix: 16, uppercase: true)) without its pair" : "an odd last byte"
        throw DiagnosticError([
          Diagnostic(file: path, line: line, column: column, message: "not valid UTF-16 (\(what))")
        ])
      }
      UTF8.encode(scalar) { out.append($0) }
      if scalar == "\n" {
        line += 1
        column = 1
      } else {
        column += 1
      }
      i += width
    }
    return out
  }
}
