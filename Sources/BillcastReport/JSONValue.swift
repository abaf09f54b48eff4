/// A JSON value whose object keys keep their order, written deterministically.
package indirect enum JSONValue: Equatable, Sendable {
  case string(String)
  /// A number written exactly as given (billcast writes amounts as strings instead).
  case number(String)
  case bool(Bool)
  case null
  case array([JSONValue])
  case object([(String, JSONValue)])

  /// Whether two values render to the same text.
  package static func == (a: JSONValue, b: JSONValue) -> Bool { a.rendered() == b.rendered() }

  /// Pretty-printed text with two-space indentation and a final newline.
  package func rendered() -> String {
    var out = ""
    write(into: &out, indent: 0)
    out.append("\n")
    return out
  }

  private func write(into out: inout String, indent: Int) {
    switch self {
    case .string(let s): Self.quote(s, into: &out)
    case .number(let n): out.append(n)
    case .bool(let b): out.append(b ? "true" : "false")
    case .null: out.append("null")
    case .array(let items):
      if items.isEmpty { out.append("[]"); return }
      out.append("[\n")
      for (i, item) in items.enumerated() {
        out.append(String(repeating: "  ", count: indent + 1))
        item.write(into: &out, indent: indent + 1)
        out.append(i == items.count - 1 ? "\n" : ",\n")
      }
      out.append(String(repeating: "  ", count: indent) + "]")
    case .object(let members):
      if members.isEmpty { out.append("{}"); return }
      out.append("{\n")
      for (i, (key, value)) in members.enumerated() {
        out.append(String(repeating: "  ", count: indent + 1))
        Self.quote(key, into: &out)
        out.append(": ")
        value.write(into: &out, indent: indent + 1)
        out.append(i == members.count - 1 ? "\n" : ",\n")
      }
      out.append(String(repeating: "  ", count: indent) + "}")
    }
  }

  static func quote(_ s: String, into out: inout String) {
    out.append("\"")
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out.append("\\\"")
      case "\\": out.append("\\\\")
      case "\n": out.append("\\n")
      case "\r": out.append("\\r")
      case "\t": out.append("\\t")
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          out.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    out.append("\"")
  }
}
