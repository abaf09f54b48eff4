/// HMAC-SHA256 (RFC 2104), which binds a pricing snapshot to a secret only its owner can read.
package enum HMACSHA256 {
  /// The message authentication code of `message` under `key`, as 64 lower-case hex digits.
  package static func hex(key: [UInt8], message: some Collection<UInt8>) -> String {
    var block = key.count > 64 ? bytes(ofHex: SHA256.hex(key)) : key
    block += [UInt8](repeating: 0, count: 64 - block.count)
    var inner = block.map { $0 ^ 0x36 }
    inner.append(contentsOf: message)
    let outer = block.map { $0 ^ 0x5c } + bytes(ofHex: SHA256.hex(inner))
    return SHA256.hex(outer)
  }

  /// The bytes that 2n hex digits spell.
  static func bytes(ofHex hex: String) -> [UInt8] {
    var out: [UInt8] = []
    var high: UInt8?
    for c in hex.utf8 {
      let v = c <= 0x39 ? c - 0x30 : (c | 0x20) - 0x61 + 10
      if let h = high {
        out.append(h << 4 | v)
        high = nil
      } else {
        high = v
      }
    }
    return out
  }
}
