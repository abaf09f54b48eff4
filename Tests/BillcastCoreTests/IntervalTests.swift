import Testing
@testable import BillcastCore

@Suite("Interval")
struct IntervalTests {
  func i(_ a: Int, _ b: Int) -> Interval { Interval(ExactDecimal(a), ExactDecimal(b)) }

  @Test func arithmetic() throws {
    #expect(try i(1, 2).adding(i(10, 20)) == i(11, 22))
    #expect(try i(1, 2).subtracting(i(10, 20)) == i(-19, -8))
    // [-2, 3] × [4, 5]: products -8, -10, 12, 15 → [-10, 15].
    #expect(try i(-2, 3).multiplied(by: i(4, 5)) == i(-10, 15))
    // [10, 20] / [2, 5] → [2, 10].
    #expect(try i(10, 20).divided(by: i(2, 5)) == i(2, 10))
    #expect(throws: IntervalArithmeticError.divisionByZero) { try i(1, 2).divided(by: i(-1, 1)) }
  }

  @Test func minMaxHull() {
    #expect(Interval.minimum(i(1, 10), i(5, 6)) == i(1, 6))
    #expect(Interval.maximum(i(1, 10), i(5, 6)) == i(5, 10))
    #expect(i(1, 2).hull(i(5, 6)) == i(1, 6))
    #expect(i(1000, 5000).description == "1000..5000" && Interval(ExactDecimal(7)).description == "7")
  }
}
