import BillcastCore
import BillcastEngine
import BillcastProfile
import BillcastReport
import BillcastTestSupport
import Foundation
import Testing

@Suite("Renderers")
struct ReportTests {
  @Test func moneyRoundsHalfAwayFromZeroToCents() {
    #expect(Money.text(TestSupport.d("2.345")) == "$2.35")
    #expect(Money.text(TestSupport.d("-0.005")) == "-$0.01")
    #expect(Money.text(TestSupport.d("1234567.004")) == "$1,234,567.00")
    #expect(Money.text(TestSupport.d("0.001"), TestSupport.d("0.004")) == "$0.00")
    #expect(Money.text(TestSupport.d("2.1"), TestSupport.d("4.8")) == "$2.10–$4.80")
  }

  @Test func jsonEscapesAndKeepsKeyOrder() {
    let value = JSONValue.object([
      ("b", .string("quote \" backslash \\ newline \n tab \t bell \u{07}")), ("a", .array([.null, .bool(true)])),
    ])
    #expect(
      value.rendered() == """
        {
          "b": "quote \\" backslash \\\\ newline \\n tab \\t bell \\u0007",
          "a": [
            null,
            true
          ]
        }

        """)
  }

  @Test func priceText() {
    #expect(PriceText.perLabel(1_000_000) == "1M" && PriceText.perLabel(10_000) == "10K" && PriceText.perLabel(1) == "")
    #expect(PriceText.dollars(TestSupport.d("0.2")) == "$0.20")
    #expect(PriceText.dollars(TestSupport.d("0.0000166667")) == "$0.0000166667")
    #expect(PriceText.quantity(TestSupport.d("1234567.123456")) == "1,234,567.1235")
  }

  /// Every renderer shows the same figures, and the lines add up to the totals exactly.
  @Test func linesSumToTotalsInEveryRenderer() throws {
    let profile = try Profile.load(path: TestSupport.path("examples/job-posting-analyzer-today.yaml"))
    let resolved = try ResolvedProfile.resolve(profile, catalog: try TestSupport.testCatalog())
    let estimate = try Estimator.estimate(resolved, options: EstimateOptions(today: CalendarDate("2026-11-25")!))
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(EstimateJSON.render(estimate).utf8)) as? [String: Any])
    let markdown = EstimateMarkdown.render(estimate)
    let text = EstimateText.render(estimate)
    for (r, result) in (json["results"] as! [[String: Any]]).enumerated() {
      var low = ExactDecimal.zero, high = ExactDecimal.zero
      for service in result["services"] as! [[String: Any]] {
        for line in service["lines"] as! [[String: Any]] {
          let cost = line["cost"] as! [String: String]
          low += ExactDecimal(cost["low"]!)!
          high += ExactDecimal(cost["high"]!)!
        }
      }
      let total = result["total"] as! [String: String]
      #expect(low == ExactDecimal(total["low"]!)! && high == ExactDecimal(total["high"]!)!)
      let shown = Money.text(estimate.results[r].total)
      // Markdown escapes its dollar signs (GitHub would render $…$ as mathematics).
      #expect(markdown.contains("**\(MarkdownText.escapingDollars(shown))**") && text.contains(shown))
    }
  }
}
