import BillcastCore
import Testing

@testable import BillcastProfile

/// Schedule expressions as the EventBridge Scheduler guide defines them
/// (https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html): `rate(…)`,
/// `cron(minutes hours day-of-month month day-of-week year)` and `at(…)`.
@Suite("Schedule expressions")
struct ScheduleExpressionTests {
  /// The runs of `expression`'s formula in a month of `hours` hours, or in calendar month `month`.
  static func runs(_ expression: String, hours: ExactDecimal = 730, month: String? = nil) throws -> ExactDecimal {
    guard case .success(.recurring(let formula, _)) = ScheduleExpression.parse(expression) else {
      throw CronSyntaxError("\(expression) is not recurring")
    }
    let day = month.flatMap { CalendarDate($0 + "-01") }
    let h = day.map { ExactDecimal(CalendarDate.daysIn(year: $0.year, month: $0.month) * 24) } ?? hours
    let value = try Formula.parse(formula).evaluate { Builtins.value($0, hours: h, month: day).map { Interval($0) } }
    return value.low
  }

  @Test(
    "Runs in a 28-, 29-, 30- and 31-day month, counted on the calendar",
    arguments: [
      // rate(5 minutes): 12 an hour × 24 × days = 8,064 / 8,352 / 8,640 / 8,928
      ("rate(5 minutes)", ["8064", "8352", "8640", "8928"]),
      // daily at 03:00: one a day
      ("cron(0 3 * * ? *)", ["28", "29", "30", "31"]),
      // every 15 minutes from 08:00 to 17:45 (4 × 10 = 40 a day)
      ("cron(0/15 8-17 * * ? *)", ["1120", "1160", "1200", "1240"]),
      // the 1st and the 15th: twice in every month
      ("cron(0 12 1,15 * ? *)", ["2", "2", "2", "2"]),
      // the 29th to the 31st: 0, 1, 2 and 3 of them
      ("cron(0 0 29-31 * ? *)", ["0", "1", "2", "3"]),
      // the last day of the month, and the weekday nearest the 31st: once; 31W not in shorter months
      ("cron(0 18 L * ? *)", ["1", "1", "1", "1"]),
      ("cron(0 18 31W * ? *)", ["0", "0", "0", "1"]),
      // the second Tuesday (3#2) and the last Friday (6L): once a month
      ("cron(0 9 ? * 3#2 *)", ["1", "1", "1", "1"]),
      ("cron(0 9 ? * 6L *)", ["1", "1", "1", "1"]),
      // every day of the week is every day
      ("cron(0 9 ? * SUN-SAT *)", ["28", "29", "30", "31"]),
      // weekdays: February 2027 (Monday 1st, 28 days) has 20; February 2028 (Tuesday 1st, 29
      // days) 21; June 2027 (Tuesday 1st, 30 days) 22; March 2027 (Monday 1st, 31 days) 23
      ("cron(0 9 ? * MON-FRI *)", ["20", "21", "22", "23"]),
      // a fifth Monday (2#5): none in February 2027 or June 2027, February 2028 has its 29th on a
      // Tuesday (none), March 2027 has Mondays 1, 8, 15, 22 and 29 (one)
      ("cron(0 9 ? * 2#5 *)", ["0", "0", "0", "1"]),
      // January and July only: none in February or March, none in June
      ("cron(0 0 1 JAN,JUL ? *)", ["0", "0", "0", "0"]),
    ])
  func calendarMonths(expression: String, expected: [String]) throws {
    for (month, want) in zip(["2027-02", "2028-02", "2027-06", "2027-03"], expected) {
      #expect(try Self.runs(expression, month: month) == ExactDecimal(want)!, "\(expression) in \(month)")
    }
  }

  @Test("Each calendar month's weekday and month-of-year counts agree with walking its days")
  func walkedCalendar() throws {
    // 2027-01-01 was a Friday (AWS's 6); walk 24 months day by day.
    var weekday = 6
    for index in 0..<24 {
      let year = 2027 + index / 12, month = index % 12 + 1
      let days = CalendarDate.daysIn(year: year, month: month)
      var weekdays = 0, tuesdaysAndThursdays = 0
      for _ in 1...days {
        if (2...6).contains(weekday) { weekdays += 1 }
        if weekday == 3 || weekday == 5 { tuesdaysAndThursdays += 1 }
        weekday = weekday % 7 + 1
      }
      let name = "\(year)-\(month < 10 ? "0" : "")\(month)"
      #expect(try Self.runs("cron(0 9 ? * MON-FRI *)", month: name) == ExactDecimal(weekdays), "\(name)")
      // twice a day on Tuesdays and Thursdays
      #expect(try Self.runs("cron(0 9,17 ? * TUE,THU *)", month: name) == ExactDecimal(2 * tuesdaysAndThursdays))
      // quarterly, on the first day of January, April, July and October
      #expect(try Self.runs("cron(0 0 1 1/3 ? *)", month: name) == (month % 3 == 1 ? 1 : 0), "\(name)")
    }
  }

  @Test("An average month of 730 hours has each day of the week 730/168 times and each month of the year a twelfth")
  func averageMonth() throws {
    // MON-FRI: 5 × 730 / 168 = 21.726190…
    #expect(try Self.runs("cron(0 9 ? * MON-FRI *)").rounded(toFractionDigits: 6) == ExactDecimal("21.726190")!)
    // January and July at midnight on the 1st: 2 runs a year, 2/12 of a run a month
    #expect(try Self.runs("cron(0 0 1 JAN,JUL ? *)").rounded(toFractionDigits: 6) == ExactDecimal("0.166667")!)
    guard case .success(.recurring(_, let caveats)) = ScheduleExpression.parse("cron(0 9 ? * MON-FRI 2027)") else {
      Issue.record("not recurring")
      return
    }
    #expect(caveats == ["its year field limits the years it runs in; billcast counts it in every year"])
  }

  @Test(
    "Expressions AWS refuses are errors that say why",
    arguments: [
      ("cron(0 9 * * *)", "expected 6 fields (minutes hours day-of-month month day-of-week year), found 5"),
      ("cron(0 9 * * MON *)", "one of day-of-month and day-of-week must be ?, and only one"),
      ("cron(0 9 ? * ? *)", "one of day-of-month and day-of-week must be ?, and only one"),
      ("cron(60 9 * * ? *)", "minutes '60' is not a value of 0 to 59"),
      ("cron(0 24 * * ? *)", "hours '24' is not a value of 0 to 23"),
      ("cron(0 9 32 * ? *)", "day-of-month '32' is not a value of 1 to 31"),
      ("cron(0 9 ? * 3#6 *)", "day-of-week '3#6' needs one day, then a week of 1 to 5 after #"),
      ("cron(0 9 ? * FRI-MON *)", "day-of-week range 'FRI-MON' runs backwards"),
      ("cron(0/0 9 * * ? *)", "minutes step '0' is not a whole number of 1 or more"),
      ("cron(0 9 * FOO ? *)", "month 'FOO' is not a value of 1 to 12"),
      ("rate(5 minute)", "a rate's UNIT is minute, hour or day (minutes, hours, days above 1), not 'minute'"),
      ("rate(0 hours)", "a rate needs a whole VALUE of 1 or more and a UNIT"),
      ("at(2027-02-30T10:00:00)", "at(…) needs a date and time, yyyy-mm-ddThh:mm:ss"),
      ("every day", "expected rate(VALUE UNIT), cron(…) or at(…)"),
    ])
  func refused(expression: String, reason: String) {
    #expect(ScheduleExpression.parse(expression) == .failure(CronSyntaxError(reason)))
  }

  @Test("Scheduler takes a rate's unit singular or plural; a rule needs singular for 1 and plural above")
  func schedulerUnits() throws {
    #expect(
      ScheduleExpression.parse("rate(5 minute)", scheduler: true)
        == .success(.recurring("month_hours * 60 / 5", caveats: [])))
    #expect(
      ScheduleExpression.parse("rate(1 hours)", scheduler: true) == .success(.recurring("month_hours / 1", caveats: []))
    )
    #expect(
      ScheduleExpression.parse("rate(2 weeks)", scheduler: true)
        == .failure(CronSyntaxError("a rate's UNIT is minute(s), hour(s) or day(s), not 'weeks'")))
    #expect(
      ScheduleExpression.parse("rate(1 hours)")
        == .failure(CronSyntaxError("a rate's UNIT is minute, hour or day (minutes, hours, days above 1), not 'hours'"))
    )
  }

  @Test("A one-time at(…) schedule runs in no steady month")
  func once() {
    #expect(ScheduleExpression.parse("at(2027-03-01T09:30:00)") == .success(.once("2027-03-01T09:30:00")))
  }
}
