/// Reading a bill's tags: a JSON object of strings (FOCUS `Tags`, CUR 2.0 `resource_tags` and its `product` map).
public enum BillTags {
  /// The tags of a JSON object's text; nil if the text is not a flat JSON object.
  ///
  /// Values that are numbers, booleans or null are kept as their text; a nested object or array
  /// is refused (no bill writes one).
  static func parse(_ text: String) -> [String: String]? {
    var scanner = Scanner(bytes: Array(text.utf8))
    return scanner.object()
  }

  /// A tag key in the form billcast compares: lower case, `user:`/`user_` dropped, every run of
  /// other than letters and digits one `_`. `aws:cloudformation:logical-id` (FOCUS) and
  /// `aws_cloudformation_logical_id` (CUR 2.0) are one key; `user:app`, `user_app`, `resourceTags/user:app` and `app` are one.
  public static func normalised(_ key: String) -> String {
    if let ascii = asciiNormalised(key) { return ascii }
    var k = key.lowercased()
    if k.hasPrefix("resourcetags/") { k = String(k.dropFirst("resourcetags/".count)) }
    if k.hasPrefix("user:") || k.hasPrefix("user_") { k = String(k.dropFirst(5)) }
    var out = ""
    var gap = false
    for c in k.unicodeScalars {
      if (c >= "a" && c <= "z") || (c >= "0" && c <= "9") {
        if gap && !out.isEmpty { out += "_" }
        gap = false
        out.unicodeScalars.append(c)
      } else {
        gap = true
      }
    }
    return out
  }

  /// ``normalised(_:)`` of an ASCII key, byte by byte (every row's tags pass here); nil for any
  /// other key, whose lower case is Unicode's.
  static func asciiNormalised(_ key: String) -> String? {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(key.utf8.count)
    for b in key.utf8 {
      guard b < 0x80 else { return nil }
      bytes.append(b >= 0x41 && b <= 0x5A ? b + 0x20 : b)
    }
    var start = 0
    func drop(_ prefix: String) -> Bool {
      let p = Array(prefix.utf8)
      guard bytes.count - start >= p.count, Array(bytes[start..<(start + p.count)]) == p else { return false }
      start += p.count
      return true
    }
    _ = drop("resourcetags/")
    if !drop("user:") { _ = drop("user_") }
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count - start)
    var gap = false
    for b in bytes[start...] {
      if (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) {
        if gap && !out.isEmpty { out.append(0x5F) }
        gap = false
        out.append(b)
      } else {
        gap = true
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// A byte scanner for one flat JSON object.
  private struct Scanner {
    let bytes: [UInt8]
    var i = 0

    mutating func space() { while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 } }

    mutating func object() -> [String: String]? {
      space()
      guard i < bytes.count, bytes[i] == UInt8(ascii: "{") else { return nil }
      i += 1
      var out: [String: String] = [:]
      space()
      if i < bytes.count, bytes[i] == UInt8(ascii: "}") {
        i += 1
        space()
        return i == bytes.count ? out : nil
      }
      while true {
        space()
        guard let key = string() else { return nil }
        space()
        guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { return nil }
        i += 1
        space()
        guard let value = value() else { return nil }
        out[key] = value
        space()
        guard i < bytes.count else { return nil }
        if bytes[i] == UInt8(ascii: ",") {
          i += 1
          continue
        }
        guard bytes[i] == UInt8(ascii: "}") else { return nil }
        i += 1
        space()
        return i == bytes.count ? out : nil
      }
    }

    mutating func value() -> String? {
      guard i < bytes.count else { return nil }
      if bytes[i] == UInt8(ascii: "\"") { return string() }
      let start = i
      while i < bytes.count, ![UInt8(ascii: ","), UInt8(ascii: "}"), 0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) {
        guard ![UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "\"")].contains(bytes[i]) else { return nil }
        i += 1
      }
      return i > start ? String(decoding: bytes[start..<i], as: UTF8.self) : nil
    }

    mutating func string() -> String? {
      guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { return nil }
      i += 1
      var out: [UInt8] = []
      while i < bytes.count {
        let b = bytes[i]
        i += 1
        if b == UInt8(ascii: "\"") { return String(decoding: out, as: UTF8.self) }
        guard b == UInt8(ascii: "\\") else {
          out.append(b)
          continue
        }
        guard i < bytes.count else { return nil }
        let e = bytes[i]
        i += 1
        switch e {
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "u"):
          guard i + 4 <= bytes.count, let v = UInt32(String(decoding: bytes[i..<(i + 4)], as: UTF8.self), radix: 16)
          else { return nil }
          i += 4
          out += Array(String(UnicodeScalar(v).map(Character.init) ?? "\u{FFFD}").utf8)
        default: out.append(e)
        }
      }
      return nil
    }
  }
}
