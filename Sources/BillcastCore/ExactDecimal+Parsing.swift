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
    var scanner = NumberScanner(text)
    let negative = scanner.sign()
    var digits: [UInt8] = []
    guard scanner.digits(into: &digits) else { return .failure(.notANumber(text)) }
    var fractionCount = 0
    if scanner.skip(".") {
      let before = digits.count
      guard scanner.digits(into: &digits) else { return .failure(.notANumber(text)) }
      fractionCount = digits.count - before
    }
    var exponent = 0
    if scanner.skip("e") || scanner.skip("E") {
      switch scanner.exponent() {
      case .value(let e): exponent = e
      case .huge(let negativeExponent):
        guard scanner.atEnd else { return .failure(.notANumber(text)) }
        if digits.allSatisfy({ $0 == 0 }) { return .success(.zero) }
        return .failure(negativeExponent ? .tooPrecise(text) : .tooLarge(text))
      case .missing: return .failure(.notANumber(text))
      }
    }
    guard scanner.atEnd else { return .failure(.notANumber(text)) }
    return assemble(digits, power: exponent - fractionCount + fractionDigits, negative: negative, text: text)
  }

  /// `digits × 10^power` as a raw value (leading zeros, and trailing zeros a negative power cuts,
  /// dropped), within ``parseLimit`` and without more fractional digits than the type holds.
  static func assemble(_ digits: [UInt8], power: Int, negative: Bool, text: String) -> Result<
    ExactDecimal, NumberSyntaxError
  > {
    var firstNonZero = 0
    while firstNonZero < digits.count - 1 && digits[firstNonZero] == 0 { firstNonZero += 1 }
    var mantissa = Array(digits[firstNonZero...])
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

/// Reads a number's text byte by byte for ``ExactDecimal/parse(_:)``.
private struct NumberScanner {
  let bytes: [UInt8]
  var i = 0

  init(_ text: String) { bytes = Array(text.utf8) }

  var atEnd: Bool { i == bytes.count }

  static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

  /// Skips `character` if it is next.
  mutating func skip(_ character: Unicode.Scalar) -> Bool {
    guard i < bytes.count, bytes[i] == UInt8(ascii: character) else { return false }
    i += 1
    return true
  }

  /// An optional `-` or `+`; true for `-`.
  mutating func sign() -> Bool {
    if skip("-") { return true }
    _ = skip("+")
    return false
  }

  /// Digits, where an `_` may separate two digits; false if there are none or an `_` is misplaced.
  mutating func digits(into digits: inout [UInt8]) -> Bool {
    let start = i
    var lastWasDigit = false
    while i < bytes.count {
      let b = bytes[i]
      if Self.isDigit(b) {
        digits.append(b - UInt8(ascii: "0"))
        lastWasDigit = true
      } else if b == UInt8(ascii: "_") {
        guard lastWasDigit, i + 1 < bytes.count, Self.isDigit(bytes[i + 1]) else { return false }
        lastWasDigit = false
      } else {
        break
      }
      i += 1
    }
    return i > start
  }

  /// What follows an `e`: an optionally signed exponent.
  enum Exponent {
    case value(Int)
    /// Past 1,000: far beyond every limit either way (whether it was negative).
    case huge(negative: Bool)
    /// No digits.
    case missing
  }

  mutating func exponent() -> Exponent {
    let negative = sign()
    let start = i
    var exponent = 0
    var huge = false
    while i < bytes.count && Self.isDigit(bytes[i]) {
      if !huge { exponent = exponent * 10 + Int(bytes[i] - UInt8(ascii: "0")) }
      if exponent > 1000 { huge = true }
      i += 1
    }
    guard i > start else { return .missing }
    if huge { return .huge(negative: negative) }
    return .value(negative ? -exponent : exponent)
  }
}
