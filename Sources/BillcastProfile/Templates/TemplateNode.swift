import BillcastCore
import Yams

/// A value read from an infrastructure template (CloudFormation, SAM or a Terraform plan),
/// with where it was written.
///
/// Scalars keep their text: CloudFormation treats `1024` and `"1024"` alike, and the resource
/// mappers parse numbers with billcast's strict grammar.
struct TemplateNode: Sendable {
  indirect enum Value: Sendable {
    /// A scalar's text (numbers and booleans included).
    case scalar(String)
    /// A list.
    case list([TemplateNode])
    /// A mapping, in file order.
    case map([(key: String, value: TemplateNode)])
    /// A null.
    case null
    /// `AWS::NoValue`: the property is removed.
    case noValue
    /// A resource's physical id or attribute (`Ref` or `Fn::GetAtt` to a resource): known only
    /// once deployed, but it names the resource.
    case reference(String, attribute: String?)
    /// A value that cannot be known before deployment, and why.
    case unknown(String)
  }

  var value: Value
  var location: SourceLocation

  init(_ value: Value, _ location: SourceLocation) {
    self.value = value
    self.location = location
  }

  /// The scalar's text, if this is a scalar.
  var text: String? { if case .scalar(let s) = value { return s } else { return nil } }

  /// The list's items, if this is a list.
  var items: [TemplateNode]? { if case .list(let l) = value { return l } else { return nil } }

  /// The mapping's entries, if this is a mapping.
  var entries: [(key: String, value: TemplateNode)]? { if case .map(let m) = value { return m } else { return nil } }

  /// The value of `key` in this mapping. Inside a value that cannot be known statically (an
  /// undecidable `Fn::If` picking a whole mapping), that unknown value itself: what it holds is
  /// unknown too, so a price reading it asks for the input rather than taking it as absent.
  subscript(_ key: String) -> TemplateNode? {
    if case .unknown = value { return self }
    return entries?.first { $0.key == key }?.value
  }

  /// The value at a dotted path of keys (`EphemeralStorage.Size`); list indexes as numbers. A
  /// path through a value that cannot be known statically ends at that value (see `subscript`).
  func at(_ path: String) -> TemplateNode? {
    var node: TemplateNode? = self
    for part in path.split(separator: ".") {
      if case .unknown? = node?.value { return node }
      if let index = Int(part), let items = node?.items {
        node = index < items.count ? items[index] : nil
      } else {
        node = node?[String(part)]
      }
    }
    return node
  }

  /// The resource a `Ref` or `Fn::GetAtt` names, if this is one.
  var referencedResource: String? { if case .reference(let r, _) = value { return r } else { return nil } }

  /// Why this value cannot be known statically, if it cannot.
  var unknownReason: String? {
    switch value {
    case .unknown(let reason): return reason
    case .reference(let r, let attribute):
      return attribute.map { "it is the attribute \($0) of resource \(r), known only once deployed" }
        ?? "it is the physical id of resource \(r), known only once deployed"
    default: return nil
    }
  }

  /// The value as a boolean, as CloudFormation reads one: YAML's `true`, `True`, `TRUE`, `false`,
  /// `False`, `FALSE`, quoted or not; nil when it is not known statically. Anything else is a
  /// located error (and nil), never false.
  func boolean(_ property: String, diagnostics: DiagnosticCollector) -> Bool? {
    guard let text else {
      switch value {
      case .map, .list:
        diagnostics.add(location.diagnostic(.error, "\(property) must be true or false, found \(kindName)"))
      default: break
      }
      return nil
    }
    switch text {
    case "true", "True", "TRUE": return true
    case "false", "False", "FALSE": return false
    default:
      diagnostics.add(
        location.diagnostic(.error, "\(property) must be true or false, found '\(TerminalText.excerpt(text))'"))
      return nil
    }
  }

  /// A short description of the kind of value, for messages.
  var kindName: String {
    switch value {
    case .scalar: return "a scalar"
    case .list: return "a list"
    case .map: return "a mapping"
    case .null: return "null"
    case .noValue: return "AWS::NoValue"
    case .reference: return "a resource reference"
    case .unknown: return "a value known only once deployed"
    }
  }
}

// MARK: From YAML

extension TemplateNode {
  /// The short-form tags CloudFormation's YAML accepts, and the long-form key each stands for.
  static let shortTags: [String: String] = [
    "!Ref": "Ref", "!Condition": "Condition", "!Base64": "Fn::Base64", "!Cidr": "Fn::Cidr",
    "!FindInMap": "Fn::FindInMap",
    "!GetAtt": "Fn::GetAtt", "!GetAZs": "Fn::GetAZs", "!ImportValue": "Fn::ImportValue", "!Join": "Fn::Join",
    "!Select": "Fn::Select", "!Split": "Fn::Split", "!Sub": "Fn::Sub", "!Transform": "Fn::Transform", "!And": "Fn::And",
    "!Equals": "Fn::Equals", "!If": "Fn::If", "!Not": "Fn::Not", "!Or": "Fn::Or", "!Length": "Fn::Length",
    "!ToJsonString": "Fn::ToJsonString",
    // Rules-only functions (the Rules section is not evaluated, but its tags are valid).
    "!Contains": "Fn::Contains", "!EachMemberEquals": "Fn::EachMemberEquals", "!EachMemberIn": "Fn::EachMemberIn",
    "!RefAll": "Fn::RefAll", "!ValueOf": "Fn::ValueOf", "!ValueOfAll": "Fn::ValueOfAll",
  ]

  /// The key an earlier duplicate stood for, if `key` is one (see
  /// `YAMLDocument.parseAllowingDuplicateKeys`).
  static func overriddenKey(_ key: String) -> String? {
    guard key.hasPrefix(YAMLDocument.overriddenKeyPrefix) else { return nil }
    let rest = key.dropFirst(YAMLDocument.overriddenKeyPrefix.count)
    guard let dot = rest.firstIndex(of: "."), rest[..<dot].allSatisfy(\.isNumber) else { return nil }
    return String(rest[rest.index(after: dot)...])
  }

  /// Converts a composed YAML node, turning short-form tags (`!Ref X`) into their long form
  /// (`{Ref: X}`); an unknown tag is an error.
  static func from(yaml node: Node, file: String, path: String, diagnostics: DiagnosticCollector) -> TemplateNode {
    let location = SourceLocation(file: file, line: node.mark?.line, column: node.mark?.column, path: path)
    var converted: TemplateNode
    switch node {
    case .scalar(let s):
      let isNull = s.style == .plain && ["", "~", "null", "Null", "NULL"].contains(s.string)
      converted = TemplateNode(isNull ? .null : .scalar(s.string), location)
    case .sequence(let sequence):
      converted = TemplateNode(
        .list(
          sequence.enumerated().map { from(yaml: $1, file: file, path: path + "[\($0)]", diagnostics: diagnostics) }),
        location)
    case .mapping(let mapping):
      var entries: [(String, TemplateNode)] = []
      for (k, v) in mapping {
        guard case .scalar(let key) = k else {
          diagnostics.add(location.diagnostic(.error, "a key must be a scalar"))
          continue
        }
        if let original = overriddenKey(key.string) {
          let keyPath = path.isEmpty ? original : path + "." + original
          diagnostics.add(
            SourceLocation(file: file, line: k.mark?.line, column: k.mark?.column, path: keyPath).diagnostic(
              .warning,
              "duplicate key '\(TerminalText.excerpt(original))': CloudFormation takes the last one in the mapping, so this one is ignored"
            ))
          continue
        }
        entries.append(
          (
            key.string,
            from(
              yaml: v, file: file, path: path.isEmpty ? key.string : path + "." + key.string, diagnostics: diagnostics)
          ))
      }
      converted = TemplateNode(.map(entries), location)
    case .alias:
      converted = TemplateNode(.null, location)
    }
    let tag = node.tag.rawValue
    guard tag.hasPrefix("!"), !tag.hasPrefix("!!") else { return converted }
    guard let long = shortTags[tag] else {
      diagnostics.add(
        location.diagnostic(
          .error,
          "unknown intrinsic function tag '\(TerminalText.excerpt(tag))'\(Spelling.hint(for: tag, among: shortTags.keys.sorted()))"
        ))
      return TemplateNode(.null, location)
    }
    // `!GetAtt Resource.Attribute` is the long form's [Resource, Attribute].
    if long == "Fn::GetAtt", let text = converted.text {
      let parts = text.split(separator: ".", maxSplits: 1).map(String.init)
      converted = TemplateNode(.list(parts.map { TemplateNode(.scalar($0), location) }), location)
    }
    return TemplateNode(.map([(long, converted)]), location)
  }
}

// MARK: From JSON

extension TemplateNode {
  /// Converts a parsed JSON value.
  static func from(json node: JSONNode, file: String, path: String) -> TemplateNode {
    let p = node.position
    let location = SourceLocation(file: file, line: p.line, column: p.column, path: path)
    switch node {
    case .object(let entries, _):
      return TemplateNode(
        .map(
          entries.map { ($0.key, from(json: $0.value, file: file, path: path.isEmpty ? $0.key : path + "." + $0.key)) }),
        location)
    case .array(let items, _):
      return TemplateNode(
        .list(items.enumerated().map { from(json: $1, file: file, path: path + "[\($0)]") }), location)
    case .string(let s, _): return TemplateNode(.scalar(s), location)
    case .number(let n, _): return TemplateNode(.scalar(n), location)
    case .bool(let b, _): return TemplateNode(.scalar(b ? "true" : "false"), location)
    case .null: return TemplateNode(.null, location)
    }
  }
}
