import BigInt

/// An exact fraction of arbitrary-precision integers: the fallback that keeps formulas exact.
///
/// ``ExactDecimal`` rounds at the 18th decimal, so `2 / 3 * 3` would be 2.000000000000000001
/// and `ceil` of it 3. A formula whose decimal evaluation had to round is evaluated again with
/// fractions: + − × ÷ are exact, `ceil` and `floor` of a fraction whose value is an integer give
/// that integer, and only the final value is rounded (an interval outward, a point to nearest).
struct ExactRational: Comparable, Sendable {
  /// The numerator, carrying the sign.
  var numerator: BigInt
  /// The denominator, above zero. The fraction is reduced only when its terms grow past
  /// ``reductionBits`` (a greatest common divisor costs more than the arithmetic it saves).
  var denominator: BigInt

  static let scale = BigInt(ExactDecimal.scale)
  /// The size in bits past which a fraction is put in lowest terms.
  static let reductionBits = 512

  init(numerator: BigInt, denominator: BigInt) {
    precondition(!denominator.isZero, "ExactRational with a zero denominator")
    var n = numerator, d = denominator
    if d.sign == .minus { n.negate(); d.negate() }
    if n.magnitude.bitWidth > Self.reductionBits || d.magnitude.bitWidth > Self.reductionBits {
      let g = n.magnitude.greatestCommonDivisor(with: d.magnitude)
      if g > 1 {
        n /= BigInt(g)
        d /= BigInt(g)
      }
    }
    self.numerator = n
    self.denominator = d
  }

  /// The exact value of a decimal.
  init(_ value: ExactDecimal) { self.init(numerator: BigInt(value.raw), denominator: Self.scale) }

  /// A whole number.
  init(integer: BigInt) {
    numerator = integer
    denominator = 1
  }

  var isZero: Bool { numerator.isZero }

  static func + (a: Self, b: Self) -> Self {
    Self(
      numerator: a.numerator * b.denominator + b.numerator * a.denominator, denominator: a.denominator * b.denominator)
  }
  static func - (a: Self, b: Self) -> Self {
    Self(
      numerator: a.numerator * b.denominator - b.numerator * a.denominator, denominator: a.denominator * b.denominator)
  }
  static func * (a: Self, b: Self) -> Self {
    Self(numerator: a.numerator * b.numerator, denominator: a.denominator * b.denominator)
  }
  /// The quotient; `b` must not be zero.
  static func / (a: Self, b: Self) -> Self {
    Self(numerator: a.numerator * b.denominator, denominator: a.denominator * b.numerator)
  }
  static prefix func - (a: Self) -> Self { Self(numerator: -a.numerator, denominator: a.denominator) }

  static func < (a: Self, b: Self) -> Bool { a.numerator * b.denominator < b.numerator * a.denominator }
  static func == (a: Self, b: Self) -> Bool { a.numerator * b.denominator == b.numerator * a.denominator }

  /// The largest integer not above the value.
  func floor() -> Self {
    let (q, r) = numerator.quotientAndRemainder(dividingBy: denominator)  // truncates toward zero
    return Self(integer: r.sign == .minus && !r.isZero ? q - 1 : q)
  }

  /// The smallest integer not below the value.
  func ceiling() -> Self {
    let (q, r) = numerator.quotientAndRemainder(dividingBy: denominator)
    return Self(integer: r.sign == .plus && !r.isZero ? q + 1 : q)
  }

  /// How a fraction becomes a decimal of 18 places.
  enum Rounding { case down, up, nearest }

  /// The value as an ``ExactDecimal``, rounded as asked; nil if it does not fit.
  func decimal(_ rounding: Rounding) -> ExactDecimal? {
    let scaled = ExactRational(numerator: numerator * Self.scale, denominator: denominator)
    let whole: ExactRational
    switch rounding {
    case .down: whole = scaled.floor()
    case .up: whole = scaled.ceiling()
    case .nearest:
      // Half away from zero, as ExactDecimal rounds.
      let half = ExactRational(numerator: 1, denominator: 2)
      whole = scaled.numerator.sign == .minus ? (scaled - half).ceiling() : (scaled + half).floor()
    }
    // Through the magnitude: BigInt 6.0.1 converts a negative value to Int128 wrongly (by 2^64).
    guard let magnitude = Int128(exactly: whole.numerator.magnitude) else { return nil }
    return ExactDecimal(raw: whole.numerator.sign == .minus ? -magnitude : magnitude)
  }
}
