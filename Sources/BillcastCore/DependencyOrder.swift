/// Orders named items so that each comes after the items it depends on, without recursion.
///
/// Workload variables may name each other in any order. A recursive walk of a chain of
/// 30,000 variables (a 488 KB profile, inside every input limit) overflowed the thread's
/// stack; this walk keeps its own stack.
package enum DependencyOrder {
  /// The items reachable from `roots`, each after its dependencies (depth-first post-order,
  /// visiting roots and dependencies in the order given), and every cycle met, each as the
  /// path that closes it (`a → b → a` is `["a", "b", "a"]`).
  ///
  /// `dependencies` gives an item's dependencies, or nil when the name is not an item (it is
  /// then left out).
  package static func order(roots: [String], dependencies: (String) -> [String]?) -> (
    order: [String], cycles: [[String]]
  ) {
    enum State { case visiting, done }
    var state: [String: State] = [:]
    var order: [String] = []
    var cycles: [[String]] = []
    // The current path: each item with its dependencies and the next one to visit.
    var path: [(name: String, dependencies: [String], next: Int)] = []
    for root in roots where state[root] == nil {
      guard let rootDependencies = dependencies(root) else { continue }
      state[root] = .visiting
      path.append((root, rootDependencies, 0))
      while let top = path.last {
        if top.next == top.dependencies.count {
          path.removeLast()
          state[top.name] = .done
          order.append(top.name)
          continue
        }
        let dependency = top.dependencies[top.next]
        path[path.count - 1].next += 1
        switch state[dependency] {
        case .done?: continue
        case .visiting?:
          let names = path.map(\.name)
          cycles.append(Array(names.drop { $0 != dependency }) + [dependency])
        case nil:
          guard let next = dependencies(dependency) else { continue }
          state[dependency] = .visiting
          path.append((dependency, next, 0))
        }
      }
    }
    return (order, cycles)
  }
}
