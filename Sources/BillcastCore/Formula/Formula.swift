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

/// Why a formula could not be evaluated.
public enum FormulaEvaluationError: Error, Equatable, Sendable, CustomStringConvertible {
  case unknownName(String)
  case overflow
  case divisionByZero
  case invertedRange(String)

  /// A message saying why the formula could not be evaluated.
  public var description: String {
    switch self {
    case .unknownName(let n): return "unknown name '\(TerminalText.excerpt(n))'"
    case .overflow: return "the result is too large to compute exactly"
    case .divisionByZero: return "division by a value that can be zero"
    case .invertedRange(let r): return "range \(r) has its low end above its high end"
    }
  }
}

extension FormulaEvaluationError {
  /// The formula error for an interval arithmetic error.
  public init(_ error: IntervalArithmeticError) {
    self = error == .overflow ? .overflow : .divisionByZero
  }
}

extension Interval {
  /// The product, with a formula error.
  public func times(_ b: Interval) throws(FormulaEvaluationError) -> Interval {
    do { return try multiplied(by: b) } catch { throw FormulaEvaluationError(error) }
  }

  /// The sum, with a formula error.
  public func plus(_ b: Interval) throws(FormulaEvaluationError) -> Interval {
    do { return try adding(b) } catch { throw FormulaEvaluationError(error) }
  }
}

extension Formula {
  /// Evaluates the formula with interval arithmetic; `lookup` gives each name's value.
  public func evaluate(_ lookup: (String) -> Interval?) throws(FormulaEvaluationError) -> Interval {
    do {
      return try evaluateInner(lookup)
    } catch let e as FormulaEvaluationError {
      throw e
    } catch let e as IntervalArithmeticError {
      throw e == .overflow ? .overflow : .divisionByZero
    } catch {
      throw .overflow
    }
  }

  private func evaluateInner(_ lookup: (String) -> Interval?) throws -> Interval {
    switch self {
    case .number(let v):
      return Interval(v)
    case .name(let n):
      guard let v = lookup(n) else { throw FormulaEvaluationError.unknownName(n) }
      return v
    case .negate(let a):
      return try a.evaluateInner(lookup).negated()
    case .binary(let op, let a, let b):
      let x = try a.evaluateInner(lookup), y = try b.evaluateInner(lookup)
      switch op {
      case .add: return try x.adding(y)
      case .subtract: return try x.subtracting(y)
      case .multiply: return try x.multiplied(by: y)
      case .divide: return try x.divided(by: y)
      }
    case .call(let fn, let args):
      let values = try args.map { try $0.evaluateInner(lookup) }
      switch fn {
      case .min: return values.dropFirst().reduce(values[0]) { Interval.minimum($0, $1) }
      case .max: return values.dropFirst().reduce(values[0]) { Interval.maximum($0, $1) }
      case .ceil: return values[0].mapMonotone { $0.ceiling() }
      case .floor: return values[0].mapMonotone { $0.floor() }
      }
    case .range(let a, let b):
      let x = try a.evaluateInner(lookup), y = try b.evaluateInner(lookup)
      guard x.low <= y.high else { throw FormulaEvaluationError.invertedRange(self.description) }
      return Interval(x.low, y.high)
    }
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
      let text = a.render(parentPrecedence: p, rightOperand: false) + " \(op.rawValue) "
        + b.render(parentPrecedence: p, rightOperand: true)
      let needsParens = p < parentPrecedence || (p == parentPrecedence && rightOperand)
      return needsParens ? "(\(text))" : text
    case .call(let fn, let args):
      return fn.rawValue + "(" + args.map { $0.render(parentPrecedence: 0, rightOperand: false) }.joined(separator: ", ") + ")"
    case .range(let a, let b):
      let text = a.render(parentPrecedence: 1, rightOperand: false) + ".."
        + b.render(parentPrecedence: 1, rightOperand: false)
      return parentPrecedence > 0 ? "(\(text))" : text
    }
  }
}
