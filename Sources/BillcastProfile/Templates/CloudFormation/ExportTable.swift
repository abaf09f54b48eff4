import BillcastCore

/// The exports of an architecture's templates, resolved on first use (`Fn::ImportValue`).
final class ExportTable {
  private var entries: [String: (resolver: CloudFormationResolver, node: TemplateNode)] = [:]
  private var resolving: Set<String> = []
  private var resolved: [String: TemplateNode?] = [:]

  func register(_ resolvers: [CloudFormationResolver]) {
    for resolver in resolvers {
      for (_, output) in resolver.template.outputs {
        guard let nameNode = output["Export"]?["Name"], let name = resolver.resolve(nameNode).text,
          let value = output["Value"]
        else { continue }
        if entries[name] == nil { entries[name] = (resolver, value) }
      }
    }
  }

  /// Drops the resolvers, breaking the cycle through their import closures.
  func clear() {
    entries = [:]
    resolved = [:]
  }

  /// The deepest chain of exports whose names are computed (`Fn::ImportValue` of a `Fn::Sub`),
  /// which are resolved as they are met; literal names are resolved in dependency order.
  static let computedChainLimit = 64

  /// An export's value, its own imports resolved first (in dependency order, so that a long
  /// chain of imports never recurses once per link); nil when no template exports `name` or
  /// the export depends on itself.
  func value(of name: String) -> TemplateNode? {
    if let done = resolved[name] { return done }
    guard entries[name] != nil, !resolving.contains(name) else { return nil }
    if resolving.count >= Self.computedChainLimit {
      return TemplateNode(
        .unknown("exports import each other more than \(Self.computedChainLimit) deep"), entries[name]!.node.location)
    }
    let order = DependencyOrder.order(roots: [name]) { n in
      self.resolved[n] == nil && !self.resolving.contains(n)
        ? self.entries[n].map { $0.node.literalArguments(of: "Fn::ImportValue") } : nil
    }.order
    for n in order where resolved[n] == nil {
      let (resolver, node) = entries[n]!
      resolving.insert(n)
      let value = resolver.resolve(node)
      resolving.remove(n)
      resolved[n] = .some(value)
    }
    return resolved[name] ?? nil
  }
}
