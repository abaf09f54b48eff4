import Yams

/// The fields of a mapping read by ``YAMLCursor/fields(_:what:)``.
package struct YAMLFields {
  /// The mapping itself.
  package let cursor: YAMLCursor
  let values: [String: YAMLCursor]

  /// The value of an optional key.
  package subscript(_ key: String) -> YAMLCursor? { values[key] }

  /// The value of a required key; an error at the mapping if it is missing.
  package func required(_ key: String) -> YAMLCursor? {
    if let v = values[key] { return v }
    cursor.error("missing required key '\(TerminalText.excerpt(key))'")
    return nil
  }

  /// Whether the key is present.
  package func has(_ key: String) -> Bool { values[key] != nil }
}
