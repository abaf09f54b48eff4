/// An arithmetic formula over named values: the quantity of a meter, the value
/// of a component input, or a workload variable.
///
/// The grammar (whitespace is free):
///
///     formula  := sum ('..' sum)?             a range: low..high
///     sum      := product (('+' | '-') product)*
///     product  := unary (('*' | '/') unary)*
///     unary    := '-' unary | primary
///     primary  := NUMBER | NAME | FUNCTION '(' formula (',' formula)* ')' | '(' formula ')'
///     FUNCTION := min | max | ceil | floor
///
/// Numbers follow ``ExactDecimal/parse(_:)``. Values are intervals, so a formula
/// over ranges gives a range.
public indirect enum Formula: Hashable, Sendable {
  case number(ExactDecimal)
  case name(String)
  case negate(Formula)
  case binary(BinaryOperator, Formula, Formula)
  case call(Function, [Formula])
  case range(Formula, Formula)

  /// A binary arithmetic operator.
  public enum BinaryOperator: String, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/"

    var precedence: Int {
      switch self {
      case .add, .subtract: return 1
      case .multiply, .divide: return 2
      }
    }
  }

  /// A built-in function.
  public enum Function: String, CaseIterable, Sendable {
    case min, max, ceil, floor

    var arity: ClosedRange<Int> {
      switch self {
      case .min, .max: return 2...16
      case .ceil, .floor: return 1...1
      }
    }
  }

  /// The longest formula text accepted, in characters.
  public static let maximumLength = 2_000
  /// The deepest nesting of parentheses, calls and operators accepted.
  public static let maximumDepth = 64

  /// The names the formula refers to, in order of first appearance.
  public var names: [String] {
    var seen: [String] = []
    func visit(_ f: Formula) {
      switch f {
      case .number: break
      case .name(let n): if !seen.contains(n) { seen.append(n) }
      case .negate(let a): visit(a)
      case .binary(_, let a, let b), .range(let a, let b): visit(a); visit(b)
      case .call(_, let args): args.forEach(visit)
      }
    }
    visit(self)
    return seen
  }

  /// The constant value, if the formula names nothing.
  public var isConstant: Bool { names.isEmpty }
}

extension Formula {
  /// Evaluates the formula with interval arithmetic; `lookup` gives each name's value.
  ///
  /// The result holds the formula's exact value for every value inside its operands' ranges.
  /// Decimal arithmetic is tried first; when it had to round (a division like `/ 3`, a product
  /// past 18 decimals), the formula is evaluated again with exact fractions, so that `ceil` and
  /// `floor` of a value that is exactly a whole number give that number, and only the result is
  /// rounded, outward: its low end down and its high end up.
  public func evaluate(_ lookup: (String) -> Interval?) throws(FormulaEvaluationError) -> Interval {
    try evaluate(lookup, expansion: { _ in nil }).value
  }

  /// Evaluates the formula as ``evaluate(_:)`` does, and says whether the value is exact.
  ///
  /// `expansion` gives, for a name whose own value was rounded, a closed formula (no names) of
  /// its exact value: the exact evaluation uses it instead of the rounded value, so exactness
  /// carries from a workload variable to a component input and on to a meter's quantity.
  package func evaluate(
    _ lookup: (String) -> Interval?, expansion: (String) -> ClosedFormula?
  ) throws(FormulaEvaluationError) -> (value: Interval, exact: Bool) {
    var rounded = false
    let decimal: Interval
    do {
      decimal = try evaluateDecimal(lookup, expansion, &rounded)
    } catch let e as FormulaEvaluationError {
      throw e
    } catch let e as IntervalArithmeticError {
      throw e == .overflow ? .overflow : .divisionByZero
    } catch {
      throw .overflow
    }
    if !rounded { return (decimal, true) }
    let exact = try evaluateExactly(lookup, expansion)
    let value = try exact.outward()
    return (value, ExactRational(value.low) == exact.low && ExactRational(value.high) == exact.high)
  }

  /// Decimal interval arithmetic; sets `rounded` when any step rounded or read a rounded name.
  private func evaluateDecimal(
    _ lookup: (String) -> Interval?, _ expansion: (String) -> ClosedFormula?, _ rounded: inout Bool
  ) throws -> Interval {
    switch self {
    case .number(let v):
      return Interval(v)
    case .name(let n):
      guard let v = lookup(n) else { throw FormulaEvaluationError.unknownName(n) }
      if expansion(n) != nil { rounded = true }
      return v
    case .negate(let a):
      return try a.evaluateDecimal(lookup, expansion, &rounded).negated()
    case .binary(let op, let a, let b):
      let x = try a.evaluateDecimal(lookup, expansion, &rounded), y = try b.evaluateDecimal(lookup, expansion, &rounded)
      switch op {
      case .add: return try x.adding(y)
      case .subtract: return try x.subtracting(y)
      case .multiply: return try x.multiplied(by: y, rounded: &rounded)
      case .divide: return try x.divided(by: y, rounded: &rounded)
      }
    case .call(let fn, let args):
      var values: [Interval] = []
      for a in args { values.append(try a.evaluateDecimal(lookup, expansion, &rounded)) }
      switch fn {
      case .min: return values.dropFirst().reduce(values[0]) { Interval.minimum($0, $1) }
      case .max: return values.dropFirst().reduce(values[0]) { Interval.maximum($0, $1) }
      case .ceil: return values[0].mapMonotone { $0.ceiling() }
      case .floor: return values[0].mapMonotone { $0.floor() }
      }
    case .range(let a, let b):
      let x = try a.evaluateDecimal(lookup, expansion, &rounded), y = try b.evaluateDecimal(lookup, expansion, &rounded)
      guard x.low <= y.high else { throw FormulaEvaluationError.invertedRange(TerminalText.excerpt(self.description)) }
      return Interval(x.low, y.high)
    }
  }

  /// Exact interval arithmetic over fractions.
  func evaluateExactly(_ lookup: (String) -> Interval?, _ expansion: (String) -> ClosedFormula?)
    throws(FormulaEvaluationError) -> RationalInterval
  {
    switch self {
    case .number(let v):
      return RationalInterval(point: ExactRational(v))
    case .name(let n):
      if let e = expansion(n) { return try e.formula.evaluateExactly({ _ in nil }, { _ in nil }) }
      guard let v = lookup(n) else { throw .unknownName(n) }
      return RationalInterval(v)
    case .negate(let a):
      return try a.evaluateExactly(lookup, expansion).negated()
    case .binary(let op, let a, let b):
      let x = try a.evaluateExactly(lookup, expansion), y = try b.evaluateExactly(lookup, expansion)
      switch op {
      case .add: return x + y
      case .subtract: return x - y
      case .multiply: return x * y
      case .divide: return try x.divided(by: y)
      }
    case .call(let fn, let args):
      var values: [RationalInterval] = []
      for a in args { values.append(try a.evaluateExactly(lookup, expansion)) }
      switch fn {
      case .min:
        return values.dropFirst().reduce(values[0]) { RationalInterval(min($0.low, $1.low), min($0.high, $1.high)) }
      case .max:
        return values.dropFirst().reduce(values[0]) { RationalInterval(max($0.low, $1.low), max($0.high, $1.high)) }
      case .ceil:
        return values[0].isPoint
          ? RationalInterval(point: values[0].low.ceiling())
          : RationalInterval(values[0].low.ceiling(), values[0].high.ceiling())
      case .floor:
        return values[0].isPoint
          ? RationalInterval(point: values[0].low.floor())
          : RationalInterval(values[0].low.floor(), values[0].high.floor())
      }
    case .range(let a, let b):
      let x = try a.evaluateExactly(lookup, expansion), y = try b.evaluateExactly(lookup, expansion)
      guard !(y.high < x.low) else { throw .invertedRange(TerminalText.excerpt(self.description)) }
      return RationalInterval(x.low, y.high)
    }
  }

  /// The formula with each name that `replacement` gives a formula for replaced by it.
  public func substituting(_ replacement: (String) -> Formula?) -> Formula {
    switch self {
    case .number: return self
    case .name(let n): return replacement(n) ?? self
    case .negate(let a): return .negate(a.substituting(replacement))
    case .binary(let op, let a, let b): return .binary(op, a.substituting(replacement), b.substituting(replacement))
    case .call(let fn, let args): return .call(fn, args.map { $0.substituting(replacement) })
    case .range(let a, let b): return .range(a.substituting(replacement), b.substituting(replacement))
    }
  }

  /// The number of nodes in the tree (a shared subtree counts each time it appears).
  public var nodeCount: Int {
    switch self {
    case .number, .name: return 1
    case .negate(let a): return 1 + a.nodeCount
    case .binary(_, let a, let b), .range(let a, let b): return 1 + a.nodeCount + b.nodeCount
    case .call(_, let args): return args.reduce(1) { $0 + $1.nodeCount }
    }
  }

  /// A formula for an interval: a number, or a range of two numbers.
  public static func literal(_ value: Interval) -> Formula {
    value.isPoint ? .number(value.low) : .range(.number(value.low), .number(value.high))
  }
}

extension Formula: CustomStringConvertible {
  /// The formula as text that parses back to the same formula.
  public var description: String { render(parentPrecedence: 0, rightOperand: false) }

  private func render(parentPrecedence: Int, rightOperand: Bool) -> String {
    switch self {
    case .number(let v):
      return v.isNegative ? "(\(v))" : v.description
    case .name(let n):
      return n
    case .negate(let a):
      let inner = a.render(parentPrecedence: 3, rightOperand: false)
      return "-" + inner
    case .binary(let op, let a, let b):
      let p = op.precedence
      let text =
        a.render(parentPrecedence: p, rightOperand: false) + " \(op.rawValue) "
        + b.render(parentPrecedence: p, rightOperand: true)
      let needsParens = p < parentPrecedence || (p == parentPrecedence && rightOperand)
      return needsParens ? "(\(text))" : text
    case .call(let fn, let args):
      return fn.rawValue + "("
        + args.map { $0.render(parentPrecedence: 0, rightOperand: false) }.joined(separator: ", ") + ")"
    case .range(let a, let b):
      let text =
        a.render(parentPrecedence: 1, rightOperand: false) + ".."
        + b.render(parentPrecedence: 1, rightOperand: false)
      return parentPrecedence > 0 ? "(\(text))" : text
    }
  }
}
