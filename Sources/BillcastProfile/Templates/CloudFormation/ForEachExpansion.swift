import BillcastCore

/// Expands `Fn::ForEach` loops (the `AWS::LanguageExtensions` transform) as CloudFormation
/// does before it reads a template: in the Conditions, Resources (resource properties
/// included) and Outputs sections.
///
/// `'Fn::ForEach::Name': [Identifier, Collection, {OutputKey: OutputValue}]` makes one copy of
/// the fragment per value of the collection, with every `${Identifier}` in its keys and
/// strings replaced by the value, every `&{Identifier}` by the value without its
/// non-alphanumeric characters, and every `Ref: Identifier` by the value. The collection is a
/// list of strings or a `Ref` to a list parameter (`CommaDelimitedList`, `List<…>`). Loops
/// nest, up to ``maximumDepth``.
/// (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-foreach.html)
struct ForEachExpansion {
  let diagnostics: DiagnosticCollector
  /// A list parameter's values by name (the profile's value, else the template's default), or
  /// nil when the parameter is not a list or has no value.
  let listParameter: (String) -> [String]?

  static let prefix = "Fn::ForEach::"
  /// The sections loops may appear in.
  static let sections = ["Conditions", "Resources", "Outputs"]
  /// The deepest nesting of loops expanded, as CloudFormation allows.
  static let maximumDepth = 5
  /// The most nodes the loops may make, like the limit on a template's own nodes.
  static let maximumNodes = YAMLLimits.standard.maximumNodes

  private final class Budget {
    var made = 0
    var exceeded = false
  }
  private let budget = Budget()

  /// Whether `node` holds a loop anywhere.
  static func hasLoops(_ node: TemplateNode) -> Bool {
    switch node.value {
    case .map(let entries): return entries.contains { $0.key.hasPrefix(prefix) || hasLoops($0.value) }
    case .list(let items): return items.contains(where: hasLoops)
    default: return false
    }
  }

  /// The template with its loops expanded in the sections that take them.
  func expand(template root: TemplateNode) -> TemplateNode {
    guard let top = root.entries else { return root }
    var result: [(key: String, value: TemplateNode)] = []
    for (key, value) in top {
      guard Self.sections.contains(key) else {
        if Self.hasLoops(value) {
          diagnostics.add(value.location.diagnostic(.error, "Fn::ForEach cannot be used in the \(key) section"))
        }
        result.append((key, value))
        continue
      }
      result.append((key, expand(value, depth: 0)))
    }
    return TemplateNode(.map(result), root.location)
  }

  /// `node` with every loop inside it expanded; `depth` is the number of loops around it.
  private func expand(_ node: TemplateNode, depth: Int) -> TemplateNode {
    switch node.value {
    case .map(let entries):
      var result: [(key: String, value: TemplateNode)] = []
      var made: [String: SourceLocation] = [:]
      for (key, value) in entries {
        let produced =
          key.hasPrefix(Self.prefix)
          ? loop(key, value, depth: depth + 1) : [(key, expand(value, depth: depth))]
        for (k, v) in produced {
          if let first = made[k] {
            diagnostics.add(
              v.location.diagnostic(
                .error, "the key '\(TerminalText.excerpt(k))' is made twice (first at \(first.short))"))
            continue
          }
          made[k] = v.location
          result.append((k, v))
        }
      }
      return TemplateNode(.map(result), node.location)
    case .list(let items):
      return TemplateNode(.list(items.map { expand($0, depth: depth) }), node.location)
    default:
      return node
    }
  }

  /// The entries one loop makes, its fragments' own loops expanded.
  private func loop(_ key: String, _ value: TemplateNode, depth: Int) -> [(key: String, value: TemplateNode)] {
    let name = String(key.dropFirst(Self.prefix.count))
    guard depth <= Self.maximumDepth else {
      diagnostics.add(
        value.location.diagnostic(
          .error, "Fn::ForEach::\(TerminalText.excerpt(name)) is nested more than \(Self.maximumDepth) loops deep"))
      return []
    }
    guard let parts = value.items, parts.count == 3, let identifier = parts[0].text, !identifier.isEmpty,
      let fragment = parts[2].entries
    else {
      diagnostics.add(
        value.location.diagnostic(
          .error,
          "Fn::ForEach::\(TerminalText.excerpt(name)) takes a list of three: an identifier, a collection and a mapping of output keys to values"
        ))
      return []
    }
    guard let values = collection(parts[1], loop: name) else { return [] }
    for (outputKey, output) in fragment
    where !outputKey.hasPrefix(Self.prefix) && !outputKey.contains("${\(identifier)}")
      && !outputKey.contains("&{\(identifier)}")
    {
      diagnostics.add(
        output.location.diagnostic(
          .error,
          "the output key '\(TerminalText.excerpt(outputKey))' of Fn::ForEach::\(TerminalText.excerpt(name)) must include ${\(identifier)} or &{\(identifier)}, or every value makes the same key"
        ))
      return []
    }
    var result: [(key: String, value: TemplateNode)] = []
    for v in values {
      let copy = substitute(parts[2], Substitution(identifier: identifier, value: v))
      guard !budget.exceeded else { return [] }
      result += (expand(copy, depth: depth).entries ?? [])
    }
    return result
  }

  /// The values of a loop's collection: a list of strings, or a `Ref` to a list parameter.
  private func collection(_ node: TemplateNode, loop name: String) -> [String]? {
    if let items = node.items {
      let texts = items.compactMap(\.text)
      if texts.count == items.count { return texts }
    } else if let entries = node.entries, entries.count == 1, entries[0].key == "Ref", let p = entries[0].value.text {
      if let values = listParameter(p) { return values }
      diagnostics.add(
        node.location.diagnostic(
          .error,
          "the collection of Fn::ForEach::\(TerminalText.excerpt(name)) refers to '\(TerminalText.excerpt(p))', which is not a list parameter with a value: declare it CommaDelimitedList with a Default, or give it under the architecture's parameters"
        ))
      return nil
    }
    diagnostics.add(
      node.location.diagnostic(
        .error,
        "the collection of Fn::ForEach::\(TerminalText.excerpt(name)) must be a list of strings or a Ref to a CommaDelimitedList parameter"
      ))
    return nil
  }

  /// What one value of a loop replaces: `${Identifier}` by the value, `&{Identifier}` by its
  /// letters and digits, and `Ref: Identifier` by the value.
  private struct Substitution {
    let identifier: String, value: String
    let dollar: String, ampersand: String, bare: String

    init(identifier: String, value: String) {
      self.identifier = identifier
      self.value = value
      dollar = "${\(identifier)}"
      ampersand = "&{\(identifier)}"
      bare = String(
        value.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) })
    }

    func text(_ s: String) -> String {
      guard s.contains(dollar) || s.contains(ampersand) else { return s }
      return s.replacingOccurrences(of: dollar, with: value).replacingOccurrences(of: ampersand, with: bare)
    }
  }

  /// A copy of `node` for one value of a loop.
  private func substitute(_ node: TemplateNode, _ s: Substitution) -> TemplateNode {
    budget.made += 1
    if budget.made > Self.maximumNodes, !budget.exceeded {
      budget.exceeded = true
      diagnostics.add(
        node.location.diagnostic(
          .error,
          "the Fn::ForEach loops make more than \(Self.maximumNodes) nodes; CloudFormation's limits are far lower"))
    }
    if budget.exceeded { return node }
    switch node.value {
    case .scalar(let text):
      return TemplateNode(.scalar(s.text(text)), node.location)
    case .list(let items):
      return TemplateNode(.list(items.map { substitute($0, s) }), node.location)
    case .map(let entries):
      if entries.count == 1, entries[0].key == "Ref", entries[0].value.text == s.identifier {
        return TemplateNode(.scalar(s.value), node.location)
      }
      return TemplateNode(.map(entries.map { (s.text($0.key), substitute($0.value, s)) }), node.location)
    default:
      return node
    }
  }
}
