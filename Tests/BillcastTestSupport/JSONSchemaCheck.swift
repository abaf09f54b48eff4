import Foundation
import Yams

/// A JSON or YAML value as an editor's YAML 1.2 core schema reads it: plain `730` is a number,
/// `true` a boolean, `~` null, and `2024-06-01` or `1000..5000` a string.
public indirect enum SchemaValue: Equatable {
  case null
  case bool(Bool)
  case number(Double, isInteger: Bool)
  case string(String)
  case array([SchemaValue])
  case object([(String, SchemaValue)])

  public static func == (a: SchemaValue, b: SchemaValue) -> Bool {
    switch (a, b) {
    case (.null, .null): return true
    case (.bool(let x), .bool(let y)): return x == y
    case (.number(let x, _), .number(let y, _)): return x == y
    case (.string(let x), .string(let y)): return x == y
    case (.array(let x), .array(let y)): return x == y
    case (.object(let x), .object(let y)):
      return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    default: return false
    }
  }

  /// Reads JSON or YAML text (JSON is YAML); aliases are expanded.
  public static func parse(_ text: String) throws -> SchemaValue {
    guard let node = try Yams.compose(yaml: text, Resolver.basic) else { return .null }
    return value(node)
  }

  static func value(_ node: Node) -> SchemaValue {
    switch node {
    case .scalar(let s):
      guard s.style == .plain else { return .string(s.string) }
      switch s.string {
      case "", "~", "null", "Null", "NULL": return .null
      case "true", "True", "TRUE": return .bool(true)
      case "false", "False", "FALSE": return .bool(false)
      default:
        if s.string.range(of: "^-?(0|[1-9][0-9]*)$", options: .regularExpression) != nil, let d = Double(s.string) {
          return .number(d, isInteger: true)
        }
        if s.string.range(of: "^-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?$", options: .regularExpression) != nil,
          let d = Double(s.string)
        {
          return .number(d, isInteger: d == d.rounded())
        }
        return .string(s.string)
      }
    case .sequence(let items): return .array(items.map(value))
    case .mapping(let mapping): return .object(mapping.map { (($0.key.string ?? ""), value($0.value)) })
    case .alias: return .null  // compose expands aliases; an unexpanded one has no value to check
    }
  }

  /// The member `key` of an object.
  public subscript(key: String) -> SchemaValue? {
    guard case .object(let members) = self else { return nil }
    return members.first { $0.0 == key }?.1
  }
}

/// A JSON Schema (draft 2020-12) checker for the keywords billcast's schemas use: `$ref` to
/// `$defs`, `type`, `const`, `enum`, `properties`, `required`, `additionalProperties`,
/// `propertyNames`, `pattern`, `items`, `minItems`, `minProperties`, `maxProperties`, `oneOf`,
/// `anyOf` and `not`. An unknown keyword is an error, so the checker cannot pass by ignoring one.
public struct JSONSchemaCheck {
  public let root: SchemaValue
  static let known: Set<String> = [
    "$schema", "$id", "$ref", "$defs", "title", "description", "type", "const", "enum", "properties", "required",
    "additionalProperties", "propertyNames", "pattern", "items", "minItems", "minProperties", "maxProperties", "oneOf",
    "anyOf", "not",
  ]

  public init(_ text: String) throws { root = try SchemaValue.parse(text) }

  /// Every way `value` breaks the schema, as `path: problem`.
  public func errors(_ value: SchemaValue) -> [String] {
    var out: [String] = []
    check(value, root, "", &out)
    return out
  }

  /// The schema a `$ref` names.
  public func resolve(_ schema: SchemaValue) -> SchemaValue {
    guard case .string(let ref)? = schema["$ref"], ref.hasPrefix("#/$defs/"),
      let target = root["$defs"]?[String(ref.dropFirst(8))]
    else { return schema }
    return resolve(target)
  }

  func check(_ v: SchemaValue, _ schema: SchemaValue, _ path: String, _ out: inout [String]) {
    guard case .object(let members) = schema else { return }
    for (key, _) in members where !Self.known.contains(key) {
      out.append("\(path): the checker does not know the keyword \(key)")
    }
    if schema["$ref"] != nil { check(v, resolve(schema), path, &out) }
    if let t = schema["type"] {
      let types: [String]
      switch t {
      case .string(let one): types = [one]
      case .array(let many): types = many.compactMap { if case .string(let s) = $0 { return s } else { return nil } }
      default: types = []
      }
      if !types.contains(where: { Self.has(v, type: $0) }) {
        out.append("\(path): expected \(types.joined(separator: " or "))")
      }
    }
    if let c = schema["const"], c != v { out.append("\(path): expected the constant \(c)") }
    if case .array(let values)? = schema["enum"], !values.contains(v) {
      out.append("\(path): not one of the allowed values")
    }
    if case .string(let pattern)? = schema["pattern"], case .string(let s) = v,
      s.range(of: pattern, options: .regularExpression) == nil
    {
      out.append("\(path): '\(s)' does not match \(pattern)")
    }
    if case .object(let fields) = v {
      let properties: [(String, SchemaValue)]
      if case .object(let p)? = schema["properties"] { properties = p } else { properties = [] }
      if case .array(let required)? = schema["required"] {
        for case .string(let name) in required where !fields.contains(where: { $0.0 == name }) {
          out.append("\(path): '\(name)' is required")
        }
      }
      if case .number(let n, _)? = schema["minProperties"], Double(fields.count) < n {
        out.append("\(path): fewer than \(Int(n)) members")
      }
      if case .number(let n, _)? = schema["maxProperties"], Double(fields.count) > n {
        out.append("\(path): more than \(Int(n)) members")
      }
      for (name, value) in fields {
        if let names = schema["propertyNames"] { check(.string(name), names, path + "/" + name + " (name)", &out) }
        if let p = properties.first(where: { $0.0 == name }) {
          check(value, p.1, path + "/" + name, &out)
        } else if let extra = schema["additionalProperties"] {
          if extra == .bool(false) {
            out.append("\(path): unknown key '\(name)'")
          } else {
            check(value, extra, path + "/" + name, &out)
          }
        }
      }
    }
    if case .array(let items) = v {
      if case .number(let n, _)? = schema["minItems"], Double(items.count) < n {
        out.append("\(path): fewer than \(Int(n)) items")
      }
      if let each = schema["items"] { for (i, item) in items.enumerated() { check(item, each, "\(path)/\(i)", &out) } }
    }
    for keyword in ["oneOf", "anyOf"] {
      guard case .array(let branches)? = schema[keyword] else { continue }
      let results = branches.map { branch -> [String] in
        var e: [String] = []; check(v, branch, path, &e); return e
      }
      let passing = results.filter(\.isEmpty).count
      if passing == 0 || (keyword == "oneOf" && passing > 1) {
        out.append("\(path): matches \(passing) of \(keyword)'s \(branches.count) schemas")
        // Why the closest branch failed: an unknown key deep inside says more than "no branch".
        if passing == 0, let closest = results.min(by: { $0.count < $1.count }) { out += closest }
      }
    }
    if let not = schema["not"] {
      var e: [String] = []
      check(v, not, path, &e)
      if e.isEmpty { out.append("\(path): matches a schema it must not") }
    }
  }

  static func has(_ v: SchemaValue, type: String) -> Bool {
    switch (type, v) {
    case ("null", .null), ("boolean", .bool), ("number", .number), ("string", .string), ("array", .array),
      ("object", .object):
      return true
    case ("integer", .number(_, let isInteger)): return isInteger
    default: return false
    }
  }
}
