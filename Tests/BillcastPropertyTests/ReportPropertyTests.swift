import BillcastCore
import BillcastEngine
import BillcastPricing
import BillcastProfile
import BillcastReport
import Foundation
import BillcastTestSupport
import Testing

/// Properties of the reports over generated tables and profiles: sums, round trips, determinism.
@Suite("Properties: reports")
struct ReportPropertyTests {
  static let cases = 500

  /// Lines add up exactly to their component, components and services to the total, in the model
  /// and in the JSON and CSV; the table, Markdown and HTML show each total and component figure.
  @Test func linesSumToTotalsInEveryRenderer() throws {
    for seed in GeneratedCase.seeds(6, count: Self.cases) {
      let c = try GeneratedCase(seed: seed)
      let estimate = try c.estimate()
      let comparison = try Comparer.compare(
        try c.resolved(), options: CompareOptions(estimate: EstimateOptions(today: CalendarDate("2026-11-25")!)))
      let text = EstimateText.render(estimate), markdown = EstimateMarkdown.render(estimate),
        html = EstimateHTML.render(estimate)
      let json = try #require(
        try JSONSerialization.jsonObject(with: Data(EstimateJSON.render(estimate).utf8)) as? [String: Any])
      let csv = CompareCSV.render(comparison).split(separator: "\n").dropFirst().map {
        $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      }
      for (i, r) in estimate.results.enumerated() {
        var components = Span.zero
        for component in r.components {
          let lines = component.lines.reduce(Span.zero) { $0 + $1.cost }
          #expect(lines == component.cost, "\(r.architecture)/\(component.component)\n\(c)")
          components += component.cost
          #expect(
            text.contains(Money.text(component.cost))
              && markdown.contains(MarkdownText.escapingDollars(Money.text(component.cost))),
            "\(component.component)\n\(c)")
        }
        #expect(
          components.low == r.total.low && components.high == r.total.high, "\(r.scenario)/\(r.architecture)\n\(c)")
        #expect(r.services.reduce(Span.zero) { $0 + $1.cost } == Span(r.total), "services\n\(c)")
        for shown in [text, html] { #expect(shown.contains(Money.text(r.total)), "\(Money.text(r.total))\n\(c)") }
        #expect(markdown.contains(MarkdownText.escapingDollars(Money.text(r.total))), "\(Money.text(r.total))\n\(c)")

        let result = (json["results"] as! [[String: Any]])[i]
        var low = ExactDecimal.zero, high = ExactDecimal.zero
        for service in result["services"] as! [[String: Any]] {
          var serviceLow = ExactDecimal.zero, serviceHigh = ExactDecimal.zero
          for line in service["lines"] as! [[String: Any]] {
            let cost = line["cost"] as! [String: String]
            serviceLow += ExactDecimal(cost["low"]!)!
            serviceHigh += ExactDecimal(cost["high"]!)!
          }
          let cost = service["cost"] as! [String: String]
          #expect(
            serviceLow == ExactDecimal(cost["low"]!)! && serviceHigh == ExactDecimal(cost["high"]!)!,
            "JSON service\n\(c)")
          low += serviceLow
          high += serviceHigh
        }
        let total = result["total"] as! [String: String]
        #expect(low == ExactDecimal(total["low"]!)! && high == ExactDecimal(total["high"]!)!, "JSON total\n\(c)")

        let rows = csv.filter { $0[0] == r.scenario && $0[1] == r.architecture }
        #expect(rows.count == r.components.count, "CSV rows\n\(c)")
        let csvLow = rows.reduce(ExactDecimal.zero) { $0 + ExactDecimal($1[4])! },
          csvHigh = rows.reduce(ExactDecimal.zero) { $0 + ExactDecimal($1[5])! }
        #expect(
          rows.allSatisfy { ExactDecimal($0[6]) == csvLow && ExactDecimal($0[7]) == csvHigh } && csvLow == r.total.low,
          "CSV total\n\(c)")
      }
    }
  }

  /// A saved JSON report read back gives the snapshot the estimate gives: a diff against any
  /// other snapshot renders to the same bytes, and a diff with itself shows no change.
  @Test func savedJSONReadsBackToTheSameFigures() throws {
    for seed in GeneratedCase.seeds(7, count: Self.cases) {
      let c = try GeneratedCase(seed: seed)
      var random = PropertyRandom(seed: seed)
      let estimate = try c.estimate()
      let other = CostSnapshot(try c.estimate(.points(c.profile.points(&random))), label: "other")
      let direct = CostSnapshot(estimate, label: "report.json")
      let read = try EstimateJSONReader.read(Data(EstimateJSON.render(estimate).utf8), path: "report.json")
      #expect(read.order == direct.order, "\(c)")
      let viaJSON = DiffReport.json(CostDiff(before: other, after: read), crossed: [], threshold: nil)
      let viaModel = DiffReport.json(CostDiff(before: other, after: direct), crossed: [], threshold: nil)
      #expect(viaJSON == viaModel, "\(c)")
      #expect(CostDiff(before: direct, after: read).lines.isEmpty, "\(c)")
    }
  }

  /// Pricing the same texts twice, each parsed afresh, gives the same bytes in every format;
  /// a forecast with the same seed does too.
  @Test func outputIsDeterministic() throws {
    for seed in GeneratedCase.seeds(8, count: 60) {
      let a = try GeneratedCase(seed: seed), b = try GeneratedCase(seed: seed)
      let ea = try a.estimate(), eb = try b.estimate()
      #expect(EstimateJSON.render(ea) == EstimateJSON.render(eb), "\(a)")
      #expect(EstimateText.render(ea, explain: true) == EstimateText.render(eb, explain: true), "\(a)")
      #expect(EstimateMarkdown.render(ea, explain: true) == EstimateMarkdown.render(eb, explain: true), "\(a)")
      #expect(EstimateHTML.render(ea) == EstimateHTML.render(eb), "\(a)")
      let options = ForecastOptions(
        today: CalendarDate("2026-11-25")!, start: CalendarMonth("2026-01"), months: 6, samples: 200, seed: seed)
      let fa = try Forecaster.forecast(try a.resolved(), options: options),
        fb = try Forecaster.forecast(try b.resolved(), options: options)
      #expect(ForecastJSON.render(fa) == ForecastJSON.render(fb), "\(a)")
      #expect(ForecastJSON.csv(fa) == ForecastJSON.csv(fb), "\(a)")
    }
  }
}
