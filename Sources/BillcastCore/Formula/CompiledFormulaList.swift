/// Many compiled formulas in one contiguous program, evaluated without reference counting.
package struct CompiledFormulaList: Sendable {
  var ops: [CompiledFormula.Op] = []
  var starts: [Int] = []
  var counts: [Int] = []
  var depths: [Int] = []
  /// The same program in buffers allocated once, for the evaluator.
  let storage: Storage

  /// Packs compiled formulas into one program, keeping their order.
  package init(_ formulas: [CompiledFormula]) {
    for f in formulas {
      starts.append(ops.count)
      counts.append(f.code.count)
      depths.append(f.depth)
      ops += f.code
    }
    storage = Storage(ops: ops, starts: starts, counts: counts, maximumDepth: depths.max() ?? 0)
  }

  /// The program's buffers, allocated when the list is made and freed with it: evaluating a
  /// formula then touches no array (no uniqueness check, no retain, no closure per buffer).
  ///
  /// `@unchecked Sendable`: the buffers are written in `init` only, then only read.
  final class Storage: @unchecked Sendable {
    let ops: UnsafeMutableBufferPointer<CompiledFormula.Op>
    let starts: UnsafeMutableBufferPointer<Int>
    let counts: UnsafeMutableBufferPointer<Int>
    /// The deepest stack any formula of the list needs.
    let maximumDepth: Int

    init(ops: [CompiledFormula.Op], starts: [Int], counts: [Int], maximumDepth: Int) {
      self.maximumDepth = maximumDepth
      self.ops = .allocate(capacity: ops.count)
      _ = self.ops.initialize(from: ops)
      self.starts = .allocate(capacity: starts.count)
      _ = self.starts.initialize(from: starts)
      self.counts = .allocate(capacity: counts.count)
      _ = self.counts.initialize(from: counts)
    }

    deinit {
      ops.deinitialize().deallocate()
      starts.deallocate()
      counts.deallocate()
    }
  }

  /// The number of formulas.
  package var count: Int { starts.count }

  /// The slots formula `i` reads.
  package func slotsRead(by i: Int) -> Set<Int> {
    var slots = Set<Int>()
    for op in ops[starts[i]..<(starts[i] + counts[i])] { if case .slot(let s) = op { slots.insert(s) } }
    return slots
  }

  /// Whether formula `i` of this list and of `other` are the same program.
  package func isSame(_ i: Int, as other: CompiledFormulaList) -> Bool {
    counts[i] == other.counts[i]
      && ops[starts[i]..<(starts[i] + counts[i])] == other.ops[other.starts[i]..<(other.starts[i] + counts[i])]
  }

  /// Runs `body` with an evaluator over raw buffers.
  @inline(__always)
  package func withEvaluator<R>(_ body: (Evaluator) throws(FormulaEvaluationError) -> R) throws(FormulaEvaluationError)
    -> R
  {
    let storage = self.storage
    return try withExtendedLifetime(storage) { () throws(FormulaEvaluationError) -> R in
      try withUnsafeTemporaryAllocation(of: ExactDecimal.self, capacity: storage.maximumDepth + 1) {
        (stack: UnsafeMutableBufferPointer<ExactDecimal>) throws(FormulaEvaluationError) -> R in
        try body(
          Evaluator(
            ops: UnsafeBufferPointer(storage.ops), starts: UnsafeBufferPointer(storage.starts),
            counts: UnsafeBufferPointer(storage.counts), stack: stack))
      }
    }
  }

  /// Evaluates the formulas of a list over raw buffers.
  package struct Evaluator {
    let ops: UnsafeBufferPointer<CompiledFormula.Op>
    let starts: UnsafeBufferPointer<Int>
    let counts: UnsafeBufferPointer<Int>
    let stack: UnsafeMutableBufferPointer<ExactDecimal>

    /// The value of formula `i`.
    @inline(__always)
    package func evaluate(
      _ i: Int, slots: UnsafeBufferPointer<ExactDecimal>, parameters: UnsafeBufferPointer<ExactDecimal>
    ) throws(FormulaEvaluationError) -> ExactDecimal {
      let code = UnsafeBufferPointer(rebasing: ops[starts[i]..<(starts[i] + counts[i])])
      if code.count == 1 {
        switch code[0] {
        case .constant(let v): return v
        case .slot(let j): return slots[j]
        case .parameter(let j): return parameters[j]
        default: break
        }
      }
      return try CompiledFormula.run(code, slots: slots, parameters: parameters, stack: stack)
    }
  }
}
