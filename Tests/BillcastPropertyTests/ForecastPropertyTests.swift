import BillcastCore
@testable import BillcastEngine
import BillcastProfile
import BillcastReport
import BillcastTestSupport
import Testing

/// The forecast's Monte Carlo over generated profiles with growth, accumulation, a scenario
/// calendar and calendar month hours.
@Suite("Properties: forecast")
struct ForecastPropertyTests {
  /// Reusing a path's unchanged values from one month to the next gives the same bytes as
  /// pricing every month afresh.
  @Test func reusingUnchangedValuesChangesNothing() throws {
    var forecasts = 0
    for seed in GeneratedCase.seeds(11, count: 150) {
      let c = try GeneratedCase(seed: seed)
      let resolved = try c.resolved()
      var options = ForecastOptions(today: CalendarDate("2026-11-25")!, samples: 40, seed: seed)
      let reused = Result { try ForecastJSON.render(Forecaster.forecast(resolved, options: options)) }
      options.reusesUnchangedValues = false
      let afresh = Result { try ForecastJSON.render(Forecaster.forecast(resolved, options: options)) }
      switch (reused, afresh) {
      case (.success(let a), .success(let b)):
        #expect(a == b, "\(c)")
        forecasts += 1
      case (.failure(let a), .failure(let b)):
        #expect("\(a)" == "\(b)", "\(c)")
      default:
        Issue.record("one way failed and the other did not: \(reused) / \(afresh)\n\(c)")
      }
    }
    #expect(forecasts >= 120)  // most generated profiles forecast without error
  }
}
