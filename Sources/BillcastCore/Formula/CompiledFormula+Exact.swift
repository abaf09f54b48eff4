extension CompiledFormula {
  /// Runs a stack program with exact fractions and rounds the result to the nearest decimal.
  ///
  /// The fast run falls back to this when a step rounded before a `ceil` or `floor`, so that
  /// `ceil(2 / 3 * 3)` is 2 at every Monte Carlo point, as it is in the interval estimate.
  @inline(never)
  static func runExactly(
    _ code: UnsafeBufferPointer<Op>, slots: UnsafeBufferPointer<ExactDecimal>,
    parameters: UnsafeBufferPointer<ExactDecimal>
  ) throws(FormulaEvaluationError) -> ExactDecimal {
    var stack: [ExactRational] = []
    for op in code {
      switch op {
      case .constant(let v): stack.append(ExactRational(v))
      case .slot(let i): stack.append(ExactRational(slots[i]))
      case .parameter(let i): stack.append(ExactRational(parameters[i]))
      case .interpolate(let i):
        let high = stack.removeLast(), low = stack.removeLast()
        stack.append(low + (high - low) * ExactRational(parameters[i]))
      case .negate: stack.append(-stack.removeLast())
      case .add, .subtract, .multiply, .divide:
        let y = stack.removeLast(), x = stack.removeLast()
        switch op {
        case .add: stack.append(x + y)
        case .subtract: stack.append(x - y)
        case .multiply: stack.append(x * y)
        default:
          if y.isZero { throw .divisionByZero }
          stack.append(x / y)
        }
      case .multiplyInteger(let k): stack.append(stack.removeLast() * ExactRational(integer: .init(k)))
      case .divideInteger(let k): stack.append(stack.removeLast() / ExactRational(integer: .init(k)))
      case .minimum(let n):
        let args = stack.suffix(n)
        stack.removeLast(n)
        stack.append(args.min()!)
      case .maximum(let n):
        let args = stack.suffix(n)
        stack.removeLast(n)
        stack.append(args.max()!)
      case .ceil: stack.append(stack.removeLast().ceiling())
      case .floor: stack.append(stack.removeLast().floor())
      }
    }
    guard let value = stack.last?.decimal(.nearest) else { throw .overflow }
    return value
  }
}
