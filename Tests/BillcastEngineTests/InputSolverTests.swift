import BillcastCore
import Testing

@testable import BillcastEngine

/// Solving a meter's quantity formula for one input.
@Suite struct InputSolverTests {
  /// GB-seconds = requests × ceil(ms) ÷ 1000 × GB: 5,000,000 requests at 1 GB bill 1,500,000 GB-s
  /// at 300 ms (5,000,000 × 300 ÷ 1000) and 2,000,000 at 400 ms; from 200 ms one proportional step
  /// reaches each.
  @Test(arguments: [("1500000", 300), ("2000000", 400)])
  func roundedUpDuration(_ target: String, _ expected: Int) {
    let f = { (x: ExactDecimal) -> ExactDecimal? in ExactDecimal(5000) * x.ceiling() }
    #expect(InputSolver.solve(target: ExactDecimal(target)!, start: 200, f) == ExactDecimal(expected))
  }

  /// A proportional quantity is solved in one step and written with the fewest significant digits
  /// that keep 1 part in 10^8: 1,234,567 ÷ 5,000 = 246.9134, exactly.
  @Test func proportional() {
    let f = { (x: ExactDecimal) -> ExactDecimal? in ExactDecimal(5000) * x }
    #expect(InputSolver.solve(target: 1_234_567, start: 200, f) == ExactDecimal("246.9134")!)
    // 1 ÷ 3 needs rounding: 0.33333333 × 3 = 0.99999999, 1 part in 10^8 from 1 (the tolerance,
    // inclusive); 0.3333333 × 3 = 0.9999999 is 10 parts off.
    let third = { (x: ExactDecimal) -> ExactDecimal? in x * 3 }
    #expect(InputSolver.solve(target: 1, start: 1, third) == ExactDecimal("0.33333333")!)
  }

  /// A quantity the input does not change (0 whatever it is) cannot be solved for.
  @Test func unsolvable() {
    #expect(InputSolver.solve(target: 10, start: 1, { _ in .zero }) == nil)
  }
}
