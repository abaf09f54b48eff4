import BillcastCore
import BillcastEngine
import BillcastProfile
import BillcastTestSupport
import Testing

/// Every limit billcast puts on its input, tested at the limit (accepted) and one past it
/// (a clear error that names the limit).
@Suite("Limits")
struct LimitTests {
  func yamlProblem(_ text: String) -> String? {
    do {
      _ = try YAMLDocument.parse(text, path: "limit.yaml")
      return nil
    } catch {
      return error.diagnostics.map(\.description).joined(separator: "\n")
    }
  }

  @Test("input size: 1 MiB (1,048,576 bytes)")
  func inputSize() {
    // "a: " (3 bytes) + padding + "\n" (1 byte).
    let atLimit = "a: " + String(repeating: "x", count: 1_048_576 - 4) + "\n"
    #expect(atLimit.utf8.count == 1_048_576 && yamlProblem(atLimit) == nil)
    #expect(
      yamlProblem(atLimit + " ") == "limit.yaml:1:1: error: the text is 1048577 bytes; the limit is 1048576 bytes")
  }

  @Test("YAML nodes once aliases are expanded: 100,000")
  func yamlNodes() {
    // A root sequence (1 node) holding an anchored sequence of 9 scalars (10 nodes), 9,998
    // aliases to it (10 nodes each once expanded) and `extra` scalars: 1 + 10 × 9,999 + extra.
    func document(extra: Int) -> String {
      "- &a [1, 2, 3, 4, 5, 6, 7, 8, 9]\n" + String(repeating: "- *a\n", count: 9_998)
        + String(repeating: "- 0\n", count: extra)
    }
    #expect(yamlProblem(document(extra: 9)) == nil)  // 1 + 99,990 + 9 = 100,000
    // 100,001
    #expect(yamlProblem(document(extra: 10))?.contains("more than 100000 nodes once its aliases are expanded") == true)
  }

  @Test("YAML nesting: 64 levels below the root")
  func yamlDepth() {
    // n brackets put the innermost scalar n levels below the root.
    func nested(_ n: Int) -> String {
      "a: " + String(repeating: "[", count: n - 1) + "1" + String(repeating: "]", count: n - 1) + "\n"
    }
    #expect(yamlProblem(nested(64)) == nil)
    #expect(yamlProblem(nested(65))?.contains("nests deeper than 64 levels") == true)
  }

  @Test("formula length: 2,000 characters")
  func formulaLength() throws {
    let atLimit = "1" + String(repeating: " ", count: 1_999)
    #expect(try Formula.parse(atLimit) == .number(1))
    #expect(throws: FormulaSyntaxError.self) { try Formula.parse(atLimit + " ") }
    do {
      _ = try Formula.parse(atLimit + " ")
    } catch {
      #expect(error.message == "formula is 2001 characters long; the limit is 2000")
    }
  }

  @Test("formula nesting: 64 levels")
  func formulaDepth() throws {
    func nested(_ n: Int) -> String { String(repeating: "(", count: n) + "1" + String(repeating: ")", count: n) }
    let deepest = (0...80).last { n in (try? Formula.parse(nested(n))) != nil }
    #expect(deepest == 63)  // 63 parentheses and the number: 64 levels
    do {
      _ = try Formula.parse(nested(64))
      Issue.record("65 levels parsed")
    } catch {
      #expect(error.message.hasPrefix("formula nests deeper than 64 levels"))
    }
  }

  @Test("numbers: 18 decimal places, magnitude up to 10^15")
  func numbers() {
    func accepted(_ text: String) -> Bool { (try? ExactDecimal.parse(text).get()) != nil }
    #expect(accepted("1000000000000000") && accepted("-1000000000000000"))
    #expect(!accepted("1000000000000000.000000000000000001"))  // 10^15 + 10^-18
    #expect(accepted("0.000000000000000001") && !accepted("0.0000000000000000001"))  // 18 and 19 places
  }

  @Test("workload variables: a chain of 30,000 is ordered without recursion")
  func longChainOfVariables() throws {
    // v0 names v1, which names v2, … v29999 = 1: depth-first recursion over it overflowed the stack.
    let n = 30_000
    var text =
      "format: billcast.profile/1\nname: chain\nregion: us-east-1\nas_of: 2026-11-01\naccount: {free_tier: none}\nworkload:\n"
    for i in 0..<(n - 1) { text += "  v\(i): v\(i + 1)\n" }
    text += "  v\(n - 1): 1_000_000\n"
    text +=
      "architectures:\n  a:\n    components:\n      dns: {service: aws.route53, inputs: {hosted_zones: 1, standard_queries: v0}}\n"
    let estimate = try TestSupport.estimate(text, catalog: try TestSupport.testCatalog())
    // One hosted zone $0.50 + 1,000,000 standard queries × $0.40 per million = $0.90.
    #expect(estimate.results[0].total == Interval(TestSupport.d("0.9")))
    // The same chain closed into a cycle is reported once, as the path that closes it.
    let cyclic = text.replacingOccurrences(of: "  v\(n - 1): 1_000_000\n", with: "  v\(n - 1): v0\n")
    let problems = TestSupport.profileDiagnostics(cyclic).map(\.message)
    #expect(
      problems.count == 1 && problems[0].hasPrefix("workload variables refer to each other in a cycle: v0 → v1 → v2 →"))
  }

  @Test("components: 10,000 per architecture")
  func components() throws {
    func profile(_ n: Int) -> String {
      "format: billcast.profile/1\nname: many\nregion: us-east-1\narchitectures:\n  a:\n    components:\n"
        + (0..<n).map { "      c\($0): {service: aws.route53}\n" }.joined()
    }
    let atLimit = try TestSupport.profile(profile(10_000))
    #expect(atLimit.architectures[0].components.count == 10_000)
    let problems = TestSupport.profileDiagnostics(profile(10_001)).map(\.description)
    #expect(
      problems == [
        "profile.yaml:6:5: error: architectures.a.components: 10001 components; billcast's limit is 10000 per architecture"
      ])
  }

  @Test("forecast horizon: 120 months; samples: 1,000,000; sampled months: 12,000,000")
  func forecastSize() throws {
    #expect(ForecastOptions.sizeProblems(samples: 1000, months: 120, architectures: 1).isEmpty)
    #expect(
      ForecastOptions.sizeProblems(samples: 1000, months: 121, architectures: 1) == [
        "the horizon is 121 months; billcast forecasts 1 to 120"
      ])
    #expect(ForecastOptions.sizeProblems(samples: 1_000_000, months: 12, architectures: 1).isEmpty)
    #expect(
      ForecastOptions.sizeProblems(samples: 1_000_001, months: 1, architectures: 1) == [
        "--samples 1000001 is outside 0…1000000"
      ])
    #expect(ForecastOptions.sizeProblems(samples: 100_000, months: 120, architectures: 1).isEmpty)  // 12,000,000
    #expect(
      ForecastOptions.sizeProblems(samples: 100_001, months: 120, architectures: 1) == [
        "100001 samples × 120 months × 1 architecture is 12000120 sampled months; billcast's limit is 12000000 (lower --samples or --months, or pick --architecture)"
      ])
    // The profile's own horizon is read with the same limit.
    let base =
      "format: billcast.profile/1\nname: f\nregion: us-east-1\narchitectures:\n  a:\n    components:\n      dns: {service: aws.route53}\nforecast:\n  start: 2026-01\n"
    #expect(TestSupport.profileDiagnostics(base + "  months: 120\n").isEmpty)
    #expect(
      TestSupport.profileDiagnostics(base + "  months: 121\n").map(\.message) == [
        "expected a whole number from 1 to 120, found 121"
      ])
  }

  @Test("quantities: 10^14; cost per account meter: $10^12")
  func quantityAndCost() throws {
    func table(_ rate: String) -> String {
      TestSupport.pricingTableHeader + """
          test.svc:
            name: Test
            inputs:
              units: {unit: units, hard: {min: 0}}
            meters:
              use: {unit: units, quantity: units, price: {rate: \(rate), source: page}}

        """
    }
    func estimate(_ units: String, rate: String) throws -> String? {
      let profile =
        "format: billcast.profile/1\nname: q\nregion: r\nas_of: 2026-06-01\naccount: {free_tier: none}\n"
        + "architectures:\n  a:\n    components:\n      c: {service: test.svc, inputs: {units: \"\(units)\"}}\n"
      do {
        return try TestSupport.estimate(profile, catalog: try TestSupport.catalog(table(rate))).results[0].total.high
          .description
      } catch {
        return (error as? DiagnosticError)?.diagnostics.map(\.message).joined(separator: "\n") ?? "\(error)"
      }
    }
    // 10^14 units at $0.01 = $10^12 exactly: both at their limits.
    #expect(try estimate("100_000_000_000_000", rate: "0.01") == "1000000000000")
    // One unit more is past the quantity limit.
    #expect(
      try estimate("100_000_000_000_001", rate: "0.01") == "units = 100000000000001 exceeds billcast's limit of 10^14")
    // A rate a ten-billionth of a cent higher is past the cost limit: 10^14 × 0.010000000001 = $1,000,000,000,100.
    #expect(
      try estimate("100_000_000_000_000", rate: "0.010000000001")
        == "test.svc/use would cost up to $1000000000100 a month (100000000000000 units), above billcast's limit of $10^12 per account meter"
    )
    // A rate at the grammar's limit (10^15) cannot overflow on the way: the bound is checked with overflow reported.
    #expect(try estimate("100_000_000_000_000", rate: "1e15")?.contains("more than billcast can represent") == true)
  }
}
