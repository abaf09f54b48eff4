/// An exact decimal number with 18 fractional digits, stored as a scaled `Int128`.
///
/// billcast keeps every price, quantity and amount in this type: it is exact for
/// every decimal with at most 18 fractional digits, and about a thousand times
/// faster than Foundation's `Decimal`, which the forecast's Monte Carlo needs.
/// Multiplication and division round half away from zero at the 18th digit.
/// The plain operators trap on overflow like `Int`; code that handles untrusted
/// values uses the `reportingOverflow` variants.
public struct ExactDecimal: Hashable, Comparable, Sendable {
  /// The number of fractional decimal digits kept.
  public static let fractionDigits = 18
  /// The scale factor, 10^18.
  @inlinable public static var scale: Int128 { 1_000_000_000_000_000_000 }

  /// The scaled integer: the value times 10^18.
  public var raw: Int128

  /// Creates a value from its scaled integer (value × 10^18).
  @inlinable public init(raw: Int128) { self.raw = raw }

  /// Creates a value from an integer.
  public init(_ integer: Int) { self.raw = Int128(integer) * Self.scale }

  /// Zero.
  @inlinable public static var zero: ExactDecimal { ExactDecimal(raw: 0) }
  /// One.
  @inlinable public static var one: ExactDecimal { ExactDecimal(raw: 1_000_000_000_000_000_000) }
  /// One hundredth: a cent, when the value is dollars.
  public static let cent = ExactDecimal(raw: 10_000_000_000_000_000)

  /// The largest value the type holds.
  public static let max = ExactDecimal(raw: .max)
  /// The smallest value the type holds.
  public static let min = ExactDecimal(raw: .min)

  /// Whether a value is less than another.
  @inlinable public static func < (a: Self, b: Self) -> Bool { a.raw < b.raw }
  /// Whether two values are equal.
  @inlinable public static func == (a: Self, b: Self) -> Bool { a.raw == b.raw }

  /// Whether the value is zero.
  @inlinable public var isZero: Bool { raw == 0 }
  /// Whether the value is below zero.
  @inlinable public var isNegative: Bool { raw < 0 }
  /// Whether the value has no fractional part.
  public var isInteger: Bool { raw % Self.scale == 0 }
  /// The magnitude of the value.
  public var magnitude: ExactDecimal { ExactDecimal(raw: raw < 0 ? -raw : raw) }

  // MARK: Arithmetic

  /// The sum; traps on overflow.
  @inlinable public static func + (a: Self, b: Self) -> Self { Self(raw: a.raw + b.raw) }
  /// The difference; traps on overflow.
  @inlinable public static func - (a: Self, b: Self) -> Self { Self(raw: a.raw - b.raw) }
  /// The negated value; traps on overflow.
  @inlinable public static prefix func - (a: Self) -> Self { Self(raw: -a.raw) }
  /// Adds a value in place; traps on overflow.
  @inlinable public static func += (a: inout Self, b: Self) { a.raw += b.raw }
  /// Subtracts a value in place; traps on overflow.
  @inlinable public static func -= (a: inout Self, b: Self) { a.raw -= b.raw }

  /// The product, rounded half away from zero at the 18th fractional digit; traps on overflow.
  @inlinable public static func * (a: Self, b: Self) -> Self {
    let (result, overflow) = a.multipliedReportingOverflow(by: b)
    precondition(!overflow, "ExactDecimal multiplication overflow")
    return result
  }

  /// The quotient, rounded half away from zero at the 18th fractional digit; traps on overflow or division by zero.
  public static func / (a: Self, b: Self) -> Self {
    let (result, overflow) = a.dividedReportingOverflow(by: b)
    precondition(!overflow, "ExactDecimal division overflow or division by zero")
    return result
  }

  /// Adds, reporting whether the result overflowed.
  public func addingReportingOverflow(_ other: Self) -> (partialValue: Self, overflow: Bool) {
    let (r, o) = raw.addingReportingOverflow(other.raw)
    return (Self(raw: r), o)
  }

  /// Subtracts, reporting whether the result overflowed.
  public func subtractingReportingOverflow(_ other: Self) -> (partialValue: Self, overflow: Bool) {
    let (r, o) = raw.subtractingReportingOverflow(other.raw)
    return (Self(raw: r), o)
  }

  /// Divides a magnitude by 10^9 with 64-bit divisions by a constant (which the compiler
  /// turns into multiplications), where a 128-bit division would call the runtime's `__udivti3`.
  @inlinable @inline(__always)
  static func divideByBillion(_ x: UInt128) -> (quotient: UInt128, remainder: UInt64) {
    let d: UInt64 = 1_000_000_000
    let hi = UInt64(truncatingIfNeeded: x >> 64), lo = UInt64(truncatingIfNeeded: x)
    let qHi = hi / d, r0 = hi % d
    let t1 = (r0 << 32) | (lo >> 32)
    let q1 = t1 / d, r1 = t1 % d
    let t2 = (r1 << 32) | (lo & 0xFFFF_FFFF)
    let q2 = t2 / d, r2 = t2 % d
    return ((UInt128(qHi) << 64) | (UInt128(q1) << 32) + UInt128(q2), r2)
  }

  /// Signed division by 10^9, rounding half away from zero.
  @inlinable @inline(__always)
  static func roundedDivisionByBillion(_ a: Int128) -> Int128 {
    let (q, r) = divideByBillion(a.magnitude)
    let rounded = Int128(truncatingIfNeeded: r >= 500_000_000 ? q + 1 : q)
    return a < 0 ? -rounded : rounded
  }

  /// `x × y / 10^18` when y is a whole multiple of 10^9 and the product fits, else nil.
  @inlinable @inline(__always)
  static func multiplyShort(_ x: Int128, _ y: Int128) -> Int128? {
    let (y9, yr) = divideByBillion(y.magnitude)
    guard yr == 0, y9 < UInt128(1) << 126 else { return nil }
    let y9s = y < 0 ? -Int128(truncatingIfNeeded: y9) : Int128(truncatingIfNeeded: y9)
    if x.magnitude.leadingZeroBitCount + y9.leadingZeroBitCount >= 130 { return roundedDivisionByBillion(x &* y9s) }
    let (p, o) = x.multipliedReportingOverflow(by: y9s)
    if o { return nil }
    return roundedDivisionByBillion(p)
  }

  /// Multiplies, rounding half away from zero, and reports overflow.
  @inlinable @inline(__always)
  public func multipliedReportingOverflow(by other: Self) -> (partialValue: Self, overflow: Bool) {
    let a = raw, b = other.raw
    // Fast path, inlined into callers: the product of the scaled integers fits in Int128 (a
    // price times a quantity usually does), so one division by the constant 10^18 finishes it.
    // Counting leading zeros proves the product fits (below 2^126) without a checked multiply.
    if a.magnitude.leadingZeroBitCount + b.magnitude.leadingZeroBitCount >= 130 {
      return (Self(raw: Self.divideByScale(a &* b)), false)
    }
    return multipliedWide(by: other)
  }

  /// The multiplications the inlined fast path leaves: products of the scaled integers that may not fit in 128 bits.
  @usableFromInline
  func multipliedWide(by other: Self) -> (partialValue: Self, overflow: Bool) {
    let a = raw, b = other.raw
    // A factor with at most 9 decimals (a count, an hour, a sampled value) is an integer times
    // 10^9, so the product needs only a division by 10^9.
    let (product, overflow) = a.multipliedReportingOverflow(by: b)
    if !overflow { return (Self(raw: Self.divideByScale(product)), false) }
    // A multiple of 10^9 is a multiple of 2^9: the low bits rule out most factors without a division.
    if b & 511 == 0, let r = Self.multiplyShort(a, b) { return (Self(raw: r), false) }
    if a & 511 == 0, let r = Self.multiplyShort(b, a) { return (Self(raw: r), false) }
    let negative = (a < 0) != (b < 0)
    let wide = a.magnitude.multipliedFullWidth(by: b.magnitude)
    return Self.scaledDown(high: wide.high, low: wide.low, negative: negative)
  }

  /// Divides, rounding half away from zero, and reports overflow or division by zero.
  public func dividedReportingOverflow(by other: Self) -> (partialValue: Self, overflow: Bool) {
    if other.raw == 0 { return (.zero, true) }
    // Fast path: the dividend times 10^18 fits in Int128 (values below about 170).
    let (scaled, overflow) = raw.multipliedReportingOverflow(by: 1_000_000_000_000_000_000)
    if !overflow && other.raw > 0 { return (Self(raw: Self.roundedDivision(scaled, by: other.raw)), false) }
    let negative = (raw < 0) != (other.raw < 0)
    let wide = raw.magnitude.multipliedFullWidth(by: UInt128(Self.scale))
    let divisor = other.raw.magnitude
    if wide.high >= divisor { return (.zero, true) }
    let (q, r) = divisor.dividingFullWidth((wide.high, wide.low))
    var quotient = q
    if r >= divisor - r { quotient += 1 }  // r * 2 >= divisor, without overflow
    return Self.signed(quotient, negative: negative)
  }

  /// The 256-bit magnitude `high × 2^128 + low` divided by 10^18, rounded half away from zero,
  /// signed; overflow when the result does not fit.
  ///
  /// Two long divisions by 10^9 over 32-bit digits, each step a 64-bit division by a constant
  /// (a multiplication), where `UInt128.dividingFullWidth` runs a generic bit-serial loop.
  @usableFromInline static func scaledDown(high: UInt128, low: UInt128, negative: Bool) -> (
    partialValue: Self, overflow: Bool
  ) {
    // Limbs, most significant first.
    var words: (UInt64, UInt64, UInt64, UInt64) = (
      UInt64(truncatingIfNeeded: high >> 64), UInt64(truncatingIfNeeded: high),
      UInt64(truncatingIfNeeded: low >> 64), UInt64(truncatingIfNeeded: low)
    )
    @inline(__always) func divideByBillion(_ w: inout (UInt64, UInt64, UInt64, UInt64)) -> UInt64 {
      let d: UInt64 = 1_000_000_000
      var r: UInt64 = 0
      @inline(__always) func step(_ word: UInt64) -> UInt64 {
        let t1 = (r << 32) | (word >> 32)
        let q1 = t1 / d
        r = t1 % d
        let t2 = (r << 32) | (word & 0xFFFF_FFFF)
        let q2 = t2 / d
        r = t2 % d
        return (q1 << 32) | q2
      }
      w.0 = step(w.0)
      w.1 = step(w.1)
      w.2 = step(w.2)
      w.3 = step(w.3)
      return r
    }
    let r1 = divideByBillion(&words)
    let r2 = divideByBillion(&words)
    guard words.0 == 0 && words.1 == 0 else { return (.zero, true) }
    var quotient = UInt128(words.2) << 64 | UInt128(words.3)
    // The remainder of the division by 10^18 is r2 × 10^9 + r1.
    if r2 * 1_000_000_000 + r1 >= 500_000_000_000_000_000 {
      let (next, overflow) = quotient.addingReportingOverflow(1)
      if overflow { return (.zero, true) }
      quotient = next
    }
    return signed(quotient, negative: negative)
  }

  @usableFromInline static func signed(_ magnitude: UInt128, negative: Bool) -> (partialValue: Self, overflow: Bool) {
    // Bit operations, not the generic conversions (which the optimizer left as calls).
    if magnitude >> 127 != 0 { return (.zero, true) }
    let value = Int128(truncatingIfNeeded: magnitude)
    return (Self(raw: negative ? -value : value), false)
  }

  /// Division by 10^18, rounding half away from zero; the literal divisor lets the
  /// compiler turn the division into a multiplication.
  @inlinable @inline(__always)
  static func divideByScale(_ a: Int128) -> Int128 {
    // 10^18 = 10^9 × 10^9: two cheap divisions; the remainder is r2 × 10^9 + r1.
    let (q1, r1) = divideByBillion(a.magnitude)
    let (q2, r2) = divideByBillion(q1)
    let remainder = UInt128(r2) * 1_000_000_000 + UInt128(r1)
    let rounded = Int128(truncatingIfNeeded: remainder >= 500_000_000_000_000_000 ? q2 + 1 : q2)
    return a < 0 ? -rounded : rounded
  }

  /// Integer division of a by b (b > 0), rounding half away from zero.
  @inline(__always)
  static func roundedDivision(_ a: Int128, by b: Int128) -> Int128 {
    // One library division, not two: the remainder comes from the quotient.
    let q = a / b
    let r = a &- q &* b
    let m = r.magnitude
    if m >= b.magnitude - m { return a < 0 ? q - 1 : q + 1 }
    return q
  }

  // MARK: Rounding

  /// The smallest integer not below the value.
  public func ceiling() -> Self {
    let (q, hasFraction) = Self.wholePart(raw)
    return Self(raw: (raw > 0 && hasFraction ? q + 1 : q) * Self.scale)
  }

  /// The value truncated toward zero to a whole number (as an integer), and whether a
  /// fraction was dropped; two 64-bit divisions by 10^9 where Int128 division calls the runtime.
  @inline(__always)
  static func wholePart(_ raw: Int128) -> (Int128, Bool) {
    let (q1, r1) = divideByBillion(raw.magnitude)
    let (q2, r2) = divideByBillion(q1)
    let q = Int128(truncatingIfNeeded: q2)
    return (raw < 0 ? -q : q, r1 != 0 || r2 != 0)
  }

  /// The largest integer not above the value.
  public func floor() -> Self {
    let (q, hasFraction) = Self.wholePart(raw)
    return Self(raw: (raw < 0 && hasFraction ? q - 1 : q) * Self.scale)
  }

  /// The value rounded half away from zero to `digits` fractional digits.
  public func rounded(toFractionDigits digits: Int) -> Self {
    precondition(digits >= 0 && digits <= Self.fractionDigits)
    var unit: Int128 = 1
    for _ in 0..<(Self.fractionDigits - digits) { unit *= 10 }
    return Self(raw: Self.roundedDivision(raw, by: unit) * unit)
  }

  /// The smaller of two values.
  @inlinable public static func minimum(_ a: Self, _ b: Self) -> Self { a < b ? a : b }
  /// The larger of two values.
  @inlinable public static func maximum(_ a: Self, _ b: Self) -> Self { a < b ? b : a }
}

extension ExactDecimal: CustomStringConvertible {
  /// The shortest exact decimal text, without exponent: `0.0000166667`, `-12.5`, `1000`.
  public var description: String {
    let negative = raw < 0
    let magnitude = raw.magnitude
    let scale = UInt128(Self.scale)
    let integer = magnitude / scale
    var fraction = magnitude % scale
    var text = negative ? "-" : ""
    text += String(integer)
    if fraction != 0 {
      var digits = Self.fractionDigits
      while fraction % 10 == 0 { fraction /= 10; digits -= 1 }
      let f = String(fraction)
      text += "." + String(repeating: "0", count: digits - f.count) + f
    }
    return text
  }

  /// The value with exactly `digits` fractional digits, rounded half away from zero.
  public func formatted(fractionDigits digits: Int, grouping: Bool = false) -> String {
    let r = rounded(toFractionDigits: digits)
    let magnitude = r.raw.magnitude
    let scale = UInt128(Self.scale)
    var integerText = String(magnitude / scale)
    if grouping && integerText.count > 3 {
      var grouped = ""
      for (i, c) in integerText.enumerated() {
        if i > 0 && (integerText.count - i) % 3 == 0 { grouped.append(",") }
        grouped.append(c)
      }
      integerText = grouped
    }
    var text = (r.raw < 0 ? "-" : "") + integerText
    if digits > 0 {
      var fraction = (magnitude % scale)
      for _ in 0..<(Self.fractionDigits - digits) { fraction /= 10 }
      let f = String(fraction)
      text += "." + String(repeating: "0", count: digits - f.count) + f
    }
    return text
  }
}

extension ExactDecimal: ExpressibleByIntegerLiteral {
  /// Creates a value from an integer literal.
  public init(integerLiteral value: Int) { self.init(value) }
}
