import BillcastCore

/// Evaluates CloudFormation's intrinsic functions statically, as far as a template, its
/// parameters and the profile's region allow.
///
/// What cannot be known before deployment (an account id, a resource's ARN, a parameter with
/// neither a default nor a value in the profile) becomes a `.unknown` or `.reference` value,
/// which the resource mappers report only when a price needs it.
final class CloudFormationResolver {
  let template: CloudFormationTemplate
  let region: String
  /// Each parameter's value: the profile's, else the template's default.
  let parameters: [String: TemplateNode]
  /// Looks up an export of another template of the architecture (`Fn::ImportValue`).
  let importValue: (String) -> TemplateNode?
  private var conditionValues: [String: Bool?] = [:]
  /// The resources of the architecture's other templates, with the file of each.
  var otherTemplates: [String: String] = [:]
  /// Says which file beside the template exports a name no template of the architecture exports.
  var exportHint: (String) -> String = { _ in "" }
  /// The value of a nested stack's output (`Fn::GetAtt Stack.Outputs.Name`), given the stack's
  /// logical ID, the output's name and where it is asked; nil when the template reads no
  /// nested template for that resource (the attribute then stays a reference).
  var nestedOutput: (String, String, SourceLocation) -> TemplateNode? = { _, _, _ in nil }
  /// Who gives the template's parameters, for the reason a parameter without a default has no value.
  var parameterSource = "the profile's parameters do not give it"
  /// The bytes of text `Fn::Join` and `Fn::Sub` have made so far (see ``textBudget``).
  private var textMade = 0

  /// The longest text `Fn::Join` or `Fn::Sub` may make (1 MiB): CloudFormation refuses a template
  /// over 1 MB, and a value doubled level after level would otherwise ask for gigabytes.
  static let textLimit = 1 << 20
  /// The text all `Fn::Join` and `Fn::Sub` of one template may make together (64 MiB).
  static let textBudget = 64 << 20
  private let resourceIDs: Set<String>
  private let conditionNodes: [String: TemplateNode]

  static let pseudoParameters = [
    "AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue", "AWS::Partition", "AWS::Region", "AWS::StackId",
    "AWS::StackName",
    "AWS::URLSuffix",
  ]

  init(
    template: CloudFormationTemplate, region: String, parameters: [String: TemplateNode],
    importValue: @escaping (String) -> TemplateNode?
  ) {
    self.template = template
    self.region = region
    self.parameters = parameters
    self.importValue = importValue
    self.resourceIDs = Set(template.resources.map(\.id))
    self.conditionNodes = Dictionary(template.conditions.map { ($0.name, $0.node) }, uniquingKeysWith: { a, _ in a })
  }

  /// Resolves every intrinsic function in `node`.
  func resolve(_ node: TemplateNode) -> TemplateNode {
    switch node.value {
    case .map(let entries):
      if entries.count == 1, let result = intrinsic(entries[0].key, entries[0].value, at: node.location) {
        return result
      }
      var resolved: [(String, TemplateNode)] = []
      for (key, value) in entries {
        let v = resolve(value)
        if case .noValue = v.value { continue }
        resolved.append((key, v))
      }
      return TemplateNode(.map(resolved), node.location)
    case .list(let items):
      return TemplateNode(
        .list(items.map(resolve).filter { if case .noValue = $0.value { return false } else { return true } }),
        node.location)
    default:
      return node
    }
  }

  /// The value of a condition: true, false, or nil when it depends on something unknown.
  ///
  /// The conditions it depends on are evaluated first, in dependency order, so that a long chain
  /// of conditions never recurses once per link.
  func condition(_ name: String) -> Bool? {
    if let cached = conditionValues[name] { return cached }
    guard conditionNodes[name] != nil else { return nil }
    let order = DependencyOrder.order(roots: [name]) {
      conditionValues[$0] == nil ? conditionNodes[$0]?.conditionReferences : []
    }
    .order.filter { conditionValues[$0] == nil }
    // A cycle (reported by the validator) evaluates to unknown: each condition is unknown until evaluated.
    for n in order { conditionValues[n] = .some(nil) }
    for n in order { conditionValues[n] = .some(evaluateCondition(conditionNodes[n]!)) }
    return conditionValues[name] ?? nil
  }

  private func evaluateCondition(_ node: TemplateNode) -> Bool? {
    guard let entries = node.entries, entries.count == 1 else { return nil }
    let (function, argument) = entries[0]
    let args = argument.items ?? []
    switch function {
    case "Condition": return argument.text.flatMap(condition)
    case "Fn::Not": return args.first.flatMap(evaluateCondition).map { !$0 }
    case "Fn::And", "Fn::Or":
      let values = args.map(evaluateCondition)
      let isAnd = function == "Fn::And"
      if values.contains(where: { $0 == !isAnd }) { return !isAnd }
      return values.contains(where: { $0 == nil }) ? nil : isAnd
    case "Fn::Equals":
      guard args.count == 2 else { return nil }
      let a = resolve(args[0]), b = resolve(args[1])
      guard let x = comparable(a), let y = comparable(b) else { return nil }
      return x == y
    default: return nil
    }
  }

  private func comparable(_ node: TemplateNode) -> String? {
    switch node.value {
    case .scalar(let s): return s
    case .null: return ""
    case .list(let items): return items.map { comparable($0) ?? "\u{0}" }.joined(separator: ",")
    default: return nil
    }
  }

  private func unknown(_ reason: String, _ location: SourceLocation) -> TemplateNode {
    TemplateNode(.unknown(reason), location)
  }

  /// Evaluates one intrinsic function; nil when `function` is not one (a plain one-key mapping).
  ///
  /// Long on purpose: one `case` per intrinsic function (Ref, Fn::Sub, Fn::If, …), as CloudFormation's
  /// reference lists them.
  private func intrinsic(_ function: String, _ argument: TemplateNode, at location: SourceLocation) -> TemplateNode? {
    switch function {
    case "Ref":
      guard let name = argument.text else { return unknown("Ref needs a name", location) }
      return ref(name, at: location)
    case "Fn::GetAtt":
      let parts =
        argument.items?.map { resolve($0).text ?? "" } ?? argument.text.map {
          $0.split(separator: ".", maxSplits: 1).map(String.init)
        } ?? []
      guard parts.count == 2 else { return unknown("Fn::GetAtt needs [resource, attribute]", location) }
      return getAtt(parts[0], parts[1], location)
    case "Fn::Sub": return substitute(argument, at: location)
    case "Fn::Join":
      guard let args = argument.items, args.count == 2, let delimiter = resolve(args[0]).text else {
        return unknown("Fn::Join needs [delimiter, list]", location)
      }
      let list = resolve(args[1])
      guard let items = list.items else {
        return list.unknownReason.map { unknown($0, location) } ?? unknown("Fn::Join needs a list", location)
      }
      var texts: [String] = []
      var size = delimiter.utf8.count * max(items.count - 1, 0)
      for item in items {
        guard let t = item.text else { return unknown(item.unknownReason ?? "Fn::Join joins only texts", location) }
        texts.append(t)
        size += t.utf8.count
        if let over = tooLong(size, "Fn::Join", location) { return over }
      }
      return made(TemplateNode(.scalar(texts.joined(separator: delimiter)), location))
    case "Fn::Select":
      guard let args = argument.items, args.count == 2, let index = resolve(args[0]).text.flatMap(Int.init) else {
        return unknown("Fn::Select needs [index, list]", location)
      }
      let list = resolve(args[1])
      guard let items = list.items else { return unknown(list.unknownReason ?? "Fn::Select needs a list", location) }
      guard index >= 0, index < items.count else {
        return unknown("Fn::Select index \(index) is outside the list of \(items.count)", location)
      }
      return items[index]
    case "Fn::Split":
      guard let args = argument.items, args.count == 2, let delimiter = resolve(args[0]).text, !delimiter.isEmpty else {
        return unknown("Fn::Split needs [delimiter, text]", location)
      }
      let source = resolve(args[1])
      guard let text = source.text else { return unknown(source.unknownReason ?? "Fn::Split splits a text", location) }
      return TemplateNode(
        .list(text.components(separatedBy: delimiter).map { TemplateNode(.scalar($0), location) }), location)
    case "Fn::If":
      guard let args = argument.items, args.count == 3, let name = args[0].text else {
        return unknown("Fn::If needs [condition, then, else]", location)
      }
      guard let value = condition(name) else {
        return unknown("condition \(name) cannot be decided before deployment", location)
      }
      return resolve(value ? args[1] : args[2])
    case "Fn::FindInMap":
      guard let args = argument.items, args.count >= 3 else {
        return unknown("Fn::FindInMap needs [map, key, key]", location)
      }
      let keys = args.prefix(3).map(resolve)
      guard let map = keys[0].text, let top = keys[1].text, let second = keys[2].text else {
        return unknown(keys.compactMap(\.unknownReason).first ?? "Fn::FindInMap needs texts", location)
      }
      guard let found = template.mappings?[map]?[top]?[second] else {
        return unknown("Mappings has no \(map).\(top).\(second)", location)
      }
      return found  // literal: CloudFormation allows no intrinsic function in Mappings (the validator says so)
    case "Fn::ImportValue":
      let name = resolve(argument)
      guard let text = name.text else { return unknown(name.unknownReason ?? "Fn::ImportValue needs a name", location) }
      return importValue(text)
        ?? unknown("no template of this architecture exports '\(text)'\(exportHint(text))", location)
    case "Fn::GetAZs": return unknown("the Availability Zones are known only once deployed", location)
    case "Fn::Base64", "Fn::Cidr", "Fn::Transform", "Fn::ToJsonString":
      return unknown("\(function) is not evaluated statically", location)
    case "Fn::Length":
      let list = resolve(argument)
      if let items = list.items { return TemplateNode(.scalar(String(items.count)), location) }
      return unknown(list.unknownReason ?? "Fn::Length needs a list", location)
    case "Fn::Equals", "Fn::And", "Fn::Or", "Fn::Not", "Condition":
      return evaluateCondition(TemplateNode(.map([(function, argument)]), location)).map {
        TemplateNode(.scalar($0 ? "true" : "false"), location)
      }
        ?? unknown("the condition cannot be decided before deployment", location)
    default:
      return nil
    }
  }

  private func ref(_ name: String, at location: SourceLocation) -> TemplateNode {
    if let value = parameters[name] { return value }
    if template.parameters.contains(where: { $0.name == name }) {
      return unknown("parameter \(name) has no default and \(parameterSource)", location)
    }
    if resourceIDs.contains(name) { return TemplateNode(.reference(name, attribute: nil), location) }
    if let file = otherTemplates[name] {
      return unknown("\(name) is a resource of \(file): a template can read another's only through an export", location)
    }
    if !name.hasPrefix("AWS::"), let dot = name.firstIndex(of: ".") {  // SAM: `MyFunction.Alias`, `MyApi.Stage`
      return TemplateNode(
        .reference(String(name[..<dot]), attribute: String(name[name.index(after: dot)...])), location)
    }
    switch name {
    case "AWS::Region": return TemplateNode(.scalar(region), location)
    case "AWS::Partition": return TemplateNode(.scalar("aws"), location)
    case "AWS::URLSuffix": return TemplateNode(.scalar("amazonaws.com"), location)
    case "AWS::NoValue": return TemplateNode(.noValue, location)
    default: return unknown("\(name) is known only at deployment", location)
    }
  }

  private func substitute(_ argument: TemplateNode, at location: SourceLocation) -> TemplateNode {
    let text: String
    var variables: [String: TemplateNode] = [:]
    if let t = argument.text {
      text = t
    } else if let args = argument.items, args.count == 2, let t = args[0].text {
      text = t
      for (k, v) in args[1].entries ?? [] { variables[k] = resolve(v) }
    } else {
      return unknown("Fn::Sub needs a text, or [text, variables]", location)
    }
    var output = ""
    for part in Self.substitutionParts(text) {
      switch part {
      case .literal(let s): output += s
      case .variable(let name):
        let value =
          variables[name]
          ?? (name.contains(".") && !name.hasPrefix("AWS::") ? getAtt(name, location) : ref(name, at: location))
        guard let t = value.text else { return unknown(value.unknownReason ?? "${\(name)} is not a text", location) }
        if let over = tooLong(output.utf8.count + t.utf8.count, "Fn::Sub", location) { return over }
        output += t
      }
    }
    return made(TemplateNode(.scalar(output), location))
  }

  /// Unknown when a text of `size` bytes would pass ``textLimit``, or the template's texts
  /// together ``textBudget`` (which is then spent); nil otherwise.
  private func tooLong(_ size: Int, _ function: String, _ location: SourceLocation) -> TemplateNode? {
    if size > Self.textLimit {
      return unknown(
        "\(function) would make a text of more than \(Self.textLimit) bytes (1 MiB), the longest billcast resolves",
        location)
    }
    if textMade + size > Self.textBudget {
      textMade = Self.textBudget  // spent: every later text of the template is refused too
      return unknown(
        "the template's Fn::Join and Fn::Sub texts pass \(Self.textBudget) bytes (64 MiB) together, the most billcast resolves in one template",
        location)
    }
    return nil
  }

  /// Counts a finished text against ``textBudget``.
  private func made(_ node: TemplateNode) -> TemplateNode {
    textMade += node.text?.utf8.count ?? 0
    return node
  }

  private func getAtt(_ name: String, _ location: SourceLocation) -> TemplateNode {
    let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
    guard parts.count > 1 else { return TemplateNode(.reference(parts[0], attribute: nil), location) }
    return getAtt(parts[0], parts[1], location)
  }

  /// A resource's attribute: a nested stack's output where its template is read, else a reference.
  private func getAtt(_ resource: String, _ attribute: String, _ location: SourceLocation) -> TemplateNode {
    if attribute.hasPrefix("Outputs."), let value = nestedOutput(resource, String(attribute.dropFirst(8)), location) {
      return value
    }
    return TemplateNode(.reference(resource, attribute: attribute), location)
  }

  enum SubstitutionPart: Equatable { case literal(String), variable(String) }

  /// Splits a `Fn::Sub` text into literals and `${name}` variables (`${!text}` is the literal `${text}`).
  static func substitutionParts(_ text: String) -> [SubstitutionPart] {
    var parts: [SubstitutionPart] = []
    var rest = Substring(text)
    while let start = rest.range(of: "${") {
      parts.append(.literal(String(rest[..<start.lowerBound])))
      let after = rest[start.upperBound...]
      guard let end = after.firstIndex(of: "}") else {
        parts.append(.literal(String(rest[start.lowerBound...])))
        return parts
      }
      let name = String(after[..<end])
      if name.hasPrefix("!") {
        parts.append(.literal("${" + name.dropFirst() + "}"))
      } else {
        parts.append(.variable(name.trimmingCharacters(in: .whitespaces)))
      }
      rest = after[after.index(after: end)...]
    }
    parts.append(.literal(String(rest)))
    return parts
  }
}
