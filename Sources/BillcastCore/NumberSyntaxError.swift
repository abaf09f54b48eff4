/// Why a text is not a number in billcast's strict grammar.
public enum NumberSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
  case notANumber(String)
  case tooPrecise(String)
  case tooLarge(String)

  /// A message saying why the text is not a number.
  public var description: String {
    switch self {
    case .notANumber(let text):
      return "'\(TerminalText.excerpt(text))' is not a number (expected digits like 1000, 1_000, 0.25 or 1e6)"
    case .tooPrecise(let text):
      return
        "'\(TerminalText.excerpt(text))' has more than \(ExactDecimal.fractionDigits) decimal places (the most a number may have)"
    case .tooLarge(let text):
      return
        "'\(TerminalText.excerpt(text))' is out of range: a number's magnitude is at most 10^15 (\(ExactDecimal.parseLimit))"
    }
  }
}
