/// A formula compiled for fast evaluation at a point: names bound to slots, ranges
/// resolved to one of their ends (or their midpoint).
///
/// Interval formulas give a figure's range; compiled formulas price one point of
/// it quickly, for break-even searches, sensitivity and the forecast's Monte Carlo.
public indirect enum CompiledFormula: Sendable {
  case constant(ExactDecimal)
  case slot(Int)
  case negate(CompiledFormula)
  case add(CompiledFormula, CompiledFormula)
  case subtract(CompiledFormula, CompiledFormula)
  case multiply(CompiledFormula, CompiledFormula)
  case divide(CompiledFormula, CompiledFormula)
  case minimum([CompiledFormula])
  case maximum([CompiledFormula])
  case ceil(CompiledFormula)
  case floor(CompiledFormula)

  /// Which point of a range (`low..high`) a compiled formula takes.
  public enum RangePoint: String, Sendable, CaseIterable {
    case low, mid, high
  }

  /// Compiles a formula: `bind` gives each name's slot or replacement formula.
  public static func compile(_ formula: Formula, point: RangePoint, bind: (String) -> Binding?) throws(FormulaEvaluationError) -> CompiledFormula {
    switch formula {
    case .number(let v): return .constant(v)
    case .name(let n):
      switch bind(n) {
      case .slot(let i)?: return .slot(i)
      case .value(let v)?: return .constant(v)
      case .formula(let f)?: return f
      case nil: throw .unknownName(n)
      }
    case .negate(let a): return .negate(try compile(a, point: point, bind: bind))
    case .binary(let op, let a, let b):
      let x = try compile(a, point: point, bind: bind), y = try compile(b, point: point, bind: bind)
      switch op {
      case .add: return .add(x, y)
      case .subtract: return .subtract(x, y)
      case .multiply: return .multiply(x, y)
      case .divide: return .divide(x, y)
      }
    case .call(let fn, let args):
      var compiled: [CompiledFormula] = []
      for a in args { compiled.append(try compile(a, point: point, bind: bind)) }
      switch fn {
      case .min: return .minimum(compiled)
      case .max: return .maximum(compiled)
      case .ceil: return .ceil(compiled[0])
      case .floor: return .floor(compiled[0])
      }
    case .range(let a, let b):
      switch point {
      case .low: return try compile(a, point: point, bind: bind)
      case .high: return try compile(b, point: point, bind: bind)
      case .mid:
        return .divide(.add(try compile(a, point: point, bind: bind), try compile(b, point: point, bind: bind)), .constant(2))
      }
    }
  }

  /// What a name compiles to.
  public enum Binding: Sendable {
    case slot(Int)
    case value(ExactDecimal)
    case formula(CompiledFormula)
  }

  /// The value at a point; `slots` holds each slot's value.
  public func evaluate(_ slots: [ExactDecimal]) throws(FormulaEvaluationError) -> ExactDecimal {
    switch self {
    case .constant(let v): return v
    case .slot(let i): return slots[i]
    case .negate(let a): return -(try a.evaluate(slots))
    case .add(let a, let b):
      let r = try a.evaluate(slots).addingReportingOverflow(try b.evaluate(slots))
      if r.overflow { throw .overflow }
      return r.partialValue
    case .subtract(let a, let b):
      let r = try a.evaluate(slots).subtractingReportingOverflow(try b.evaluate(slots))
      if r.overflow { throw .overflow }
      return r.partialValue
    case .multiply(let a, let b):
      let r = try a.evaluate(slots).multipliedReportingOverflow(by: try b.evaluate(slots))
      if r.overflow { throw .overflow }
      return r.partialValue
    case .divide(let a, let b):
      let divisor = try b.evaluate(slots)
      if divisor.isZero { throw .divisionByZero }
      let r = try a.evaluate(slots).dividedReportingOverflow(by: divisor)
      if r.overflow { throw .overflow }
      return r.partialValue
    case .minimum(let args):
      var m = try args[0].evaluate(slots)
      for a in args.dropFirst() { m = .minimum(m, try a.evaluate(slots)) }
      return m
    case .maximum(let args):
      var m = try args[0].evaluate(slots)
      for a in args.dropFirst() { m = .maximum(m, try a.evaluate(slots)) }
      return m
    case .ceil(let a): return try a.evaluate(slots).ceiling()
    case .floor(let a): return try a.evaluate(slots).floor()
    }
  }
}
