/// Arithmetic that says whether it rounded: the signal for the exact fallback (``ExactRational``).
extension ExactDecimal {
  /// The product (rounded half away from zero), whether it overflowed, and whether it was rounded.
  @inlinable @inline(__always)
  public func multipliedTrackingRounding(by other: Self) -> (partialValue: Self, overflow: Bool, rounded: Bool) {
    let a = raw, b = other.raw
    if a.magnitude.leadingZeroBitCount + b.magnitude.leadingZeroBitCount >= 130 {
      let (q, exact) = Self.divideByScaleTracking(a &* b)
      return (Self(raw: q), false, !exact)
    }
    // The product of the scaled integers still fits: its remainder by 10^18 says it all.
    let (product, overflow) = a.multipliedReportingOverflow(by: b)
    if !overflow {
      let (q, exact) = Self.divideByScaleTracking(product)
      return (Self(raw: q), false, !exact)
    }
    let r = multipliedWide(by: other)
    if r.overflow { return (r.partialValue, true, false) }
    // The product of the scaled integers is a multiple of 10^18 exactly when the product of their
    // remainders is: (a mod m)(b mod m) < 2^120 fits, and two divisions by 10^9 finish it. Each
    // remainder also comes from two 64-bit divisions by 10^9 (a 128-bit `%` calls the runtime).
    let ra = Self.remainderByScale(a.magnitude), rb = Self.remainderByScale(b.magnitude)
    let (_, exact) = Self.divideByScaleTracking(Int128(truncatingIfNeeded: ra &* rb))
    return (r.partialValue, false, !exact)
  }

  /// The quotient (rounded half away from zero), whether it overflowed or divided by zero, and whether it was rounded.
  public func dividedTrackingRounding(by other: Self) -> (partialValue: Self, overflow: Bool, rounded: Bool) {
    if other.raw == 0 { return (.zero, true, false) }
    // Fast path, as in dividedReportingOverflow: the dividend times 10^18 fits in Int128.
    let (scaled, overflow) = raw.multipliedReportingOverflow(by: 1_000_000_000_000_000_000)
    if !overflow {
      let (q, rounded) = Self.roundedDivisionTracking(scaled, by: other.raw)
      return (Self(raw: q), false, rounded)
    }
    let r = dividedReportingOverflow(by: other)
    if r.overflow { return (r.partialValue, true, false) }
    return (
      r.partialValue, false,
      r.partialValue.raw.multipliedFullWidth(by: other.raw) != raw.multipliedFullWidth(by: Self.scale)
    )
  }

  /// Integer division by `k` (k > 0) rounding half away from zero, and whether it was rounded.
  @inlinable @inline(__always)
  static func roundedDivisionTracking(_ a: Int128, by k: Int128) -> (Int128, rounded: Bool) {
    let q = a / k
    let r = a &- q &* k
    let m = r.magnitude
    if r != 0 && m >= k.magnitude - m { return ((a < 0) != (k < 0) ? q - 1 : q + 1, true) }
    return (q, r != 0)
  }

  /// `x mod 10^18`, from two 64-bit divisions by 10^9.
  @inlinable @inline(__always)
  static func remainderByScale(_ x: UInt128) -> UInt128 {
    let (q1, r1) = divideByBillion(x)
    let (_, r2) = divideByBillion(q1)
    return UInt128(r2) &* 1_000_000_000 &+ UInt128(r1)
  }

  /// Division by 10^18 rounding half away from zero, and whether the remainder was zero.
  @inlinable @inline(__always)
  static func divideByScaleTracking(_ a: Int128) -> (Int128, exact: Bool) {
    let (q1, r1) = divideByBillion(a.magnitude)
    let (q2, r2) = divideByBillion(q1)
    let remainder = UInt128(r2) * 1_000_000_000 + UInt128(r1)
    let rounded = Int128(truncatingIfNeeded: remainder >= 500_000_000_000_000_000 ? q2 + 1 : q2)
    return (a < 0 ? -rounded : rounded, remainder == 0)
  }
}
