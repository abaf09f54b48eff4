/// A formula that names nothing: the exact value of a name whose decimal value was rounded.
package struct ClosedFormula: Sendable {
  /// The most nodes a closed formula may have; a larger one is not kept (its name's rounded
  /// value, which still holds the exact value, is used instead).
  package static let maximumNodes = 200
  /// The deepest a closed formula may nest (its exact evaluation recurses this deep).
  package static let maximumDepth = 32

  /// The formula, naming nothing.
  package let formula: Formula
  /// Its number of nodes.
  package let nodeCount: Int
  /// How deep it nests.
  package let depth: Int

  /// `formula` with every name replaced by a closed formula (`closed`) or the literal of an exact
  /// value (`literal`); nil if a name has neither, or the result passes ``maximumNodes`` or
  /// ``maximumDepth``. Its size is worked out from the parts, without walking what they share,
  /// so a long chain of variables costs no more than its last link.
  package init?(_ formula: Formula, closed: (String) -> ClosedFormula?, literal: (String) -> Formula?) {
    var complete = true
    func build(_ f: Formula) -> (Formula, nodes: Int, depth: Int) {
      switch f {
      case .number: return (f, 1, 1)
      case .name(let n):
        if let c = closed(n) { return (c.formula, c.nodeCount, c.depth) }
        if let l = literal(n) { return (l, l.nodeCount, l.isConstant && l.nodeCount == 1 ? 1 : 2) }
        complete = false
        return (f, 1, 1)
      case .negate(let a):
        let x = build(a)
        return (.negate(x.0), x.nodes + 1, x.depth + 1)
      case .binary(let op, let a, let b):
        let x = build(a), y = build(b)
        return (.binary(op, x.0, y.0), x.nodes + y.nodes + 1, Swift.max(x.depth, y.depth) + 1)
      case .range(let a, let b):
        let x = build(a), y = build(b)
        return (.range(x.0, y.0), x.nodes + y.nodes + 1, Swift.max(x.depth, y.depth) + 1)
      case .call(let fn, let args):
        let built = args.map(build)
        return (.call(fn, built.map(\.0)), built.reduce(1) { $0 + $1.nodes }, (built.map(\.depth).max() ?? 0) + 1)
      }
    }
    let (closedFormula, nodes, depth) = build(formula)
    guard complete, nodes <= Self.maximumNodes, depth <= Self.maximumDepth else { return nil }
    self.formula = closedFormula
    self.nodeCount = nodes
    self.depth = depth
  }
}
