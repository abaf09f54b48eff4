import BillcastCore
import BillcastTestSupport
import Testing

/// The formula printer and parser over generated formula trees.
@Suite("Properties: formulas")
struct FormulaPropertyTests {
  /// A random formula of at most `depth` levels, in the parser's canonical form: numbers (up to
  /// 6 decimals, some negative), names, negation, the four operators, the four functions with
  /// valid arities, and ranges.
  static func formula(_ random: inout PropertyRandom, depth: Int) -> Formula {
    if depth == 0 || random.chance(25) {
      guard random.chance(50) else { return .name(random.pick(["a", "b", "page_views", "month_hours", "x1"])) }
      let n = ExactDecimal(random.decimalText(upTo: random.pick([9, 1_000, 1_000_000]), decimals: 6))!
      return .number(random.chance(20) ? -n : n)
    }
    switch random.int(0...5) {
    case 0:
      // The parser reads `-5` as the number -5, so a canonical tree never negates a number.
      let operand = formula(&random, depth: depth - 1)
      if case .number(let n) = operand { return .number(-n) }
      return .negate(operand)
    case 1, 2:
      let op = random.pick([Formula.BinaryOperator.add, .subtract, .multiply, .divide])
      return .binary(op, formula(&random, depth: depth - 1), formula(&random, depth: depth - 1))
    case 3:
      let f = random.pick(Formula.Function.allCases)
      let count = (f == .min || f == .max) ? random.int(2...4) : 1
      return .call(f, (0..<count).map { _ in formula(&random, depth: depth - 1) })
    case 4: return .range(formula(&random, depth: 0), formula(&random, depth: 0))
    default: return formula(&random, depth: depth - 1)
    }
  }

  /// Printing then parsing gives back the same tree, and printing that gives the same text,
  /// for 20,000 generated formulas; both evaluate to the same interval (or fail the same way).
  @Test func printerAndParserRoundTrip() throws {
    var random = PropertyRandom(seed: 9)
    let values: [String: Interval] = [
      "a": Interval(ExactDecimal(2)), "b": Interval(ExactDecimal(3), ExactDecimal(7)),
      "page_views": Interval(ExactDecimal(1000)),
      "month_hours": Interval(ExactDecimal(730)), "x1": Interval(ExactDecimal(-4), ExactDecimal(-1)),
    ]
    for _ in 0..<20_000 {
      let f = Self.formula(&random, depth: random.int(0...7))
      let text = f.description
      let parsed = try Formula.parse(text)
      #expect(parsed == f, "\(text)")
      #expect(parsed.description == text)
      let a = Result { () throws(FormulaEvaluationError) in try f.evaluate { values[$0] } }
      let b = Result { () throws(FormulaEvaluationError) in try parsed.evaluate { values[$0] } }
      #expect(a == b, "\(text)")
    }
  }
}
