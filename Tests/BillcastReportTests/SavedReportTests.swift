import BillcastCore
import BillcastEngine
import BillcastReport
import BillcastTestSupport
import Foundation
import Testing

/// `billcast diff` reads saved reports as strictly as profiles: each problem at its line and column.
@Suite("Saved reports")
struct SavedReportTests {
  /// A real saved report: the example's estimate (`billcast estimate … --format json`).
  static let report: String = try! GoldenSlices.joined(
    directory: TestSupport.path("Tests/BillcastCLITests/Golden/examples/job-posting-analyzer.estimate.json.parts"))

  func problems(_ text: String) -> [String] {
    do {
      _ = try EstimateJSONReader.read(Data(text.utf8), path: "r.json")
      return []
    } catch {
      return error.diagnostics.map(\.description)
    }
  }

  /// Replaces the first occurrence of `old` at or after line `line` (1-based).
  func replacing(_ old: String, with new: String, fromLine line: Int = 1) -> String {
    var lines = Self.report.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let i = lines.indices.first { $0 >= line - 1 && lines[$0].contains(old) }!
    lines[i] = lines[i].replacingOccurrences(of: old, with: new)
    return lines.joined(separator: "\n")
  }

  @Test func theRealReportReads() throws {
    let snapshot = try EstimateJSONReader.read(Data(Self.report.utf8), path: "r.json")
    #expect(snapshot.order.count == 12)  // 3 scenarios × 4 architectures
    // minimum · lambda-cloudfront totals $2.5202–$4.615 (the README's first table).
    #expect(
      snapshot.results[.init(scenario: "minimum", architecture: "lambda-cloudfront")]?.total
        == Span(TestSupport.d("2.5202"), TestSupport.d("4.615")))
  }

  @Test func aDuplicateKeyIsAnError() {
    let text = Self.report.replacingOccurrences(
      of: "\"currency\": \"USD\",", with: "\"currency\": \"USD\",\n  \"currency\": \"USD\",")
    #expect(
      problems(text) == [
        "r.json:4:3: error: invalid JSON: duplicate key 'currency' (first at line 3, column 3); each key may appear once"
      ])
  }

  @Test func aTotalWhoseLowIsAboveItsHighIsAnError() {
    // Line 43 is results[0].total.low, "2.5202": make it 5, above the high end 4.615.
    let text = replacing("\"low\": \"2.5202\"", with: "\"low\": \"5\"", fromLine: 42)
    #expect(
      problems(text).contains("r.json:42:16: error: results[0].total: the low end 5 is above the high end 4.615"),
      "\(problems(text))")
  }

  @Test func aTotalThatIsNotTheSumOfItsServicesIsAnError() {
    let text = replacing("\"high\": \"4.615\"", with: "\"high\": \"4.616\"", fromLine: 42)
    #expect(
      problems(text).contains(
        "r.json:42:16: error: results[0].total: the total 2.5202..4.616 is not the sum of its services, 2.5202..4.615"),
      "\(problems(text))")
  }

  @Test func aServiceThatIsNotTheSumOfItsLinesIsAnError() throws {
    // The first service's cost: change its low end by a cent; its lines still add to the old figure.
    let lines = Self.report.split(separator: "\n", omittingEmptySubsequences: false)
    let serviceLine = try #require(lines.indices.first { $0 > 44 && lines[$0].contains("\"cost\": {") })
    let lowLine = serviceLine + 1
    let low = String(lines[lowLine]).split(separator: "\"")[3]
    let text = replacing(
      "\"low\": \"\(low)\"", with: "\"low\": \"\(TestSupport.d(String(low)) + ExactDecimal.cent)\"",
      fromLine: lowLine + 1)
    let found = problems(text)
    #expect(
      found.contains {
        $0.contains("results[0].services[0].cost: the service's cost") && $0.contains("is not the sum of its lines")
      }, "\(found)")
    #expect(found.contains { $0.contains("results[0].total: the total") })  // and the total no longer adds up
  }

  @Test func theSameResultTwiceIsAnError() {
    let text = replacing("\"architecture\": \"app-runner\"", with: "\"architecture\": \"lambda-cloudfront\"")
    #expect(
      problems(text).contains {
        $0.contains("error: results[1]: minimum · lambda-cloudfront appears twice (first at line ")
      }, "\(problems(text))")
  }

  @Test func anotherCurrencyIsAnError() {
    let text = Self.report.replacingOccurrences(of: "\"currency\": \"USD\"", with: "\"currency\": \"EUR\"")
    #expect(
      problems(text) == ["r.json:3:15: error: currency: expected \"USD\", found 'EUR': billcast's reports are in USD"])
  }

  @Test func brokenJSONIsLocated() {
    #expect(
      problems("{\n  \"schema\": \"billcast.estimate/1\",\n  \"results\": [1,]\n}") == [
        "r.json:3:17: error: invalid JSON: unexpected character"
      ])
    #expect(
      problems("{\"a\": \"\u{1}\"}") == [
        "r.json:1:8: error: invalid JSON: a control character in a string must be escaped"
      ])
    #expect(
      problems(String(repeating: "[", count: 200)) == [
        "r.json:1:129: error: invalid JSON: nesting deeper than 128 levels"
      ])
  }
}
