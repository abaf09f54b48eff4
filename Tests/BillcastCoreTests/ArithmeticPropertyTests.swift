import Testing
@testable import BillcastCore

/// The fast paths of exact multiplication and division against a plain reference, over many seeded values.
@Suite("Exact arithmetic, properties")
struct ArithmeticPropertyTests {
  /// SplitMix64: a seeded, deterministic generator.
  struct Generator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }

    /// A value of the shapes billcast meets (counts, prices with 10 decimals, 9-decimal samples,
    /// 18-digit results) and values near the top of the range, whose products overflow or just fit.
    mutating func value() -> ExactDecimal {
      let shape = next() % 6
      let sign: Int128 = next() % 7 == 0 ? -1 : 1
      switch shape {
      // whole, up to 10^12
      case 0: return ExactDecimal(raw: sign * Int128(next() % 1_000_000_000_000) * ExactDecimal.scale)
      // 10-decimal price under 1
      case 1: return ExactDecimal(raw: sign * Int128(next() % 10_000_000_000) * 100_000_000)
      // 9 decimals, up to 10^9
      case 2: return ExactDecimal(raw: sign * Int128(next() % 1_000_000_000_000_000) * 1_000_000_000)
      case 3: return ExactDecimal(raw: sign * (Int128(next()) << 20 | Int128(next() % (1 << 20))))  // 18 digits, large
      // near the top of the range: products overflow, or just fit
      case 4: return ExactDecimal(raw: sign * (Int128.max >> Int128(next() % 72) - Int128(next() % 1000)))
      default: return ExactDecimal(raw: sign * Int128(next() % 1_000_000_000_000_000_000))  // under 1, 18 digits
      }
    }
  }

  /// The reference: full-width product divided by 10^18, rounded half away from zero.
  static func reference(_ a: ExactDecimal, _ b: ExactDecimal) -> ExactDecimal? {
    let negative = (a.raw < 0) != (b.raw < 0)
    let wide = a.raw.magnitude.multipliedFullWidth(by: b.raw.magnitude)
    let scale = UInt128(ExactDecimal.scale)
    guard wide.high < scale else { return nil }
    let (q, r) = scale.dividingFullWidth((wide.high, wide.low))
    let rounded = r >= scale - r ? q + 1 : q
    guard rounded <= UInt128(Int128.max) else { return nil }
    return ExactDecimal(raw: negative ? -Int128(rounded) : Int128(rounded))
  }

  @Test func multiplicationMatchesTheReference() {
    var g = Generator(state: 42)
    var checked = 0, overflowed = 0
    for _ in 0..<200_000 {
      let a = g.value(), b = g.value()
      let (product, overflow) = a.multipliedReportingOverflow(by: b)
      if let expected = Self.reference(a, b) {
        #expect(!overflow && product == expected, "\(a) × \(b) = \(product), expected \(expected)")
        checked += 1
      } else {
        #expect(overflow, "\(a) × \(b) should overflow")
        overflowed += 1
      }
      if checked > 0 && product != Self.reference(a, b) ?? product { break }
    }
    #expect(checked > 100_000 && overflowed > 1_000)
    // At the very top of the range: the largest value times one is itself (a 256-bit product
    // divided back by 10^18); one part in 10^18 more overflows; halves round away from zero.
    let top = ExactDecimal(raw: .max)
    #expect(top.multipliedReportingOverflow(by: .one) == (top, false))
    #expect(top.multipliedReportingOverflow(by: ExactDecimal(raw: 1_000_000_000_000_000_001)).overflow)
    #expect((-top).multipliedReportingOverflow(by: .one) == (-top, false))
    #expect(
      ExactDecimal(raw: 3).multipliedReportingOverflow(by: ExactDecimal(raw: 500_000_000_000_000_000)) == (
        ExactDecimal(raw: 2), false
      ))
  }

  /// A product is exact when the full-width product of the scaled integers is a multiple of 10^18.
  @Test func multiplicationSaysWhetherItRounded() {
    var g = Generator(state: 1_014)
    var rounded = 0, exact = 0, wide = 0
    for _ in 0..<200_000 {
      let a = g.value(), b = g.value()
      let tracked = a.multipliedTrackingRounding(by: b)
      let plain = a.multipliedReportingOverflow(by: b)
      #expect(tracked.partialValue == plain.partialValue && tracked.overflow == plain.overflow)
      guard !tracked.overflow else { continue }
      let full = a.raw.magnitude.multipliedFullWidth(by: b.raw.magnitude)
      let (_, remainder) = UInt128(ExactDecimal.scale).dividingFullWidth(
        (full.high % UInt128(ExactDecimal.scale), full.low))
      #expect(tracked.rounded == (remainder != 0), "\(a) × \(b)")
      if tracked.rounded { rounded += 1 } else { exact += 1 }
      if a.raw.magnitude.leadingZeroBitCount + b.raw.magnitude.leadingZeroBitCount < 128 { wide += 1 }
    }
    // Both answers, and the 256-bit path (the remainders' product), each seen many times.
    #expect(rounded > 10_000 && exact > 10_000 && wide > 10_000, "\(rounded) \(exact) \(wide)")
  }

  @Test func divisionByBillionAndScale() {
    var g = Generator(state: 7)
    for _ in 0..<100_000 {
      let x = UInt128(g.next()) << 64 | UInt128(g.next())
      let (q, r) = ExactDecimal.divideByBillion(x)
      #expect(q == x / 1_000_000_000 && UInt128(r) == x % 1_000_000_000)
      let s = Int128(truncatingIfNeeded: x >> 1) * (g.next() % 2 == 0 ? 1 : -1)
      #expect(ExactDecimal.divideByScale(s) == ExactDecimal.roundedDivision(s, by: ExactDecimal.scale))
    }
    // Half-way cases round away from zero.
    #expect(ExactDecimal.divideByScale(1_500_000_000_000_000_000) == 2)
    #expect(ExactDecimal.divideByScale(-1_500_000_000_000_000_000) == -2)
    #expect(ExactDecimal.divideByScale(1_499_999_999_999_999_999) == 1)
  }

  @Test func divisionMatchesMultiplication() {
    var g = Generator(state: 9)
    for _ in 0..<50_000 {
      let a = g.value(), b = g.value()
      guard !b.isZero else { continue }
      let (q, overflow) = a.dividedReportingOverflow(by: b)
      guard !overflow else { continue }
      // q is a / b rounded at the 18th digit: |q × b − a| ≤ |b| / 2 × 10^-18 (plus the product's own rounding).
      let (back, o) = q.multipliedReportingOverflow(by: b)
      guard !o else { continue }
      let error = (back - a).magnitude
      #expect(
        error.raw <= b.magnitude.raw / ExactDecimal.scale / 2 + 1 + b.magnitude.raw / ExactDecimal.scale,
        "\(a) / \(b) = \(q)")
    }
  }
}
