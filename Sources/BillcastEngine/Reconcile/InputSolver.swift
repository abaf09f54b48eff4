import BillcastCore

/// Solves a meter's quantity formula for one input: the value that gives the bill's quantity.
enum InputSolver {
  /// The relative error a solution may leave: a calibrated estimate matches the bill to 1 part in 10^8.
  static let tolerance = ExactDecimal(raw: ExactDecimal.scale / 100_000_000)

  /// The value of `x` for which `f(x)` is `target`, starting from `start`, rounded to the fewest
  /// significant digits that keep the tolerance; nil if none is found (the formula does not
  /// grow with the input, or cannot reach the target).
  ///
  /// Steps are proportional (`x × target ÷ f(x)`), exact in one step for a quantity proportional
  /// to the input, and converging for one rounded up per unit (`ceil(duration_ms)`); a bisection
  /// finishes what they cannot.
  static func solve(target: ExactDecimal, start: ExactDecimal, _ f: (ExactDecimal) -> ExactDecimal?) -> ExactDecimal? {
    guard let solution = rawSolution(target: target, start: start, f) else { return nil }
    for digits in 1...15 {
      let rounded = significant(solution, digits: digits)
      if let y = f(rounded), close(y, target) { return rounded }
    }
    return solution
  }

  /// Whether a value is the target within the tolerance.
  static func close(_ y: ExactDecimal, _ target: ExactDecimal) -> Bool {
    (y - target).magnitude <= ExactDecimal.maximum(target.magnitude * tolerance, ExactDecimal(raw: 1_000_000))
  }

  /// The unrounded solution.
  static func rawSolution(target: ExactDecimal, start: ExactDecimal, _ f: (ExactDecimal) -> ExactDecimal?)
    -> ExactDecimal?
  {
    if let zero = f(.zero), close(zero, target) { return .zero }
    guard target > .zero else { return nil }
    var x = start > .zero ? start : .one
    var low: ExactDecimal?, high: ExactDecimal?
    for _ in 0..<40 {
      guard let y = f(x) else { return nil }
      if close(y, target) { return x }
      if y < target { low = x } else { high = x }
      guard y > .zero else {
        guard x < ExactDecimal.parseLimit else { return nil }
        x = x * 10
        continue
      }
      let next = x * target / y
      if next == x || next <= .zero || next > ExactDecimal.parseLimit { break }
      x = next
    }
    // Bisection between the last values below and above the target.
    guard var lo = low, var hi = high, lo < hi else { return nil }
    for _ in 0..<200 {
      let mid = (lo + hi) / 2
      guard let y = f(mid) else { return nil }
      if close(y, target) { return mid }
      if y < target { lo = mid } else { hi = mid }
      if hi - lo <= ExactDecimal(raw: 1) { return hi }
    }
    return nil
  }

  /// A value rounded half up to a number of significant digits.
  static func significant(_ value: ExactDecimal, digits: Int) -> ExactDecimal {
    guard !value.isZero else { return value }
    var magnitude = 0
    var v = value.magnitude
    while v >= 10 {
      v = v / 10
      magnitude += 1
    }
    while v < 1 {
      v = v * 10
      magnitude -= 1
    }
    let fraction = digits - 1 - magnitude
    guard fraction < ExactDecimal.fractionDigits else { return value }
    if fraction >= 0 { return value.rounded(toFractionDigits: fraction) }
    var p = ExactDecimal.one
    for _ in 0..<(-fraction) { p = p * 10 }
    return (value / p).rounded(toFractionDigits: 0) * p
  }
}
