import BillcastTestSupport
import Foundation
import Testing

/// Hostile profiles and pricing directories: each problem at its real line and column, in a
/// bounded message, with exit status 2 and nothing on standard output.
@Suite("Hostile files")
struct HostileFileTests {
  static let header = "format: billcast.profile/1\nname: hostile\nregion: us-east-1\nas_of: 2024-10-01\n"

  func scratch() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("billcast-hostile-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
  }

  /// Writes `text` as `name` in a new folder and runs `billcast ARGS name` there.
  func run(
    _ text: String, named name: String = "p.yaml", _ arguments: [String] = ["estimate"],
    pricing: String? = TestSupport.testPricingPath
  ) throws -> CLIRun {
    let dir = try scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    try Data(text.utf8).write(to: dir.appendingPathComponent(name))
    return try CLI.run(arguments + [name] + (pricing.map { ["--pricing", $0] } ?? []), in: dir)
  }

  func expectRejected(_ run: CLIRun, _ lines: [String], sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(run.status == 2, "\(run.stderr)", sourceLocation: sourceLocation)
    #expect(run.stdout == "", sourceLocation: sourceLocation)
    for line in lines {
      #expect(run.stderr.contains(line), "expected: \(line)\nstderr:\n\(run.stderr)", sourceLocation: sourceLocation)
    }
  }

  @Test func aNULByteIsReportedAtItsLineAndColumn() throws {
    // Line 6 is "  b: 2\0": the NUL is its 7th character, byte 76 of the file (4 header lines of 70 bytes, "workload:\n", "  a: 1\n" … ).
    let text = "format: billcast.profile/1\nname: x\nregion: us-east-1\nworkload:\n  a: 1\n  b: 2\u{0}\n"
    expectRejected(
      try run(text), ["p.yaml:6:7: error: cannot read YAML: control characters are not allowed: a NUL byte (byte 76)"])
  }

  @Test func nestingPastTheLimitIsReportedWhereItHappens() throws {
    let deep = "x: " + String(repeating: "[", count: 70) + String(repeating: "]", count: 70) + "\n"
    // Line 5 (after the header), column 4 + 65: the 65th bracket is the first node past 64 levels.
    expectRejected(try run(Self.header + deep), ["p.yaml:5:68: error: the document nests deeper than 64 levels"])
    let deeper = "x: " + String(repeating: "[", count: 1100) + String(repeating: "]", count: 1100) + "\n"
    let r = try run(Self.header + deeper)
    expectRejected(r, ["error: the document nests deeper than 64 levels"])
    #expect(!r.stderr.contains("yaml_set_max_nest_level"))
  }

  @Test func aTinyNumberIsTooPreciseNotTooLarge() throws {
    let r = try run(Self.header + "workload:\n  a: 1e-99999999999999999999\narchitectures: {}\n")
    expectRejected(r, ["'1e-99999999999999999999' has more than 18 decimal places"])
    #expect(!r.stderr.contains("too large"))
  }

  @Test func anEmptyRegionIsNotARegion() throws {
    let text = "format: billcast.profile/1\nname: x\nregion: \"\"\nworkload: {a: 1}\narchitectures: {}\n"
    expectRejected(
      try run(text),
      ["p.yaml:3:9: error: region: '' is not a region; expected lower-case letters, digits and hyphens, like us-east-1"]
    )
  }

  @Test func aMissingOrFilePricingDirectoryIsNamed() throws {
    let example = try String(contentsOfFile: TestSupport.path("examples/job-posting-analyzer.yaml"), encoding: .utf8)
    expectRejected(
      try run(example, pricing: "/nonexistent-pricing"),
      [
        "/nonexistent-pricing: error: cannot read the pricing directory '/nonexistent-pricing' (No such file or directory)"
      ])
    let readme = TestSupport.path("README.md")
    expectRejected(try run(example, pricing: readme), ["error: the pricing directory '\(readme)' is not a directory"])
  }

  @Test func validateWithAMissingOrEmptyExamplesDirectoryFails() throws {
    let missing = try CLI.run(["pricing", "validate", "pricing", "--examples", "/nonexistent-examples"])
    #expect(missing.status == 2 && missing.stdout == "")
    #expect(
      missing.stderr == "/nonexistent-examples: error: cannot read the examples directory: No such file or directory\n")
    let dir = try scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let empty = try CLI.run(["pricing", "validate", "pricing", "--examples", dir.path])
    #expect(empty.status == 2 && empty.stdout == "")
    #expect(empty.stderr.contains("the examples directory has no profiles (*.yaml) to check"))
  }

  @Test func anAliasedBadFormulaIsReportedOnceAndBriefly() throws {
    // One 50,000-character bad formula, anchored once and aliased 400 times.
    var text = Self.header + "workload:\n  bad: &f " + String(repeating: "a+", count: 25_000) + "\n"
    for i in 0..<400 { text += "  v\(i): *f\n" }
    text += "architectures: {}\n"
    let r = try run(text)
    expectRejected(
      r,
      [
        "p.yaml:6:8: error: workload.bad: invalid formula 'a+a+a+a+a+a+a+a+a+a+a+a+a+a+a+a+a+a+a+a+a+a+a+a+a+a+a+a+a+a+… (50000 characters)'"
      ])
    let formulaErrors = r.stderr.split(separator: "\n").filter { $0.contains("invalid formula") }
    #expect(formulaErrors.count == 1)  // once, at the anchor, not 401 times
    #expect(r.stderr.split(separator: "\n").allSatisfy { $0.count < 1_200 })
  }

  @Test func errorsStopAtAHundredWithACount() throws {
    var text = Self.header + "workload:\n"
    for i in 0..<150 { text += "  v\(i): 12abc\n" }
    text += "architectures: {}\n"
    let r = try run(text)
    let lines = r.stderr.split(separator: "\n")
    #expect(r.status == 2)
    #expect(lines.count == 101)
    // 150 bad numbers plus "architectures" being empty is at least 151 errors; 100 are shown.
    #expect(lines.last.map(String.init)?.hasPrefix("… and 5") == true, "\(lines.last ?? "")")
    #expect(lines.last.map(String.init)?.hasSuffix(" more errors") == true)
  }

  @Test func aLongUnknownServiceNameGetsNoSuggestionAndNoQuadraticWork() throws {
    let name = "aws." + String(repeating: "x", count: 200_000)
    var text =
      Self.header + "workload: {a: 1}\narchitectures:\n  web:\n    components:\n      c0: {service: &s \(name)}\n"
    for i in 1..<50 { text += "      c\(i): {service: *s}\n" }
    let r = try run(text)
    #expect(r.status == 2 && r.stdout == "")
    #expect(
      r.stderr.contains(
        "unknown service 'aws.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx… (200004 characters)'"))
    #expect(!r.stderr.contains("did you mean"))
  }

  @Test func controlCharactersInAPathCannotForgeADiagnostic() throws {
    let r = try run(Self.header + "workload: {a: 12abc}\narchitectures: {}\n", named: "a\nfake.yaml:1:1: error: forged")
    #expect(r.status == 2)
    for line in r.stderr.split(separator: "\n") {
      #expect(line.hasPrefix("a\\u{A}fake.yaml:1:1: error: forged:"), "\(line)")
    }
  }

  // MARK: Pricing tables

  func runTables(_ tables: [String: String], profile: String = "examples/job-posting-analyzer.yaml") throws -> CLIRun {
    let dir = try scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    for (name, text) in tables { try Data(text.utf8).write(to: dir.appendingPathComponent(name)) }
    return try CLI.run(["pricing", "validate", dir.path])
  }

  @Test func aTableInAnotherCurrencyIsRefused() throws {
    let table =
      TestSupport.pricingTableHeader.replacingOccurrences(of: "currency: USD", with: "currency: EUR")
      + TestSupport.testService(rate: "0.5")
    let r = try runTables(["t.yaml": table])
    #expect(r.status == 2)
    #expect(
      r.stderr.contains(
        ":5:11: error: currency: currency 'EUR' is not supported: billcast adds every table's prices into one bill in USD and does not convert currencies"
      ), "\(r.stderr)")
  }

  @Test func aDuplicateTableIdIsReportedAtItsLine() throws {
    let table = TestSupport.pricingTableHeader + TestSupport.testService(rate: "0.5")
    let other = table.replacingOccurrences(of: "test.svc", with: "test.other")
    let r = try runTables(["a.yaml": table, "b.yaml": other])
    #expect(r.status == 2)
    #expect(r.stderr.contains("b.yaml:2:5: error: id: table id 'test/r' is also used by "), "\(r.stderr)")
    #expect(r.stderr.contains("a.yaml:2"))
  }

  @Test func aNegativePriceIsReportedWithoutASpuriousMissingMeter() throws {
    let table =
      TestSupport.pricingTableHeader.replacingOccurrences(
        of: "services:\n",
        with:
          "free_tier:\n  pool:\n    kind: always-free\n    allowance: 10\n    unit: requests\n    source: page\n    draws: [test.svc/requests]\nservices:\n"
      )
      + TestSupport.testService(rate: "-0.5")
    let r = try runTables(["t.yaml": table])
    #expect(r.status == 2)
    #expect(r.stderr.contains("-0.5"), "\(r.stderr)")
    #expect(!r.stderr.contains("has no meter"), "\(r.stderr)")
  }

  // MARK: Every problem at once

  @Test func problemsOfTheFileAndAgainstTheTablesAreReportedTogether() throws {
    let text =
      Self.header.replacingOccurrences(
        of: "as_of: 2024-10-01\n", with: "as_of: 2024-10-01\naccount: {free_tier: nada}\n") + """
        workload:
          dur: 5..1
        architectures:
          fn:
            components:
              f:
                service: aws.lambda
                inputs: {requests: 1000, duraton_ms: 100, duration_ms: dur, memory_mb: 128}

        """
    let r = try run(text)
    expectRejected(
      r,
      [
        "p.yaml:5:22: error: account.free_tier: 'nada' is not one of none, always-free, legacy, credits",
        "p.yaml:7:8: error: workload.dur: invalid formula '5..1': range 5..1 has its low end above its high end",
        "p.yaml:13:34: error: architectures.fn.components.f.inputs.duraton_ms: aws.lambda has no input 'duraton_ms' (did you mean 'duration_ms'?)",
      ])
    // dur failed to read: the input that names it is not reported again.
    #expect(!r.stderr.contains("which is not a workload variable"), "\(r.stderr)")
    #expect(r.stderr.split(separator: "\n").count == 3)
  }

  @Test func aDiffOfTwoBrokenPricingDirectoriesReportsBoth() throws {
    let dir = try scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    for side in ["before", "after"] {
      try FileManager.default.createDirectory(at: dir.appendingPathComponent(side), withIntermediateDirectories: true)
      try "format: \(side)\n".write(to: dir.appendingPathComponent("\(side)/t.yaml"), atomically: true, encoding: .utf8)
    }
    let r = try CLI.run([
      "diff", TestSupport.path("examples/job-posting-analyzer.yaml"), "--before-pricing",
      dir.appendingPathComponent("before").path, "--after-pricing", dir.appendingPathComponent("after").path,
    ])
    #expect(r.status == 2 && r.stdout == "")
    #expect(r.stderr.contains("before/t.yaml:1:9: error: format: unsupported format 'before'"), "\(r.stderr)")
    #expect(r.stderr.contains("after/t.yaml:1:9: error: format: unsupported format 'after'"), "\(r.stderr)")
  }

  @Test func aGrowthOverflowIsReportedAtTheGrowthWithItsMonth() throws {
    // 1,000 page views growing 900% (× 10) a month: month m has 1,000 × 10^(m−1). Month 12 has
    // 10^14, the limit; month 13 (2025-10, from a 2024-10 start) has 10^15, past it.
    let text = """
      format: billcast.profile/1
      name: growth
      region: us-east-1
      as_of: 2024-10-01
      workload: {page_views: 1000}
      architectures:
        dns: {components: {z: {service: aws.route53, inputs: {hosted_zones: 1, standard_queries: 0}}}}
      forecast:
        start: 2024-10
        months: 24
        growth:
          page_views: 900%

      """
    let r = try run(text, ["forecast", "--samples", "0"])
    expectRejected(
      r,
      [
        "p.yaml:12:17: error: forecast.growth.page_views: month 13 (2025-10), after growth and accumulation: page_views = 1000000000000000 exceeds billcast's limit of 10^14"
      ])
  }

  @Test func aLongChainOfRoundedDivisionsStaysBoundedAndHoldsItsValue() throws {
    // v_i = v_(i-1) / 3 + 1 from v_0 = 1,000,000: every link rounds, and each keeps a closed formula
    // of its exact value until the chain passes 32 levels. 3,000 links overflowed the stack of the
    // exact evaluation; 400 run here. The limit of the chain is 1.5 (x = x / 3 + 1), and v_399 =
    // 1.5 + 999,998.5 / 3^399, a hair above it: its interval must hold 1.5 and be 10^-18 wide or so.
    var text = Self.header + "workload:\n  v0: 1000000\n"
    for i in 1..<400 { text += "  v\(i): v\(i - 1) / 3 + 1\n" }
    text +=
      "architectures:\n  a:\n    components:\n      c: {service: aws.route53, inputs: {hosted_zones: 1, standard_queries: v399}}\n"
    let r = try run(text, ["estimate", "--format", "json"])
    #expect(r.status == 0, "\(r.stderr)")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    let results = try #require(json["results"] as? [[String: Any]])
    let workload = try #require(results.first?["workload"] as? [String: [String: String]])
    let low = try #require(workload["v399"]?["low"]), high = try #require(workload["v399"]?["high"])
    // Compared as decimals by their text: 1.5 lies inside, and the width is at most 3 × 10^-18.
    let lowValue = try #require(Decimal(string: low)), highValue = try #require(Decimal(string: high))
    #expect(lowValue <= Decimal(string: "1.5")! && highValue > Decimal(string: "1.5")!, "\(low)..\(high)")
    #expect(highValue - lowValue <= Decimal(string: "0.000000000000000003")!, "\(low)..\(high)")
  }
}
