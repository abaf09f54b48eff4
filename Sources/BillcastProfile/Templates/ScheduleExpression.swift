/// An EventBridge schedule expression as AWS reads it: `rate(VALUE UNIT)`, `cron(…)` or `at(…)`.
enum ScheduleExpression {
  /// A rate, as a formula over `month_hours` for its invocations a month.
  case rate(String)
  /// A `cron` or `at` schedule, which billcast does not count yet.
  case notCounted(String)

  /// Reads an expression; nil when it is not one AWS accepts. A rate's value is a whole number of
  /// 1 or more, and its unit singular for 1 and plural above it, as AWS requires.
  static func parse(_ text: String) -> ScheduleExpression? {
    for kind in ["cron", "at"] where text.hasPrefix(kind + "(") && text.hasSuffix(")") && text.count > kind.count + 2 {
      return .notCounted(kind)
    }
    guard text.hasPrefix("rate("), text.hasSuffix(")") else { return nil }
    let parts = text.dropFirst(5).dropLast().split(separator: " ", omittingEmptySubsequences: false)
    guard parts.count == 2, parts[0].allSatisfy(\.isASCII), parts[0].allSatisfy(\.isNumber),
      let n = Int(parts[0]), n > 0
    else { return nil }
    let unit = n == 1 ? parts[1] : parts[1].hasSuffix("s") ? parts[1].dropLast() : ""
    switch unit {
    case "minute": return .rate("month_hours * 60 / \(n)")
    case "hour": return .rate("month_hours / \(n)")
    case "day": return .rate("month_hours / 24 / \(n)")
    default: return nil
    }
  }
}
