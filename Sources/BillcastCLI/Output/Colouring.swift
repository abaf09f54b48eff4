import ArgumentParser
import BillcastCore
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// ANSI colours for a text report that has already been laid out (the codes take no columns).
enum Colouring {
  static let bold = "\u{1B}[1m", red = "\u{1B}[31m", green = "\u{1B}[32m", reset = "\u{1B}[0m"

  /// `text` with its totals in bold and, per `highlight`, its overruns or changes coloured.
  static func apply(_ text: String, _ highlight: Highlight) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
      let trimmed = line.drop { $0 == " " }
      if trimmed.hasPrefix("Total") || trimmed.hasPrefix("Monthly totals") { return bold + line + reset }
      switch highlight {
      case .totals: return String(line)
      case .budgets: return String(line).replacingOccurrences(of: "OVER by", with: red + "OVER" + reset + " by")
      case .changes: return colourChanges(String(line))
      }
    }.joined(separator: "\n")
  }

  /// Signed amounts and percentages: a non-zero increase red, a decrease green.
  static func colourChanges(_ line: String) -> String {
    var out = ""
    var rest = Substring(line)
    while let start = rest.firstIndex(where: { $0 == "+" || $0 == "-" || $0 == "−" }) {
      out += rest[..<start]
      let sign = rest[start]
      var end = rest.index(after: start)
      var token = String(sign)
      // Only a sign at the start of a word: "+$1.20", "-3.5%", not "a-b" or "10-20".
      let atWordStart =
        start == rest.startIndex
        ? (out.last.map { $0 == " " || $0 == "(" } ?? true) : rest[rest.index(before: start)] == " "
      while end < rest.endIndex, "$0123456789.,%".contains(rest[end]) {
        token.append(rest[end])
        end = rest.index(after: end)
      }
      let isFigure = atWordStart && token.count > 1 && token.dropFirst().contains(where: \.isNumber)
      let isZero = !token.contains(where: { "123456789".contains($0) })
      out += isFigure && !isZero ? (sign == "+" ? red : green) + token + reset : token
      rest = rest[end...]
    }
    return out + rest
  }
}
