/// A formula compiled for fast evaluation at a point: names bound to slots, ranges
/// resolved to one of their ends, their midpoint, or a sampled parameter.
///
/// Interval formulas give a figure's range; compiled formulas price one point of
/// it quickly, for break-even searches, sensitivity and the forecast's Monte
/// Carlo. The code is a flat stack program of trivial values (no reference
/// counting), with integer constants folded into cheaper operations.
public struct CompiledFormula: Sendable {
  /// One instruction of the stack program.
  enum Op: Sendable, Equatable {
    case constant(ExactDecimal)
    case slot(Int)
    case parameter(Int)
    /// Pops high and low; pushes low + t × (high − low) with t the parameter.
    case interpolate(Int)
    case negate, add, subtract, multiply, divide
    /// Multiplies or divides by a whole number (no full-width arithmetic).
    case multiplyInteger(Int128), divideInteger(Int128)
    case minimum(Int), maximum(Int)
    case ceil, floor
  }

  var code: [Op]
  /// The deepest the stack gets.
  var depth: Int

  /// Which point of a range (`low..high`) a compiled formula takes.
  public enum RangePoint: String, Sendable, CaseIterable {
    case low, mid, high
  }

  /// How ranges compile.
  package enum RangeMode {
    /// Every range takes this point.
    case point(RangePoint)
    /// Every range becomes a parameter drawn per Monte Carlo path, registered under
    /// the formula's owner (a range with constant ends draws its value; one whose
    /// ends are formulas draws a fraction t of the way from low to high).
    case sample(ParameterRegistry, owner: String)
  }

  /// What a name compiles to.
  package enum Binding: Sendable {
    case slot(Int)
    case value(ExactDecimal)
    case formula(CompiledFormula)
  }

  /// A constant formula.
  package init(constant: ExactDecimal) {
    code = [.constant(constant)]
    depth = 1
  }

  init(code: [Op], depth: Int) {
    self.code = code
    self.depth = depth
  }

  /// The value if the formula is a constant.
  package var constantValue: ExactDecimal? {
    if code.count == 1, case .constant(let v) = code[0] { return v }
    return nil
  }

  /// Compiles a formula with every range at `point`.
  package static func compile(_ formula: Formula, point: RangePoint, bind: (String) -> Binding?)
    throws(FormulaEvaluationError) -> CompiledFormula
  {
    try compile(formula, ranges: .point(point), bind: bind)
  }

  /// Compiles a formula; `bind` gives each name's slot, value or replacement formula.
  ///
  /// Long on purpose: one recursive walk with a `case` per formula node, emitting that node's
  /// instructions where the node is read.
  package static func compile(_ formula: Formula, ranges: RangeMode, bind: (String) -> Binding?)
    throws(FormulaEvaluationError) -> CompiledFormula
  {
    switch formula {
    case .number(let v):
      return CompiledFormula(constant: v)
    case .name(let n):
      switch bind(n) {
      case .slot(let i)?: return CompiledFormula(code: [.slot(i)], depth: 1)
      case .value(let v)?: return CompiledFormula(constant: v)
      case .formula(let f)?: return f
      case nil: throw .unknownName(n)
      }
    case .negate(let a):
      let x = try compile(a, ranges: ranges, bind: bind)
      if let v = x.constantValue { return CompiledFormula(constant: -v) }
      return CompiledFormula(code: x.code + [.negate], depth: x.depth)
    case .binary(let op, let a, let b):
      let x = try compile(a, ranges: ranges, bind: bind), y = try compile(b, ranges: ranges, bind: bind)
      if let u = x.constantValue, let v = y.constantValue, let folded = try fold(op, u, v) {
        return CompiledFormula(constant: folded)
      }
      if let v = y.constantValue, v.isInteger, v.magnitude <= ExactDecimal(1 << 40) {
        let k = v.raw / ExactDecimal.scale
        if op == .multiply { return CompiledFormula(code: x.code + [.multiplyInteger(k)], depth: x.depth) }
        if op == .divide && k > 0 { return CompiledFormula(code: x.code + [.divideInteger(k)], depth: x.depth) }
      }
      if let u = x.constantValue, u.isInteger, u.magnitude <= ExactDecimal(1 << 40), op == .multiply {
        return CompiledFormula(code: y.code + [.multiplyInteger(u.raw / ExactDecimal.scale)], depth: y.depth)
      }
      let instruction: Op
      switch op {
      case .add: instruction = .add
      case .subtract: instruction = .subtract
      case .multiply: instruction = .multiply
      case .divide: instruction = .divide
      }
      return CompiledFormula(code: x.code + y.code + [instruction], depth: max(x.depth, y.depth + 1))
    case .call(let fn, let args):
      var compiledArgs: [CompiledFormula] = []
      for a in args { compiledArgs.append(try compile(a, ranges: ranges, bind: bind)) }
      let constants = compiledArgs.compactMap(\.constantValue)
      if constants.count == args.count {
        switch fn {
        case .min: return CompiledFormula(constant: constants.min()!)
        case .max: return CompiledFormula(constant: constants.max()!)
        case .ceil: return CompiledFormula(constant: constants[0].ceiling())
        case .floor: return CompiledFormula(constant: constants[0].floor())
        }
      }
      var code: [Op] = []
      var depth = 0
      for (i, c) in compiledArgs.enumerated() {
        code += c.code
        depth = max(depth, c.depth + i)
      }
      switch fn {
      case .min: code.append(.minimum(args.count))
      case .max: code.append(.maximum(args.count))
      case .ceil: code.append(.ceil)
      case .floor: code.append(.floor)
      }
      return CompiledFormula(code: code, depth: depth)
    case .range(let a, let b):
      let x = try compile(a, ranges: ranges, bind: bind), y = try compile(b, ranges: ranges, bind: bind)
      switch ranges {
      case .point(.low): return x
      case .point(.high): return y
      case .point(.mid):
        if let u = x.constantValue, let v = y.constantValue, let folded = try fold(.divide, u + v, 2) {
          return CompiledFormula(constant: folded)
        }
        return CompiledFormula(code: x.code + y.code + [.add, .divideInteger(2)], depth: max(x.depth, y.depth + 1))
      case .sample(let registry, let owner):
        if let u = x.constantValue, let v = y.constantValue {
          if u == v { return x }
          return CompiledFormula(code: [.parameter(registry.register(owner: owner, low: u, high: v))], depth: 1)
        }
        let index = registry.register(owner: owner, low: nil, high: nil)
        return CompiledFormula(code: x.code + y.code + [.interpolate(index)], depth: max(x.depth, y.depth + 1))
      }
    }
  }

  /// Two constants combined at compile time; nil when the result would be rounded (the program
  /// then computes it, so a `ceil` or `floor` after it can fall back to the exact value).
  static func fold(_ op: Formula.BinaryOperator, _ u: ExactDecimal, _ v: ExactDecimal) throws(FormulaEvaluationError)
    -> ExactDecimal?
  {
    let r: (partialValue: ExactDecimal, overflow: Bool, rounded: Bool)
    switch op {
    case .add:
      let s = u.addingReportingOverflow(v)
      r = (s.partialValue, s.overflow, false)
    case .subtract:
      let s = u.subtractingReportingOverflow(v)
      r = (s.partialValue, s.overflow, false)
    case .multiply: r = u.multipliedTrackingRounding(by: v)
    case .divide:
      if v.isZero { throw .divisionByZero }
      r = u.dividedTrackingRounding(by: v)
    }
    if r.overflow { throw .overflow }
    return r.rounded ? nil : r.partialValue
  }

  /// The value at a point; `slots` holds each slot's value.
  package func evaluate(_ slots: [ExactDecimal]) throws(FormulaEvaluationError) -> ExactDecimal {
    try evaluate(slots, parameters: [])
  }

  /// The value at a point; `parameters` holds each sampled parameter (a value, or a fraction t for interpolation).
  package func evaluate(_ slots: [ExactDecimal], parameters: [ExactDecimal]) throws(FormulaEvaluationError)
    -> ExactDecimal
  {
    try code.withUnsafeBufferPointer { (ops: UnsafeBufferPointer<Op>) throws(FormulaEvaluationError) -> ExactDecimal in
      try slots.withUnsafeBufferPointer {
        (s: UnsafeBufferPointer<ExactDecimal>) throws(FormulaEvaluationError) -> ExactDecimal in
        try parameters.withUnsafeBufferPointer {
          (p: UnsafeBufferPointer<ExactDecimal>) throws(FormulaEvaluationError) -> ExactDecimal in
          try Self.run(UnsafeBufferPointer(rebasing: ops[...]), depth: depth, slots: s, parameters: p)
        }
      }
    }
  }

  /// Runs a stack program over raw buffers: no reference counting in the loop.
  static func run(
    _ code: UnsafeBufferPointer<Op>, depth: Int, slots: UnsafeBufferPointer<ExactDecimal>,
    parameters: UnsafeBufferPointer<ExactDecimal>
  ) throws(FormulaEvaluationError) -> ExactDecimal {
    if code.count == 1 {
      switch code[0] {
      case .constant(let v): return v
      case .slot(let i): return slots[i]
      case .parameter(let i): return parameters[i]
      default: break
      }
    }
    return try withUnsafeTemporaryAllocation(of: ExactDecimal.self, capacity: depth + 1) {
      (stack: UnsafeMutableBufferPointer<ExactDecimal>) throws(FormulaEvaluationError) -> ExactDecimal in
      try run(code, slots: slots, parameters: parameters, stack: stack)
    }
  }

  /// Runs a stack program on a stack the caller provides (at least `depth + 1` long).
  ///
  /// Long on purpose: one `switch` over the opcodes in the Monte Carlo's innermost loop; a helper
  /// per opcode would cost a call per instruction.
  @inline(__always)
  static func run(
    _ code: UnsafeBufferPointer<Op>, slots: UnsafeBufferPointer<ExactDecimal>,
    parameters: UnsafeBufferPointer<ExactDecimal>,
    stack: UnsafeMutableBufferPointer<ExactDecimal>
  ) throws(FormulaEvaluationError) -> ExactDecimal {
    var top = -1
    // Bit k: stack[k] was rounded at the 18th decimal on its way (positions past 63 count as
    // rounded). A ceil or floor of a rounded value falls back to the exact value.
    var rounded = RoundedBits()
    for index in 0..<code.count {
      switch code[index] {
      case .constant(let v): top += 1; stack[top] = v; rounded.mark(top, false)
      case .slot(let i): top += 1; stack[top] = slots[i]; rounded.mark(top, false)
      case .parameter(let i): top += 1; stack[top] = parameters[i]; rounded.mark(top, false)
      case .interpolate(let i):
        let high = stack[top], low = stack[top - 1]
        top -= 1
        let r = (high - low).multipliedTrackingRounding(by: parameters[i])
        if r.overflow { throw .overflow }
        rounded.mark(top, r.rounded || rounded.isSet(top) || rounded.isSet(top + 1))
        stack[top] = low + r.partialValue
      case .negate: stack[top] = -stack[top]
      case .add:
        let r = stack[top - 1].addingReportingOverflow(stack[top])
        if r.overflow { throw .overflow }
        top -= 1; stack[top] = r.partialValue; rounded.mark(top, rounded.isSet(top) || rounded.isSet(top + 1))
      case .subtract:
        let r = stack[top - 1].subtractingReportingOverflow(stack[top])
        if r.overflow { throw .overflow }
        top -= 1; stack[top] = r.partialValue; rounded.mark(top, rounded.isSet(top) || rounded.isSet(top + 1))
      case .multiply:
        let r = stack[top - 1].multipliedTrackingRounding(by: stack[top])
        if r.overflow { throw .overflow }
        top -= 1; stack[top] = r.partialValue;
        rounded.mark(top, r.rounded || rounded.isSet(top) || rounded.isSet(top + 1))
      case .divide:
        if stack[top].isZero { throw .divisionByZero }
        let r = stack[top - 1].dividedTrackingRounding(by: stack[top])
        if r.overflow { throw .overflow }
        top -= 1; stack[top] = r.partialValue;
        rounded.mark(top, r.rounded || rounded.isSet(top) || rounded.isSet(top + 1))
      case .multiplyInteger(let k):
        let r = stack[top].raw.multipliedReportingOverflow(by: k)
        if r.overflow { throw .overflow }
        stack[top] = ExactDecimal(raw: r.partialValue)
      case .divideInteger(let k):
        let (q, r) = ExactDecimal.roundedDivisionTracking(stack[top].raw, by: k)
        if r { rounded.mark(top, true) }
        stack[top] = ExactDecimal(raw: q)
      case .minimum(let n):
        var m = stack[top]
        var r = rounded.isSet(top)
        for j in 1..<n { m = .minimum(m, stack[top - j]); r = r || rounded.isSet(top - j) }
        top -= n - 1; stack[top] = m; rounded.mark(top, r)
      case .maximum(let n):
        var m = stack[top]
        var r = rounded.isSet(top)
        for j in 1..<n { m = .maximum(m, stack[top - j]); r = r || rounded.isSet(top - j) }
        top -= n - 1; stack[top] = m; rounded.mark(top, r)
      case .ceil, .floor:
        if rounded.isSet(top) { return try runExactly(code, slots: slots, parameters: parameters) }
        stack[top] = code[index] == .ceil ? stack[top].ceiling() : stack[top].floor()
      }
    }
    return stack[top]
  }
}

/// One bit per stack position: whether the value there was rounded at the 18th decimal on its
/// way (positions past 63 count as rounded). A value type, so the loop keeps it in a register.
private struct RoundedBits {
  var bits: UInt64 = 0

  @inline(__always) func isSet(_ k: Int) -> Bool { k > 63 || bits & (1 << UInt64(k)) != 0 }

  @inline(__always) mutating func mark(_ k: Int, _ value: Bool) {
    guard k <= 63 else { return }
    if value { bits |= 1 << UInt64(k) } else { bits &= ~(1 << UInt64(k)) }
  }
}
