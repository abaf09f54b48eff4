import BillcastCore

extension CronExpression {
  /// Its runs in the month priced, as a formula over what ``Builtins`` says the month is, and
  /// what in it billcast does not apply.
  ///
  /// The day-of-month field is counted over `month_hours`: a day of 28 or less runs every month,
  /// days 29 to 31 only in months that have them (`floor(month_hours / (24 × day))` is 1 exactly
  /// then), `L`, `LW` and `nW` once. Days of the week are counted with `month_mondays` and the
  /// like, months of the year with `month_is_jan` and the like: on a calendar month (a forecast
  /// with `month_hours: calendar`) each is that month's own, in an average month its share.
  var monthlyRuns: (formula: String, caveats: [String]) {
    let days: String
    switch (self.days, weekdays) {
    case (.dates(let dates, let lastDays), _):
      let always = dates.filter { $0 <= 28 }.count + lastDays
      let later = dates.filter { $0 > 28 }.sorted().map { "floor(month_hours / \($0 * 24))" }
      days = ((always > 0 ? [String(always)] : []) + later).joined(separator: " + ")
    case (.every, .every):
      days = "month_hours / 24"
    case (.every, .set(let set)):
      days = set.sorted().map { Builtins.weekdays[$0 - 1] }.joined(separator: " + ")
    case (.every, .oncePerMonth):
      days = "1"
    case (.every, .fifth(let day)):
      days = "\(Builtins.weekdays[day - 1]) - 4"
    }
    var formula = minutes * hours == 1 ? "(\(days))" : "\(minutes * hours) * (\(days))"
    if months.count < 12 {
      formula += " * (" + months.sorted().map { Builtins.monthsOfYear[$0 - 1] }.joined(separator: " + ") + ")"
    }
    let caveats = limitsYears ? ["its year field limits the years it runs in; billcast counts it in every year"] : []
    return (formula, caveats)
  }
}
