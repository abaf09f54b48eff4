import BillcastCore

/// An EventBridge schedule expression as AWS reads it: `rate(VALUE UNIT)`, `cron(…)` or `at(…)`.
enum ScheduleExpression: Equatable {
  /// A recurring schedule: its runs in a month as a formula over the month priced (see
  /// ``Builtins``), and what in it billcast does not apply (a year field).
  case recurring(String, caveats: [String])
  /// A one-time schedule, `at(yyyy-mm-ddThh:mm:ss)`, which runs once, never in a steady month.
  case once(String)

  /// Reads an expression; a failure says why it is not one AWS accepts. A rate's value is a
  /// whole number of 1 or more; an EventBridge rule's unit is singular for 1 and plural above it,
  /// as the rules' guide requires, while EventBridge Scheduler (`scheduler`) takes either form
  /// (its API lists `minute | minutes | hour | hours | day | days`).
  static func parse(_ text: String, scheduler: Bool = false) -> Result<ScheduleExpression, CronSyntaxError> {
    if text.hasPrefix("cron("), text.hasSuffix(")") {
      return CronExpression.parse(String(text.dropFirst(5).dropLast())).map {
        .recurring($0.monthlyRuns.formula, caveats: $0.monthlyRuns.caveats)
      }
    }
    if text.hasPrefix("at("), text.hasSuffix(")") {
      let when = String(text.dropFirst(3).dropLast())
      guard when.count == 19, isDateTime(when) else {
        return .failure(CronSyntaxError("at(…) needs a date and time, yyyy-mm-ddThh:mm:ss"))
      }
      return .success(.once(when))
    }
    guard text.hasPrefix("rate("), text.hasSuffix(")") else {
      return .failure(CronSyntaxError("expected rate(VALUE UNIT), cron(…) or at(…)"))
    }
    let parts = text.dropFirst(5).dropLast().split(separator: " ", omittingEmptySubsequences: false)
    guard parts.count == 2, parts[0].allSatisfy(\.isASCII), parts[0].allSatisfy(\.isNumber),
      let n = Int(parts[0]), n > 0
    else { return .failure(CronSyntaxError("a rate needs a whole VALUE of 1 or more and a UNIT")) }
    let plural = parts[1].hasSuffix("s")
    let unit = scheduler || n == 1 && !plural || n > 1 && plural ? (plural ? parts[1].dropLast() : parts[1]) : ""
    switch unit {
    case "minute": return .success(.recurring("month_hours * 60 / \(n)", caveats: []))
    case "hour": return .success(.recurring("month_hours / \(n)", caveats: []))
    case "day": return .success(.recurring("month_hours / 24 / \(n)", caveats: []))
    default:
      return .failure(
        CronSyntaxError(
          scheduler
            ? "a rate's UNIT is minute(s), hour(s) or day(s), not '\(parts[1])'"
            : "a rate's UNIT is minute, hour or day (minutes, hours, days above 1), not '\(parts[1])'"))
    }
  }

  /// Whether `text` is `yyyy-mm-ddThh:mm:ss` with a real date and time.
  private static func isDateTime(_ text: String) -> Bool {
    let chars = Array(text)
    guard chars.count == 19, chars[10] == "T", chars[13] == ":", chars[16] == ":" else { return false }
    let digits = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18]
    guard digits.allSatisfy({ chars[$0].isASCII && chars[$0].isNumber }) else { return false }
    guard CalendarDate(String(chars[0..<10])) != nil else { return false }
    let hour = Int(String(chars[11...12]))!, minute = Int(String(chars[14...15]))!,
      second = Int(String(chars[17...18]))!
    return hour < 24 && minute < 60 && second < 60
  }
}
