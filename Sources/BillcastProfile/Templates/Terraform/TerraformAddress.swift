import BillcastCore

/// The parts of a resource instance's address.
enum TerraformAddress {
  /// The address's parts, split at the dots outside instance keys
  /// (`module.a["x.y"].aws_s3_bucket.b[0]` → `module`, `a["x.y"]`, `aws_s3_bucket`, `b[0]`).
  static func parts(_ address: String) -> [Substring] {
    var result: [Substring] = []
    var start = address.startIndex
    var depth = 0
    var inString = false
    var i = address.startIndex
    while i < address.endIndex {
      let c = address[i]
      if inString {
        if c == "\\" {
          i = address.index(after: i)
          if i == address.endIndex { break }
        } else if c == "\"" {
          inString = false
        }
      } else if c == "\"" {
        inString = true
      } else if c == "[" {
        depth += 1
      } else if c == "]" {
        depth -= 1
      } else if c == ".", depth == 0 {
        result.append(address[start..<i])
        start = address.index(after: i)
      }
      i = address.index(after: i)
    }
    result.append(address[start...])
    return result
  }

  /// The module instance a resource instance belongs to, with its keys and a final dot
  /// (`module.a["x"].`), or "" in the root module.
  static func moduleInstance(_ address: String) -> String {
    let p = parts(address)
    return p.count > 2 ? p.dropLast(2).joined(separator: ".") + "." : ""
  }

  /// The instance key, like `[0]` or `["a"]`, or "" when the resource has neither `count` nor `for_each`.
  static func instanceKey(_ address: String) -> String {
    guard let last = parts(address).last, let open = last.firstIndex(of: "[") else { return "" }
    return String(last[open...])
  }
}
