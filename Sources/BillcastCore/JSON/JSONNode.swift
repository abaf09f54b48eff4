/// A JSON value read strictly, with where each value starts: for saved reports, templates and
/// offer files, whose problems are reported as `file:line:col: error:` like a profile's.
///
/// Duplicate keys are an error (Foundation's reader keeps the last silently), numbers keep
/// their text (to be parsed by billcast's own number grammar), and nesting is limited.
package indirect enum JSONNode: Sendable {
  case object([(key: String, value: JSONNode)], JSONPosition)
  case array([JSONNode], JSONPosition)
  case string(String, JSONPosition)
  case number(String, JSONPosition)
  case bool(Bool, JSONPosition)
  case null(JSONPosition)

  /// Where the value starts.
  package var position: JSONPosition {
    switch self {
    case .object(_, let p), .array(_, let p), .string(_, let p), .number(_, let p), .bool(_, let p), .null(let p):
      return p
    }
  }

  /// The value of a key of an object, or nil.
  package subscript(_ key: String) -> JSONNode? {
    guard case .object(let members, _) = self else { return nil }
    return members.first { $0.key == key }?.value
  }

  /// The text of a string value, or nil.
  package var string: String? { if case .string(let s, _) = self { return s } else { return nil } }

  /// The items of an array, or nil.
  package var items: [JSONNode]? { if case .array(let a, _) = self { return a } else { return nil } }

  /// What kind of value this is, for messages.
  package var kindName: String {
    switch self {
    case .object: return "an object"
    case .array: return "an array"
    case .string: return "a string"
    case .number: return "a number"
    case .bool: return "true or false"
    case .null: return "null"
    }
  }
}
