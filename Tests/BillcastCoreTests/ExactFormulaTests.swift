import Testing
@testable import BillcastCore

/// Formulas are exact through + − × ÷: a value that is exactly a whole number ceils and floors
/// to it, and a value that must be rounded is held by its interval.
@Suite("Exact formulas")
struct ExactFormulaTests {
  func eval(_ text: String, _ env: [String: Interval] = [:]) throws -> Interval {
    try Formula.parse(text).evaluate { env[$0] }
  }

  func n(_ text: String) -> Interval { Interval(ExactDecimal(text)!) }

  @Test func wholeNumbersStayWhole() throws {
    // 2 / 3 × 3 = 2 exactly; 18-digit decimals would give 0.666666666666666667 × 3 = 2.000000000000000001.
    #expect(try eval("2 / 3 * 3") == n("2"))
    #expect(try eval("ceil(2 / 3 * 3)") == n("2"))  // not 3
    #expect(try eval("floor(1 / 3 * 3)") == n("1"))  // not 0 (0.999999999999999999)
    // 1/3 × 3e9 = 1e9 exactly, not 999999999.999999999.
    #expect(try eval("1/3*3e9") == n("1000000000"))
    #expect(try eval("ceil(x / 7 * 7)", ["x": Interval(5, 12)]) == Interval(5, 12))
  }

  @Test func aRoundedValueIsHeldByItsInterval() throws {
    // 1/3 has no 18-digit decimal: the interval's ends are rounded outward and hold it.
    let third = try eval("1 / 3")
    #expect(third == Interval(ExactDecimal("0.333333333333333333")!, ExactDecimal("0.333333333333333334")!))
    // -2/3: the low end rounds down (further from zero), the high end up.
    #expect(
      try eval("-2 / 3") == Interval(ExactDecimal("-0.666666666666666667")!, ExactDecimal("-0.666666666666666666")!))
    // An exact decimal stays a point.
    #expect(try eval("1 / 1024") == n("0.0009765625"))
  }

  @Test func negativeResultsRoundOutward() throws {
    // Fuzz finding: a negative exact value came back 2^64 × 10^-18 too high (BigInt's conversion
    // to Int128). With a, b, c in 3..7: a / b × c − 435 runs from 3/7 × 3 − 435 = −433.714285…
    // (rounded down) to 7/3 × 7 − 435 = −418.666… (rounded up).
    let range = Interval(3, 7)
    #expect(
      try eval("a / b * c - 435", ["a": range, "b": range, "c": range])
        == Interval(ExactDecimal("-433.714285714285714286")!, ExactDecimal("-418.666666666666666666")!))
    #expect(try eval("a - 435", ["a": range]) == Interval(-432, -428))
    #expect(try eval("ceil(-7 / 3 * 3)") == n("-7"))
    #expect(try eval("floor(-1 / 3)") == n("-1"))
  }

  @Test func exactnessCarriesThroughNamesWithTheirClosedFormulas() throws {
    // third = 1/3 rounded outward; third × 6 would be 1.999999999999999998..2.000000000000000004
    // from the rounded ends, but with third's closed formula it is exactly 2.
    let (value, exact) = try Formula.parse("1 / 3").evaluate({ _ in nil }, expansion: { _ in nil })
    #expect(!exact)
    let closed = ClosedFormula(try Formula.parse("1 / 3"), closed: { _ in nil }, literal: { _ in nil })!
    let six = try Formula.parse("ceil(third * 6)").evaluate(
      { $0 == "third" ? value : nil }, expansion: { $0 == "third" ? closed : nil })
    #expect(six.value == n("2") && six.exact)
    let rounded = try Formula.parse("ceil(third * 6)").evaluate { $0 == "third" ? value : nil }
    #expect(rounded == Interval(2, 3))  // without it: still holds 2, but not exactly
  }

  @Test func closedFormulasAreBounded() throws {
    var f = try Formula.parse("1 / 3")
    for _ in 0..<7 { f = .binary(.add, f, f) }  // 2^7 copies of 3 nodes: past ClosedFormula.maximumNodes (200)
    #expect(ClosedFormula(f, closed: { _ in nil }, literal: { _ in nil }) == nil)
    // A chain v_i = v_(i-1) / 3 + 1 grows 4 nodes and 2 levels a link: past 32 levels it is not
    // kept, and the next link starts again from the rounded value.
    var previous: ClosedFormula? = ClosedFormula(
      try Formula.parse("1 / 3"), closed: { _ in nil }, literal: { _ in nil })
    var kept = 1
    for _ in 0..<100 {
      let p = previous
      previous = ClosedFormula(try Formula.parse("v / 3 + 1"), closed: { _ in p }, literal: { _ in .number(1) })
      if previous == nil { break }
      kept += 1
    }
    #expect(kept == 16)  // depth 2 + 2 × 15 = 32
  }

  @Test func compiledProgramsCeilExactly() throws {
    // The Monte Carlo's compiled form: ceil(x / 3 * 3) with x = 2 at a point is 2, not 3.
    let f = try Formula.parse("ceil(x / 3 * 3)")
    let compiled = try CompiledFormula.compile(f, point: .mid) { $0 == "x" ? .slot(0) : nil }
    #expect(try compiled.evaluate([ExactDecimal(2)]) == ExactDecimal(2))
    // Constants are folded only when exact: ceil(2 / 3 * 3) is 2.
    let constant = try CompiledFormula.compile(try Formula.parse("ceil(2 / 3 * 3)"), point: .mid) { _ in nil }
    #expect(try constant.evaluate([]) == ExactDecimal(2))
    // Without a ceil, a rounded division stays the fast decimal: 2/3 to nearest.
    let plain = try CompiledFormula.compile(try Formula.parse("x / 3"), point: .mid) { $0 == "x" ? .slot(0) : nil }
    #expect(try plain.evaluate([ExactDecimal(2)]) == ExactDecimal("0.666666666666666667")!)
  }

  @Test func roundingIsReportedOnlyWhenItHappens() {
    let third = ExactDecimal(1).dividedTrackingRounding(by: ExactDecimal(3))
    #expect(third.rounded && !third.overflow)
    #expect(!ExactDecimal(1).dividedTrackingRounding(by: ExactDecimal(1024)).rounded)
    // 0.1 × 0.1 = 0.01 exactly; 1e-10 × 1e-10 = 1e-20 rounds to 0.
    #expect(!ExactDecimal("0.1")!.multipliedTrackingRounding(by: ExactDecimal("0.1")!).rounded)
    #expect(ExactDecimal("0.0000000001")!.multipliedTrackingRounding(by: ExactDecimal("0.0000000001")!).rounded)
    // A product past 2^126 takes the wide path: 10^14 × 0.0000166667 is exact.
    #expect(!ExactDecimal("100000000000000")!.multipliedTrackingRounding(by: ExactDecimal("0.0000166667")!).rounded)
  }

  @Test func trackingArithmeticGivesTheSameValuesAsThePlainOperators() {
    // The rounding-tracking operations must round exactly as the plain ones do (half away from
    // zero), for either sign and on both the fast and the wide paths.
    let values = [
      "2", "-2", "3", "-3", "0.7", "-0.7", "1e-18", "-1e-18", "123456789.123456789", "-987654321.5", "1e14", "-1e14",
      "0.0000166667",
    ]
    .map { ExactDecimal($0)! }
    for a in values {
      for b in values {
        let m = a.multipliedReportingOverflow(by: b), mt = a.multipliedTrackingRounding(by: b)
        #expect(m.overflow == mt.overflow && (m.overflow || m.partialValue == mt.partialValue), "\(a) × \(b)")
        let q = a.dividedReportingOverflow(by: b), qt = a.dividedTrackingRounding(by: b)
        #expect(q.overflow == qt.overflow && (q.overflow || q.partialValue == qt.partialValue), "\(a) ÷ \(b)")
      }
    }
    // 2 ÷ −3 rounds away from zero: −0.666666666666666667.
    #expect(
      ExactDecimal(2).dividedTrackingRounding(by: ExactDecimal(-3)).partialValue == ExactDecimal(
        "-0.666666666666666667")!)
  }
}
