import BillcastTestSupport
import Foundation
import Testing

/// Dates outside what the tables cover, and architectures that leave a forecast.
@Suite("Dates and availability")
struct DatesAndAvailabilityTests {
  static let today = "examples/job-posting-analyzer-today.yaml"

  @Test func pricingLongAfterTheTablesWereConfirmedWarnsInEveryFormat() throws {
    // The tables were confirmed on 2026-11-25; 2027-06-01 is 188 days later (5 + 31 + 31 + 28 + 31
    // + 30 + 31 + 1), past the 120 days a table is taken as current.
    let warning = "aws/us-east-1 was last confirmed on 2026-11-25, 188 days before 2027-06-01; prices may have changed since"
    let table = try CLI.run(["estimate", Self.today, "--as-of", "2027-06-01"])
    #expect(table.status == 0)
    #expect(table.stdout.contains("Warning: " + warning))
    let markdown = try CLI.run(["estimate", Self.today, "--as-of", "2027-06-01", "--format", "markdown"])
    #expect(markdown.stdout.contains("- **Warning:** " + warning))
    let json = try CLI.run(["estimate", Self.today, "--as-of", "2027-06-01", "--format", "json"])
    #expect(json.stdout.contains("\"warning\": \"" + warning))
    let html = try CLI.run(["estimate", Self.today, "--as-of", "2027-06-01", "--format", "html"])
    #expect(html.stdout.contains("Warning: " + warning))
    let compare = try CLI.run(["compare", Self.today, "--as-of", "2027-06-01"])
    #expect(compare.stdout.contains("Warning: " + warning))
    // 120 days after confirmation is still current: 2027-03-25.
    let fresh = try CLI.run(["estimate", Self.today, "--as-of", "2027-03-25"])
    #expect(!fresh.stdout.contains("Warning: aws/us-east-1 was last confirmed"))
    // A forecast that starts 2027-06 warns too.
    let forecast = try CLI.run(["forecast", Self.today, "--start", "2027-06", "--months", "2", "--samples", "0"])
    #expect(forecast.stdout.contains("Warning: " + warning))
  }

  @Test func anArchitectureThatBecomesUnavailableLeavesTheCrossovers() throws {
    // In the reference example, Aurora Serverless v1 retires on 2025-03-31: lambda-cloudfront,
    // app-runner and ecs-fargate are unavailable from month 7 (2025-04). Only ec2 is left, which
    // is no crossover.
    let run = try CLI.run(["forecast", "examples/job-posting-analyzer.yaml", "--samples", "0"])
    #expect(run.status == 0)
    #expect(run.stdout.contains("- month 6 (2025-03): lambda-cloudfront's cumulative cost falls below ec2's"))
    #expect(!run.stdout.contains("month 7 (2025-04): ec2's cumulative cost falls below lambda-cloudfront's"), "\(run.stdout)")
    #expect(!run.stdout.contains("month 7 (2025-04): ec2 becomes cheaper than lambda-cloudfront each month"))
    #expect(run.stdout.contains("- month 7 (2025-04), lambda-cloudfront, app-runner, ecs-fargate: Aurora Serverless v1 was retired on 2025-03-31"))
  }

  @Test func theHTMLShowsAnUnavailableArchitectureAsAGapNotZero() throws {
    let run = try CLI.run(["forecast", "examples/job-posting-analyzer.yaml", "--samples", "0", "--format", "html"])
    #expect(run.status == 0)
    // The breakdown chart (month 24): three architectures are unavailable, ec2 has a bar.
    let chart = try #require(run.stdout.range(of: "Cost per service in month 24").map { String(run.stdout[$0.lowerBound...].prefix(20_000)) })
    #expect(chart.components(separatedBy: ">unavailable</text>").count - 1 == 3)
    #expect(!chart.contains("<title>lambda-cloudfront —"))  // no bar (not even a $0 one) for an unavailable architecture
  }
}
