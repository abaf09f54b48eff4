/// An EventBridge `cron(…)` expression: minutes, hours, day of month, month, day of week and
/// year, with AWS's wildcards (`, - * ? / L W #`), as the EventBridge and Scheduler guides define them.
///
/// Its runs in a month are `minutes × hours × days`, counted on the month's calendar (see
/// ``monthlyRuns``).
struct CronExpression: Equatable {
  /// A day-of-month field.
  enum Days: Equatable {
    /// `*` or `?`: every day.
    case every
    /// Days of the month (1 to 31), each counted in months that have it; `L`, `LW` and `nW`
    /// are one day a month each (`nW` only in months that have day n).
    case dates(Set<Int>, lastDays: Int)
  }

  /// A day-of-week field.
  enum Weekdays: Equatable {
    /// `*` or `?`: every day.
    case every
    /// Days of the week (1 = Sunday to 7 = Saturday).
    case set(Set<Int>)
    /// `nL` (the last such weekday) or `n#k` with k of 1 to 4: once a month.
    case oncePerMonth
    /// `n#5`: in months where weekday n falls five times.
    case fifth(Int)
  }

  var minutes: Int
  var hours: Int
  var days: Days
  var weekdays: Weekdays
  /// The months it runs in (1 to 12).
  var months: Set<Int>
  /// Whether the year field limits the years it runs in.
  var limitsYears: Bool

  /// Reads the text between `cron(` and `)`; nil when it is not an expression AWS accepts, with why.
  static func parse(_ text: String) -> Result<CronExpression, CronSyntaxError> {
    let fields = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
    guard fields.count == 6 else {
      return .failure(
        CronSyntaxError("expected 6 fields (minutes hours day-of-month month day-of-week year), found \(fields.count)"))
    }
    do throws(CronSyntaxError) {
      let minutes = try values(fields[0], 0...59, field: "minutes")
      let hours = try values(fields[1], 0...23, field: "hours")
      let monthField = try values(fields[3], 1...12, field: "month", names: monthNames)
      _ = try values(fields[5], 1970...2199, field: "year")
      let (dom, dow) = (fields[2], fields[4])
      guard (dom == "?") != (dow == "?") else {
        throw CronSyntaxError("one of day-of-month and day-of-week must be ?, and only one")
      }
      return .success(
        CronExpression(
          minutes: minutes.count, hours: hours.count, days: try days(dom), weekdays: try weekdays(dow),
          months: monthField, limitsYears: fields[5] != "*"))
    } catch {
      return .failure(error)
    }
  }

  static let monthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
  static let weekdayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]

  /// A day-of-month field: `?`, `*`, values, ranges and steps of 1 to 31, `L`, `LW` and `nW`.
  private static func days(_ field: String) throws(CronSyntaxError) -> Days {
    if field == "?" || field == "*" { return .every }
    var dates: Set<Int> = []
    var lastDays = 0
    for part in field.split(separator: ",", omittingEmptySubsequences: false).map(String.init) {
      if part == "L" || part == "LW" {
        lastDays += 1
      } else if part.hasSuffix("W") {
        guard let n = Int(part.dropLast()), (1...31).contains(n) else {
          throw CronSyntaxError("day-of-month '\(part)' is not a day of 1 to 31 followed by W")
        }
        dates.insert(n)
      } else {
        dates.formUnion(try values(part, 1...31, field: "day-of-month"))
      }
    }
    return .dates(dates, lastDays: lastDays)
  }

  /// A day-of-week field: `?`, `*`, values, ranges and steps of 1 to 7 or SUN to SAT, `nL` and `n#k`.
  private static func weekdays(_ field: String) throws(CronSyntaxError) -> Weekdays {
    if field == "?" || field == "*" { return .every }
    if field.hasSuffix("L"), field.count > 1 {
      _ = try values(String(field.dropLast()), 1...7, field: "day-of-week", names: weekdayNames)
      return .oncePerMonth
    }
    if let hash = field.firstIndex(of: "#") {
      let day = try values(String(field[..<hash]), 1...7, field: "day-of-week", names: weekdayNames)
      guard let k = Int(field[field.index(after: hash)...]), (1...5).contains(k), day.count == 1 else {
        throw CronSyntaxError("day-of-week '\(field)' needs one day, then a week of 1 to 5 after #")
      }
      return k == 5 ? .fifth(day.first!) : .oncePerMonth
    }
    let set = try values(field, 1...7, field: "day-of-week", names: weekdayNames)
    return set.count == 7 ? .every : .set(set)
  }

  /// The values a field's list names: `*`, `N`, `A-B`, `A/S`, `A-B/S` or `*/S`, comma-separated.
  static func values(_ field: String, _ range: ClosedRange<Int>, field name: String, names: [String] = [])
    throws(CronSyntaxError) -> Set<Int>
  {
    func number(_ text: Substring) throws(CronSyntaxError) -> Int {
      if let i = names.firstIndex(of: text.uppercased()) { return range.lowerBound + i }
      guard !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(text), range.contains(n) else {
        throw CronSyntaxError("\(name) '\(text)' is not a value of \(range.lowerBound) to \(range.upperBound)")
      }
      return n
    }
    var result: Set<Int> = []
    for part in field.split(separator: ",", omittingEmptySubsequences: false) {
      let pieces = part.split(separator: "/", omittingEmptySubsequences: false)
      guard pieces.count <= 2 else { throw CronSyntaxError("\(name) '\(part)' has more than one /") }
      var low = range.lowerBound
      var high = range.upperBound
      if pieces[0] != "*" {
        let bounds = pieces[0].split(separator: "-", omittingEmptySubsequences: false)
        guard bounds.count <= 2 else { throw CronSyntaxError("\(name) '\(part)' is not a value or a range") }
        low = try number(bounds[0])
        high = bounds.count == 2 ? try number(bounds[1]) : (pieces.count == 2 ? range.upperBound : low)
        guard low <= high else { throw CronSyntaxError("\(name) range '\(pieces[0])' runs backwards") }
      }
      var step = 1
      if pieces.count == 2 {
        guard let s = Int(pieces[1]), s > 0, pieces[1].allSatisfy({ $0.isASCII && $0.isNumber }) else {
          throw CronSyntaxError("\(name) step '\(pieces[1])' is not a whole number of 1 or more")
        }
        step = s
      }
      result.formUnion(stride(from: low, through: high, by: step))
    }
    return result
  }
}
