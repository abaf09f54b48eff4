import BillcastTestSupport
import Foundation
import Testing

/// The HTML pages people share: what each must show (the screenshots in the note were taken of these).
@Suite struct HTMLReportTests {
  static let today = "examples/job-posting-analyzer-today.yaml"

  @Test func aForecastWithoutSamplesHasNoPercentileBand() throws {
    let html = try CLI.run(["forecast", Self.today, "--samples", "0", "--months", "6", "--format", "html"]).stdout
    #expect(!html.contains("shaded: p10–p90") && !html.contains("fill-opacity=\"0.15\""))
    #expect(html.contains("<h2>Monthly bill: range (low–high)</h2>"))
    let sampled = try CLI.run(["forecast", Self.today, "--samples", "50", "--months", "6", "--format", "html"]).stdout
    #expect(sampled.contains("shaded: p10–p90") && sampled.contains("<h2>Monthly bill: median (p10–p90)</h2>"))
  }

  @Test func identicalLinesStayVisibleAndTheMonthlyTableScrollsInItsBox() throws {
    // lambda-cloudfront and lambda-cloudfront-flat cost the same: the third series is dotted ("2 3").
    let html = try CLI.run(["forecast", Self.today, "--samples", "0", "--months", "6", "--format", "html"]).stdout
    #expect(html.contains("stroke-width=\"2.2\" stroke-dasharray=\"2 3\""))
    #expect(html.contains("<div class=\"scroll\"><div class=\"wide\"><table><thead><tr><th>Month</th>"))
  }

  @Test func comparePagesShowWarningsBreakEvenAndUnavailableArchitecturesAsGaps() throws {
    // On 2025-06-01 CloudFront's flat-rate plans (2025-11-18) did not exist yet.
    let html = try CLI.run([
      "compare", Self.today, "--as-of", "2025-06-01", "--vary", "page_views", "--to", "10000000", "--format", "html",
    ]).stdout
    #expect(html.contains("<h2>Warnings</h2>"))
    #expect(html.contains("<figcaption>Cheapest architecture as page_views grows (minimum)</figcaption>"))
    #expect(html.contains("lambda-cloudfront-flat: unavailable</text>"))
    #expect(!html.contains("lambda-cloudfront-flat: $0"))
  }
}

/// A report's `free_tier` is the same object in the estimate, the comparison and the forecast.
@Suite struct FreeTierShapeTests {
  @Test func everyReportHasTheSameFreeTierObject() throws {
    let example = "examples/job-posting-analyzer.yaml"
    var shapes: [SchemaValue] = []
    for arguments in [
      ["estimate", example], ["compare", example], ["forecast", example, "--samples", "0", "--months", "2"],
    ] {
      let report = try SchemaValue.parse(try CLI.run(arguments + ["--format", "json"]).stdout)
      shapes.append(try #require(report["free_tier"]))
    }
    // The example's legacy account, opened 2024-06-01 and priced 2024-10-01: in its first year.
    let expected = try SchemaValue.parse(
      """
      {"account": "legacy", "kinds": ["always-free", "legacy-12-month"], "credits": null,
       "summary": "legacy account opened 2024-06-01: always-free and 12-month offers (until 2025-06-01)"}
      """)
    #expect(shapes.allSatisfy { $0 == expected }, "\(shapes)")
  }
}
