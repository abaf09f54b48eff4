import BillcastCore

/// Numbers as bills write them: decimals, possibly with an exponent (`1.6667E-5`), read exactly.
enum BillNumber {
  /// A bill's number, or nil if the text is not one.
  ///
  /// The grammar is strict and matches the whole text: an optional sign, digits, an optional
  /// `.digits` and an optional exponent. No `_`, no spaces, no `NaN`. A value with more than 18
  /// fractional digits (a cost of 2.5E-21) is rounded half up to 18: a bill's sub-attodollar
  /// digits are below anything billcast adds up.
  static func parse(_ text: String) -> ExactDecimal? {
    if let value = plain(text) { return value }
    guard !text.isEmpty, !text.utf8.contains(UInt8(ascii: "_")) else { return nil }
    switch ExactDecimal.parse(text) {
    case .success(let value): return value
    case .failure(.tooPrecise): return rounded(text)
    case .failure: return nil
    }
  }

  /// The common case read straight from the text's bytes, without the general grammar's
  /// allocations: `-?DIGITS(.DIGITS)?`, at most 18 digits before and 18 after the point, within
  /// ``ExactDecimal/parseLimit``. Anything else (an exponent, a `+`, more digits) is nil, and the
  /// general grammar decides.
  static func plain(_ text: String) -> ExactDecimal? {
    var mantissa: Int128 = 0
    var negative = false, afterPoint = false
    var integerDigits = 0, fractionDigits = 0
    for (i, b) in text.utf8.enumerated() {
      switch b {
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        if afterPoint {
          fractionDigits += 1
          if fractionDigits > ExactDecimal.fractionDigits { return nil }
        } else {
          integerDigits += 1
          if integerDigits > 18 { return nil }
        }
        mantissa = mantissa * 10 + Int128(b - UInt8(ascii: "0"))
      case UInt8(ascii: "."):
        guard !afterPoint, integerDigits > 0 else { return nil }
        afterPoint = true
      case UInt8(ascii: "-") where i == 0: negative = true
      default: return nil
      }
    }
    guard integerDigits > 0, !afterPoint || fractionDigits > 0 else { return nil }
    var raw = mantissa
    for _ in fractionDigits..<ExactDecimal.fractionDigits { raw *= 10 }
    let value = ExactDecimal(raw: negative ? -raw : raw)
    return value.magnitude <= ExactDecimal.parseLimit ? value : nil
  }

  /// A too-precise number written out in plain digits and rounded to 18 fractional digits.
  private static func rounded(_ text: String) -> ExactDecimal? {
    var body = Substring(text)
    var negative = false
    if let first = body.first, first == "-" || first == "+" {
      negative = first == "-"
      body = body.dropFirst()
    }
    var exponent = 0
    if let e = body.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      guard let value = Int(body[body.index(after: e)...]), abs(value) < 10_000 else { return nil }
      exponent = value
      body = body[..<e]
    }
    let parts = body.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count <= 2 else { return nil }
    let digits = Array(parts[0] + (parts.count == 2 ? parts[1] : ""))
    // The decimal point sits after `point` digits of `digits`.
    let point = parts[0].count + exponent
    let wanted = point + ExactDecimal.fractionDigits
    if wanted < 0 { return .zero }
    var kept = Array(digits.prefix(wanted))
    let roundUp = wanted < digits.count && (digits[wanted].wholeNumberValue ?? 0) >= 5
    while kept.count < max(point, 0) { kept.append("0") }
    var plain = point <= 0 ? "0." + String(repeating: "0", count: -point) + String(kept) : String(kept)
    if point > 0 && kept.count > point { plain.insert(".", at: plain.index(plain.startIndex, offsetBy: point)) }
    guard var value = ExactDecimal(plain) else { return nil }
    if roundUp { value += ExactDecimal(raw: 1) }
    return negative ? -value : value
  }
}
