import Testing
@testable import BillcastCore

@Suite("ExactDecimal")
struct ExactDecimalTests {
  @Test(
    "accepts the strict grammar",
    arguments: [
      ("1000", "1000"), ("1_000", "1000"), ("1_000_000", "1000000"), ("0.0000166667", "0.0000166667"),
      ("1e6", "1000000"), ("2.5E-3", "0.0025"), ("-3", "-3"), ("+7.50", "7.5"), ("0", "0"), ("6e9", "6000000000"),
      ("0.000000000000000001", "0.000000000000000001"), ("1.0e-18", "0.000000000000000001"),
    ])
  func accepts(text: String, expected: String) {
    #expect(ExactDecimal(text)?.description == expected)
  }

  @Test(
    "rejects everything else",
    arguments: [
      "12abc", "0x10", ".inf", ".nan", "-.inf", "1.", ".5", "1__0", "_1", "1_", "", " 1", "1 ", "1e", "e5", "1,000",
      "0o17", "1:30",
      "--1", "1.2.3", "NaN",
    ])
  func rejects(text: String) {
    #expect(ExactDecimal(text) == nil)
  }

  @Test func tooPreciseAndTooLarge() {
    // 19 fractional digits cannot be held exactly: an error, not a rounding.
    #expect(ExactDecimal.parse("0.0000000000000000001") == .failure(.tooPrecise("0.0000000000000000001")))
    // Trailing zeros beyond 18 digits are fine: the value is exact.
    #expect(ExactDecimal("0.10000000000000000000")?.description == "0.1")
    #expect(ExactDecimal.parse("1e16") == .failure(.tooLarge("1e16")))
    #expect(ExactDecimal.parse("1e1001") == .failure(.tooLarge("1e1001")))
    #expect(ExactDecimal("1e15") != nil)
  }

  @Test func multiplicationIsExactAndRoundsHalfAwayFromZero() {
    // 0.0000166667 × 140,000 = 2.333338 exactly (Lambda's worked example 1).
    #expect(ExactDecimal("0.0000166667")! * ExactDecimal(140_000) == ExactDecimal("2.333338")!)
    // 0.1 + 0.2 = 0.3 exactly.
    #expect(ExactDecimal("0.1")! + ExactDecimal("0.2")! == ExactDecimal("0.3")!)
    // 1e-18 × 0.5 = 5e-19, which rounds half away from zero to 1e-18 (and -1e-18 for the negative).
    let tiny = ExactDecimal(raw: 1)
    #expect(tiny * ExactDecimal("0.5")! == tiny)
    #expect(-tiny * ExactDecimal("0.5")! == -tiny)
    // A product of two large factors takes the full-width path: 123,456,789,012.5 × 1,000,000.
    #expect(ExactDecimal("123456789012.5")! * ExactDecimal(1_000_000) == ExactDecimal(123_456_789_012_500_000))
  }

  @Test func divisionRoundsAtTheEighteenthDigit() {
    #expect((ExactDecimal(1) / ExactDecimal(3)).description == "0.333333333333333333")
    #expect((ExactDecimal(2) / ExactDecimal(3)).description == "0.666666666666666667")
    #expect((ExactDecimal(-2) / ExactDecimal(3)).description == "-0.666666666666666667")
    #expect(ExactDecimal(1).dividedReportingOverflow(by: .zero).overflow)
  }

  @Test func overflowIsReported() {
    let big = ExactDecimal(raw: .max / 2)
    #expect(big.multipliedReportingOverflow(by: ExactDecimal(3)).overflow)
    #expect(big.addingReportingOverflow(big).overflow == false)
    #expect(ExactDecimal(raw: .max).addingReportingOverflow(ExactDecimal.one).overflow)
  }

  @Test func rounding() {
    #expect(ExactDecimal("2.345")!.formatted(fractionDigits: 2) == "2.35")
    #expect(ExactDecimal("-2.345")!.formatted(fractionDigits: 2) == "-2.35")
    #expect(ExactDecimal("2.344999")!.formatted(fractionDigits: 2) == "2.34")
    #expect(ExactDecimal("1234567.891")!.formatted(fractionDigits: 2, grouping: true) == "1,234,567.89")
    #expect(ExactDecimal("0.5")!.ceiling() == 1 && ExactDecimal("-0.5")!.ceiling() == 0)
    #expect(ExactDecimal("-0.5")!.floor() == -1 && ExactDecimal("2")!.floor() == 2)
    // Whole numbers stay; the smallest fraction (10^-18) moves a value to the next integer.
    #expect(
      ExactDecimal("-2")!.ceiling() == -2 && ExactDecimal("-2")!.floor() == -2 && ExactDecimal("2")!.ceiling() == 2)
    #expect(
      ExactDecimal("0.000000000000000001")!.ceiling() == 1 && ExactDecimal("-0.000000000000000001")!.floor() == -1)
    #expect(ExactDecimal("-1.5")!.ceiling() == -1 && ExactDecimal("-1.5")!.floor() == -2)
    // Large values (above 2^64 as scaled integers): 10^15 − 0.5 rounds up to 10^15 and down to 10^15 − 1.
    #expect(ExactDecimal("999999999999999.5")!.ceiling() == ExactDecimal("1000000000000000")!)
    #expect(ExactDecimal("999999999999999.5")!.floor() == ExactDecimal("999999999999999")!)
    #expect(ExactDecimal("-999999999999999.5")!.floor() == ExactDecimal("-1000000000000000")!)
  }
}

@Suite("Calendar dates")
struct CalendarDateTests {
  /// 1970-01-01 + n days. 2000-01-01 is 30 × 365 + 7 leap days (1972 … 1996) = 10,957; + 31 (January)
  /// + 28 = 11,016 is 2000-02-29 (2000 is a leap year: divisible by 400), 11,017 is 2000-03-01.
  @Test func daysSince1970() {
    #expect(CalendarDate(daysSince1970: 0) == CalendarDate("1970-01-01"))
    #expect(CalendarDate(daysSince1970: -1) == CalendarDate("1969-12-31"))
    #expect(CalendarDate(daysSince1970: 10_957) == CalendarDate("2000-01-01"))
    #expect(CalendarDate(daysSince1970: 11_016) == CalendarDate("2000-02-29"))
    #expect(CalendarDate(daysSince1970: 11_017) == CalendarDate("2000-03-01"))
    // 2100 is not a leap year: 2100-02-28 + 1 day is 2100-03-01. 2100-01-01 is 10,957 + 100 × 365 + 25 leap days (2000 … 2096) = 47,482.
    #expect(CalendarDate(daysSince1970: 47_482) == CalendarDate("2100-01-01"))
    #expect(CalendarDate(daysSince1970: 47_482 + 31 + 28) == CalendarDate("2100-03-01"))
  }
}
