import BillcastCore
import BillcastProfile
import BillcastTestSupport
import Testing

/// Every error the `forecast` section can have, each at its line and column with its message.
@Suite("Forecast settings")
struct ForecastReaderTests {
  /// A profile whose `forecast` section (line 12 on) is `section`.
  static func profile(_ section: String) -> String {
    """
    format: billcast.profile/1
    name: f
    region: us-east-1
    workload:
      page_views: 1000
      storage_gb: 1
    scenarios:
      busy: {workload: {page_views: 2000}}
      quiet: {workload: {page_views: 10}}
    architectures:
      web: {components: {dns: {service: aws.route53, inputs: {hosted_zones: 1}}}}
    forecast:
    \(section)
    """
  }

  static let cases: [(name: String, section: String, expected: String)] = [
    (
      "start not a month", "  start: 2024-13\n  months: 12",
      "profile.yaml:13:10: error: forecast.start: '2024-13' is not a month; expected YYYY-MM, like 2024-10"
    ),
    (
      "start past the calendar", "  start: 9999-12\n  months: 12",
      "profile.yaml:13:10: error: forecast.start: 9999-12 is outside the calendar billcast prices: dates from 1900-01-01 to 9899-12-31 are supported"
    ),
    ("no start", "  months: 12", "profile.yaml:13:3: error: forecast: missing required key 'start'"),
    (
      "months out of range", "  start: 2024-10\n  months: 121",
      "profile.yaml:14:11: error: forecast.months: expected a whole number from 1 to 120, found 121"
    ),
    (
      "month hours", "  start: 2024-10\n  months: 12\n  month_hours: 800",
      "profile.yaml:15:16: error: forecast.month_hours: month_hours must be above 0 and at most 744, or 'calendar'"
    ),
    (
      "unknown scenario", "  start: 2024-10\n  months: 12\n  scenario: bussy",
      "profile.yaml:15:13: error: forecast.scenario: 'bussy' is not a scenario of this profile (did you mean 'busy'?); its scenarios are: busy, quiet"
    ),
    (
      "calendar stretch", "  start: 2024-10\n  months: 12\n  calendar:\n    - {months: 3..1, scenario: busy}",
      "profile.yaml:16:16: error: forecast.calendar[0].months: '3..1' is not a stretch of months; expected like 1..3 within 1..12"
    ),
    (
      "calendar past the horizon",
      "  start: 2024-10\n  months: 12\n  calendar:\n    - {months: 10..13, scenario: busy}",
      "profile.yaml:16:16: error: forecast.calendar[0].months: '10..13' is not a stretch of months; expected like 1..3 within 1..12"
    ),
    (
      "calendar overlap",
      "  start: 2024-10\n  months: 12\n  calendar:\n    - {months: 1..3, scenario: busy}\n    - {months: 3..4, scenario: quiet}",
      "profile.yaml:17:16: error: forecast.calendar[1].months: months 3..4 overlap months 1..3 of an earlier entry"
    ),
    (
      "growth of an unknown variable", "  start: 2024-10\n  months: 12\n  growth:\n    page_veiws: 15%",
      "profile.yaml:16:5: error: forecast.growth.page_veiws: 'page_veiws' is not a workload variable (did you mean 'page_views'?)"
    ),
    (
      "growth not a percentage", "  start: 2024-10\n  months: 12\n  growth:\n    page_views: fast",
      "profile.yaml:16:17: error: forecast.growth.page_views: 'fast' is not a growth; write 15% (compound per month), {compound: 0.10..0.20}, {linear: 100} or {values: […]}"
    ),
    (
      "growth with no kind", "  start: 2024-10\n  months: 12\n  growth:\n    page_views: {}",
      "profile.yaml:16:17: error: forecast.growth.page_views: growth needs compound, linear or values"
    ),
    (
      "growth with no values", "  start: 2024-10\n  months: 12\n  growth:\n    page_views: {values: []}",
      "profile.yaml:16:26: error: forecast.growth.page_views.values: give at least one value"
    ),
    (
      "growth naming an unknown variable",
      "  start: 2024-10\n  months: 12\n  growth:\n    page_views: {linear: visits * 2}",
      "profile.yaml:16:26: error: forecast.growth.page_views.linear: the formula names 'visits', which is not a workload variable"
    ),
    (
      "accumulate an unknown variable", "  start: 2024-10\n  months: 12\n  accumulate:\n    storage: 5",
      "profile.yaml:16:5: error: forecast.accumulate.storage: 'storage' is not a workload variable"
    ),
    (
      "unknown distribution", "  start: 2024-10\n  months: 12\n  distributions:\n    page_views: normal",
      "profile.yaml:16:17: error: forecast.distributions.page_views: 'normal' is not one of uniform, triangular, log-normal"
    ),
    (
      "unknown key", "  start: 2024-10\n  months: 12\n  grwoth: {}",
      "profile.yaml:15:3: error: forecast.grwoth: unknown key 'grwoth' (did you mean 'growth'?)"
    ),
  ]

  @Test("each bad forecast section", arguments: Self.cases.indices)
  func badForecast(index: Int) {
    let c = Self.cases[index]
    let messages = TestSupport.profileDiagnostics(Self.profile(c.section)).map(\.description)
    #expect(
      messages.contains { $0.hasPrefix(c.expected) },
      "\(c.name)\nexpected: \(c.expected)\nfound:\n\(messages.joined(separator: "\n"))")
  }

  @Test func aGoodSectionReads() throws {
    let profile = try TestSupport.profile(
      Self.profile("  start: 2024-10\n  months: 12\n  growth:\n    page_views: 15%\n  accumulate:\n    storage_gb: 0.5")
    )
    let settings = try #require(profile.forecast)
    #expect(settings.start.description == "2024-10" && settings.months == 12)
    // 15% is compound growth of 15 / 100 = 0.15 a month.
    #expect(settings.growth["page_views"] == .compound(.number(ExactDecimal("0.15")!)))
    #expect(settings.adjustmentLocations["page_views"]?.line == 16)
    #expect(settings.adjustmentLocations["storage_gb"]?.line == 18)
  }
}
