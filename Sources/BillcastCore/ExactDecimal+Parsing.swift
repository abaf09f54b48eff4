/// Why a text is not a number in billcast's strict grammar.
public enum NumberSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
  case notANumber(String)
  case tooPrecise(String)
  case tooLarge(String)

  /// A message saying why the text is not a number.
  public var description: String {
    switch self {
    case .notANumber(let text):
      return "'\(TerminalText.excerpt(text))' is not a number (expected digits like 1000, 1_000, 0.25 or 1e6)"
    case .tooPrecise(let text):
      return "'\(TerminalText.excerpt(text))' has more than \(ExactDecimal.fractionDigits) decimal places"
    case .tooLarge(let text):
      return "'\(TerminalText.excerpt(text))' is too large (limit \(ExactDecimal.parseLimit))"
    }
  }
}

extension ExactDecimal {
  /// The largest magnitude a number in an input file may have: 10^15.
  public static let parseLimit = ExactDecimal(raw: 1_000_000_000_000_000 * scale)

  /// Parses a number with a strict full-match grammar.
  ///
  /// Accepted: an optional `-` or `+`, digits (an `_` may separate two digits),
  /// an optional fraction `.digits`, and an optional exponent `e`/`E` with an
  /// optional sign and digits: `1000`, `1_000`, `0.0000166667`, `1e6`, `2.5E-3`.
  /// Rejected: anything else (`12abc`, `0x10`, `.inf`, `.nan`, `1.`, `.5`, `1__0`),
  /// values with more than 18 fractional digits, and magnitudes above 10^15.
  public static func parse(_ text: String) -> Result<ExactDecimal, NumberSyntaxError> {
    let bytes = Array(text.utf8)
    var i = 0
    var negative = false
    if i < bytes.count && (bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+")) {
      negative = bytes[i] == UInt8(ascii: "-")
      i += 1
    }
    var digits: [UInt8] = []
    var fractionCount = 0

    func readDigits(into digits: inout [UInt8]) -> Bool {
      let start = i
      var lastWasDigit = false
      while i < bytes.count {
        let b = bytes[i]
        if b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") {
          digits.append(b - UInt8(ascii: "0"))
          lastWasDigit = true
        } else if b == UInt8(ascii: "_") {
          guard lastWasDigit, i + 1 < bytes.count,
            bytes[i + 1] >= UInt8(ascii: "0") && bytes[i + 1] <= UInt8(ascii: "9")
          else { return false }
          lastWasDigit = false
        } else {
          break
        }
        i += 1
      }
      return i > start
    }

    guard readDigits(into: &digits) else { return .failure(.notANumber(text)) }
    if i < bytes.count && bytes[i] == UInt8(ascii: ".") {
      i += 1
      let before = digits.count
      guard readDigits(into: &digits) else { return .failure(.notANumber(text)) }
      fractionCount = digits.count - before
    }
    var exponent = 0
    if i < bytes.count && (bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E")) {
      i += 1
      var expNegative = false
      if i < bytes.count && (bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+")) {
        expNegative = bytes[i] == UInt8(ascii: "-")
        i += 1
      }
      let start = i
      var huge = false  // an exponent past 1000 digits' worth: far beyond every limit either way
      while i < bytes.count && bytes[i] >= UInt8(ascii: "0") && bytes[i] <= UInt8(ascii: "9") {
        if !huge { exponent = exponent * 10 + Int(bytes[i] - UInt8(ascii: "0")) }
        if exponent > 1000 { huge = true }
        i += 1
      }
      guard i > start else { return .failure(.notANumber(text)) }
      if huge {
        guard i == bytes.count else { return .failure(.notANumber(text)) }
        if digits.allSatisfy({ $0 == 0 }) { return .success(.zero) }
        return .failure(expNegative ? .tooPrecise(text) : .tooLarge(text))
      }
      if expNegative { exponent = -exponent }
    }
    guard i == bytes.count else { return .failure(.notANumber(text)) }

    // value = digits × 10^(exponent − fractionCount); strip leading zeros.
    var firstNonZero = 0
    while firstNonZero < digits.count - 1 && digits[firstNonZero] == 0 { firstNonZero += 1 }
    let significant = digits[firstNonZero...]
    let power = exponent - fractionCount + fractionDigits  // power of ten applied to the raw integer
    // Drop trailing zeros that a negative power would cut, if they are zeros.
    var mantissa = Array(significant)
    var p = power
    while p < 0 {
      guard let last = mantissa.last, last == 0, mantissa.count > 1 else {
        if mantissa == [0] { return .success(.zero) }
        return .failure(.tooPrecise(text))
      }
      mantissa.removeLast()
      p += 1
    }
    if mantissa.count + p > 36 { return .failure(.tooLarge(text)) }
    var value: Int128 = 0
    for d in mantissa { value = value * 10 + Int128(d) }
    for _ in 0..<p { value *= 10 }
    let result = ExactDecimal(raw: negative ? -value : value)
    if result.magnitude > parseLimit { return .failure(.tooLarge(text)) }
    return .success(result)
  }

  /// Parses a number with the strict grammar, or returns nil.
  public init?(_ text: String) {
    guard case .success(let value) = Self.parse(text) else { return nil }
    self = value
  }
}
