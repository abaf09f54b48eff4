/// Why a schedule expression (`rate(…)`, `cron(…)`, `at(…)`) is not one AWS accepts.
struct CronSyntaxError: Error, Equatable {
  var reason: String
  init(_ reason: String) { self.reason = reason }
}
