import BillcastTestSupport
import Foundation
import Testing

/// Schedules counted on each forecast month's calendar (`month_hours: calendar`), end to end.
@Suite("Schedules in a forecast")
struct ScheduleForecastTests {
  @Test("A weekday schedule runs 20 times in February 2027 and 23 in March; its function's requests follow")
  func weekdaysOnTheCalendar() throws {
    let template = """
      Resources:
        Report:
          Type: AWS::Lambda::Function
          Properties: {Runtime: nodejs20.x, Handler: x, Code: {ZipFile: x}, Role: r, MemorySize: 1024}
        Weekdays:
          Type: AWS::Scheduler::Schedule
          Properties:
            ScheduleExpression: cron(0 9 ? * MON-FRI *)
            FlexibleTimeWindow: {Mode: 'OFF'}
            Target: {Arn: !GetAtt Report.Arn, RoleArn: role}
      """
    let dir = try HostileTemplateTests.workspace(
      templates: ["t.yml": template], usage: "Report: {duration_ms: 60000}",
      options: "account: {free_tier: none}\nforecast: {start: 2027-02, months: 2, month_hours: calendar}")
    let run = try CLI.run(["forecast", "profile.yaml", "--format", "csv"], in: dir)
    #expect(run.status == 0, "\(run.stderr)")
    let rows = run.stdout.split(separator: "\n").dropFirst().map {
      $0.split(separator: ",", omittingEmptySubsequences: false)
    }
    // February 2027 has 20 weekdays (Monday the 1st, 28 days), March 2027 has 23 (Monday the 1st, 31 days).
    // Each run: one Scheduler invocation ($1.00 per million), one request ($0.20 per million) and
    // 60 s × 1 GB = 60 GB-s ($0.0000166667 each): 0.000001 + 0.0000002 + 0.001000002 = 0.001001202.
    // February: 20 × 0.001001202 = $0.02002404; March: 23 × 0.001001202 = $0.023027646
    #expect(rows.map { "\($0[2]) \($0[4])" } == ["2027-02 0.02002404", "2027-03 0.023027646"], "\(run.stdout)")
  }
}
