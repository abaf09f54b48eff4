import BillcastCore
import Foundation

/// How a calibration spells what it writes: scalars plain where YAML reads them back unchanged,
/// double-quoted otherwise; comments and header lines on one line.
enum CalibrationText {
  /// A value or key as YAML text that reads back as `value` (inside a flow collection when `inFlow`).
  static func scalar(_ value: String, inFlow: Bool) -> String {
    isPlainSafe(value, inFlow: inFlow) ? value : quoted(value)
  }

  /// Whether a text reads back unchanged as a plain scalar.
  static func isPlainSafe(_ value: String, inFlow: Bool) -> Bool {
    let scalars = Array(value.unicodeScalars)
    guard let first = scalars.first, let last = scalars.last else { return false }
    if ["~", "null", "Null", "NULL"].contains(value) { return false }
    if first == " " || last == " " || last == ":" { return false }
    if "?:-".unicodeScalars.contains(first) && (scalars.count == 1 || scalars[1] == " ") { return false }
    if ",[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) { return false }
    if value.contains(": ") || value.contains(" #") { return false }
    if inFlow && value.unicodeScalars.contains(where: { ",[]{}:".unicodeScalars.contains($0) }) { return false }
    return scalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F && !YAMLText.isBreak($0) && $0 != "\u{FEFF}" }
  }

  /// A double-quoted scalar.
  static func quoted(_ value: String) -> String {
    var result = "\""
    for c in value.unicodeScalars {
      switch c {
      case "\\": result += "\\\\"
      case "\"": result += "\\\""
      case "\t": result += "\\t"
      default:
        if c.value < 0x20 || c.value == 0x7F || YAMLText.isBreak(c) || c == "\u{FEFF}" {
          result += String(format: "\\u%04X", c.value)
        } else {
          result.unicodeScalars.append(c)
        }
      }
    }
    return result + "\""
  }

  /// A comment's text on one line: line breaks and other control characters become spaces.
  static func comment(_ text: String) -> String {
    var result = String.UnicodeScalarView()
    for c in text.unicodeScalars {
      result.append(c.value < 0x20 || c.value == 0x7F || YAMLText.isBreak(c) ? " " : c)
    }
    return String(result).trimmingCharacters(in: .whitespaces)
  }
}
