extension ExactDecimal {
  /// `self × numerator ÷ denominator` at full width, rounded once, half away from zero.
  ///
  /// The product is kept in 256 bits, so a share of a large amount (`cost × usage ÷ total
  /// usage`) never overflows on the way even when `cost × usage` would. Returns nil when the
  /// denominator is zero or the result does not fit.
  public func multiplied(by numerator: ExactDecimal, dividedBy denominator: ExactDecimal) -> ExactDecimal? {
    guard !denominator.isZero else { return nil }
    let negative = ((raw < 0) != (numerator.raw < 0)) != (denominator.raw < 0)
    let d = denominator.raw.magnitude
    // raw(a × b ÷ c) = a.raw × b.raw ÷ c.raw: the scales cancel.
    let product = raw.magnitude.multipliedFullWidth(by: numerator.raw.magnitude)
    guard product.high < d else { return nil }  // the quotient would not fit in 128 bits
    let (quotient, remainder) = d.dividingFullWidth(product)
    var magnitude = quotient
    if remainder >= d - remainder {  // 2 × remainder ≥ d: round away from zero
      let (next, overflow) = magnitude.addingReportingOverflow(1)
      guard !overflow else { return nil }
      magnitude = next
    }
    guard magnitude <= UInt128(Int128.max) else { return nil }
    return ExactDecimal(raw: negative ? -Int128(magnitude) : Int128(magnitude))
  }
}
