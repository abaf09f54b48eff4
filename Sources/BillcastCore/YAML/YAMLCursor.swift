import Yams

/// A position in a YAML document, with its key path, for reading typed values and
/// reporting every problem with file, line, column and key path.
///
/// Reading never throws: a value that is wrong adds an error to the collector and
/// returns nil, so a loader reports all of a file's problems at once.
package struct YAMLCursor {
  /// The node at this position.
  package let node: Node
  /// The key path from the root, like `services.aws.lambda.meters[0]`.
  package let path: String
  /// The file's path.
  package let file: String
  /// Where problems go.
  package let diagnostics: DiagnosticCollector

  /// Creates a cursor at a node, with its key path and file; problems go to `diagnostics`.
  package init(node: Node, path: String = "", file: String, diagnostics: DiagnosticCollector) {
    self.node = node
    self.path = path
    self.file = file
    self.diagnostics = diagnostics
    self.line = node.mark?.line
    self.column = node.mark?.column
  }

  /// A cursor at a document's root.
  package init(document: YAMLDocument, diagnostics: DiagnosticCollector) {
    self.init(node: document.root, file: document.path, diagnostics: diagnostics)
  }

  /// The 1-based line of this node.
  package private(set) var line: Int?
  /// The 1-based column of this node.
  package private(set) var column: Int?

  /// Adds an error at this node.
  package func error(_ message: String) {
    diagnostics.add(Diagnostic(.error, file: file, line: line, column: column, path: path, message: message))
  }

  /// Adds a warning at this node.
  package func warning(_ message: String) {
    diagnostics.add(Diagnostic(.warning, file: file, line: line, column: column, path: path, message: message))
  }

  /// A diagnostic at this node, to be added later or carried elsewhere.
  package func diagnostic(_ severity: Diagnostic.Severity, _ message: String) -> Diagnostic {
    Diagnostic(severity, file: file, line: line, column: column, path: path, message: message)
  }

  func child(_ node: Node, key: String) -> YAMLCursor {
    YAMLCursor(node: node, path: path.isEmpty ? key : path + "." + key, file: file, diagnostics: diagnostics)
  }

  func child(_ node: Node, index: Int) -> YAMLCursor {
    YAMLCursor(node: node, path: path + "[\(index)]", file: file, diagnostics: diagnostics)
  }

  var kindName: String {
    switch node {
    case .scalar: return "a scalar"
    case .mapping: return "a mapping"
    case .sequence: return "a list"
    case .alias: return "an alias"
    }
  }

  // MARK: Structure

  /// The entries of a mapping, in file order; an error if this is not a mapping.
  package func entries(_ what: String = "a mapping") -> [(key: String, value: YAMLCursor)]? {
    guard case .mapping(let mapping) = node else {
      error("expected \(what), found \(kindName)")
      return nil
    }
    var result: [(String, YAMLCursor)] = []
    for (k, v) in mapping {
      guard case .scalar(let s) = k else {
        YAMLCursor(node: k, path: path, file: file, diagnostics: diagnostics).error(
          "a key must be a plain name, not \(YAMLCursor(node: k, file: file, diagnostics: diagnostics).kindName)")
        continue
      }
      result.append((s.string, child(v, key: s.string)))
    }
    return result
  }

  /// The items of a list; an error if this is not a list.
  package func items(_ what: String = "a list") -> [YAMLCursor]? {
    guard case .sequence(let sequence) = node else {
      error("expected \(what), found \(kindName)")
      return nil
    }
    return sequence.enumerated().map { child($0.element, index: $0.offset) }
  }

  /// The fields of a mapping with a fixed set of keys: unknown keys are errors with a suggestion.
  package func fields(_ known: [String], what: String = "a mapping") -> YAMLFields? {
    guard let entries = entries(what) else { return nil }
    KnownKeysRecorder.current?.record(file: file, line: line, column: column, path: path, known: known)
    var values: [String: YAMLCursor] = [:]
    for (key, value) in entries {
      if known.contains(key) {
        values[key] = value
      } else {
        let keyCursor =
          keyNode(key).map { YAMLCursor(node: $0, path: value.path, file: file, diagnostics: diagnostics) } ?? value
        keyCursor.error(
          "unknown key '\(TerminalText.excerpt(key))'\(Spelling.hint(for: key, among: known)); expected one of: \(known.joined(separator: ", "))"
        )
      }
    }
    return YAMLFields(cursor: self, values: values)
  }

  /// The entries of a mapping with a cursor at each key as well as each value (a key's
  /// location without searching the mapping again, which made large mappings quadratic).
  package func keyedEntries(_ what: String = "a mapping") -> [(key: String, keyCursor: YAMLCursor, value: YAMLCursor)]?
  {
    guard case .mapping(let mapping) = node else {
      error("expected \(what), found \(kindName)")
      return nil
    }
    var result: [(String, YAMLCursor, YAMLCursor)] = []
    for (k, v) in mapping {
      guard case .scalar(let s) = k else {
        YAMLCursor(node: k, path: path, file: file, diagnostics: diagnostics).error(
          "a key must be a plain name, not \(YAMLCursor(node: k, file: file, diagnostics: diagnostics).kindName)")
        continue
      }
      let value = child(v, key: s.string)
      result.append((s.string, YAMLCursor(node: k, path: value.path, file: file, diagnostics: diagnostics), value))
    }
    return result
  }

  /// The node of a key in this mapping (for pointing at a misspelt key itself).
  func keyNode(_ key: String) -> Node? {
    guard case .mapping(let mapping) = node else { return nil }
    return mapping.first { if case .scalar(let s) = $0.key { return s.string == key } else { return false } }?.key
  }

  /// Whether this mapping has the key.
  package func hasKey(_ key: String) -> Bool { keyNode(key) != nil }

  /// A cursor pointing at the key `key` of this mapping rather than its value.
  package func keyCursor(_ key: String) -> YAMLCursor {
    let path = self.path.isEmpty ? key : self.path + "." + key
    return YAMLCursor(node: keyNode(key) ?? node, path: path, file: file, diagnostics: diagnostics)
  }

  // MARK: Scalars

  /// The scalar's text; an error if this is not a scalar.
  package func string(_ what: String = "a text") -> String? {
    guard case .scalar(let s) = node else {
      error("expected \(what), found \(kindName)")
      return nil
    }
    return s.string
  }

  /// Whether the scalar is a null (`~`, `null` or empty, unquoted).
  package var isNull: Bool {
    guard case .scalar(let s) = node else { return false }
    return s.style == .plain && ["", "~", "null", "Null", "NULL"].contains(s.string)
  }

  /// A number in billcast's strict grammar.
  package func decimal() -> ExactDecimal? {
    guard let text = string("a number") else { return nil }
    switch ExactDecimal.parse(text) {
    case .success(let v): return v
    case .failure(let e):
      error(e.description)
      return nil
    }
  }

  /// A number that must not be negative.
  package func nonNegativeDecimal() -> ExactDecimal? {
    guard let v = decimal() else { return nil }
    if v.isNegative {
      error("must not be negative, found \(v)")
      return nil
    }
    return v
  }

  /// A whole number within `range`.
  package func integer(in range: ClosedRange<Int>) -> Int? {
    guard let v = decimal() else { return nil }
    guard v.isInteger, v >= ExactDecimal(range.lowerBound), v <= ExactDecimal(range.upperBound) else {
      error("expected a whole number from \(range.lowerBound) to \(range.upperBound), found \(v)")
      return nil
    }
    return Int(v.raw / ExactDecimal.scale)
  }

  /// A date, `YYYY-MM-DD`.
  package func date() -> CalendarDate? {
    guard let text = string("a date") else { return nil }
    guard let d = CalendarDate(text) else {
      error("'\(TerminalText.excerpt(text))' is not a date; expected YYYY-MM-DD, like 2025-07-15")
      return nil
    }
    guard d.isSupported else {
      error("\(d) is outside the calendar billcast prices: \(CalendarDate.supportedRangeText)")
      return nil
    }
    return d
  }

  /// A region name: lower-case letters, digits and hyphens, like `us-east-1` (`global` where allowed).
  package func regionName() -> String? {
    guard let text = string("a region, like us-east-1") else { return nil }
    guard !text.isEmpty, text.utf8.count <= 64,
      text.utf8.allSatisfy({ ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 })
    else {
      error(
        "'\(TerminalText.excerpt(text))' is not a region; expected lower-case letters, digits and hyphens, like us-east-1"
      )
      return nil
    }
    return text
  }

  /// A boolean as YAML 1.2's core schema spells one: `true`, `True`, `TRUE`, `false`, `False`,
  /// `FALSE` (not YAML 1.1's yes/no/on/off, which are an error rather than false).
  package func bool() -> Bool? {
    guard let text = string("true or false") else { return nil }
    switch text {
    case "true", "True", "TRUE": return true
    case "false", "False", "FALSE": return false
    default:
      error("expected true or false, found '\(TerminalText.excerpt(text))'")
      return nil
    }
  }

  /// One of a fixed set of words.
  package func choice(_ allowed: [String]) -> String? {
    guard let text = string("one of \(allowed.joined(separator: ", "))") else { return nil }
    guard allowed.contains(text) else {
      error(
        "'\(TerminalText.excerpt(text))' is not one of \(allowed.joined(separator: ", "))\(Spelling.hint(for: text, among: allowed))"
      )
      return nil
    }
    return text
  }

  /// A formula (a number, a range `low..high`, or an expression over names).
  package func formula() -> Formula? {
    guard let text = string("a number, a range or a formula") else { return nil }
    do {
      let formula = try Formula.parse(text)
      // A formula that names nothing is checked now, with the file's other problems: a range
      // whose low end is above its high end (`5..1`), a division by zero.
      if formula.isConstant {
        do {
          _ = try formula.evaluate { _ in nil }
        } catch {
          self.error("invalid formula '\(TerminalText.excerpt(text))': \(error)")
          return nil
        }
      }
      return formula
    } catch {
      // Point at the character inside a plain one-line scalar where we can.
      var c = self
      if case .scalar(let s) = node, s.style == .plain, let column {
        c.column = column + error.offset
      }
      c.error("invalid formula '\(TerminalText.excerpt(text))': \(error.message)")
      return nil
    }
  }
}
