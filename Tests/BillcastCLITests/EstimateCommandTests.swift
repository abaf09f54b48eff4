import BillcastTestSupport
import Foundation
import Testing

@Suite("billcast estimate, end to end")
struct EstimateCommandTests {
  static let example = "examples/job-posting-analyzer.yaml"

  @Test(
    "the README's first command",
    arguments: [
      ([String](), "estimate.txt"),
      (["--scenario", "active-development", "--explain"], "estimate-explain.txt"),
      (["--as-of", "2020-06-01", "--scenario", "minimum"], "estimate-2020.txt"),
    ])
  func example(arguments: [String], golden: String) throws {
    let run = try CLI.run(["estimate", Self.example] + arguments)
    #expect(run.status == 0)
    #expect(run.stderr == "")
    try assertGolden(run.stdout, golden)
  }

  @Test func jsonFollowsTheContract() throws {
    let run = try CLI.run(["estimate", Self.example, "--format", "json"])
    let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    #expect(object["schema"] as? String == "billcast.estimate/1")
    let results = try #require(object["results"] as? [[String: Any]])
    #expect(results.count == 12)  // 3 scenarios × 4 architectures
    let total = try #require(results[0]["total"] as? [String: String])
    #expect(total["low"] != nil && total["high"] != nil)
    let pricing = try #require(object["pricing"] as? [[String: String]])
    #expect(pricing.map { $0["id"] } == ["aws/global", "aws/us-east-1", "firebase/global"])
    #expect(pricing.allSatisfy { $0["sha256"]?.count == 64 })
  }

  @Test func outputFileGetsTheSameBytesAndStdoutNothing() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("billcast-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("report.md").path
    let run = try CLI.run(["estimate", Self.example, "--format", "markdown", "--output", file])
    #expect(run.status == 0 && run.stdout == "")
    let direct = try CLI.run(["estimate", Self.example, "--format", "markdown"])
    #expect(try String(contentsOfFile: file, encoding: .utf8) == direct.stdout)
  }

  @Test func sameInputsSameBytes() throws {
    let a = try CLI.run(["estimate", Self.example, "--format", "json"])
    let b = try CLI.run(["estimate", Self.example, "--format", "json"])
    // Both runs must succeed and say something: two crashes would also print the same (nothing).
    #expect(a.status == 0 && b.status == 0 && a.stderr == "" && b.stderr == "")
    #expect(a.stdout.hasPrefix("{\n  \"schema\": \"billcast.estimate/1\"") && a.stdout.count > 10_000)
    #expect(a.stdout == b.stdout)
  }

  @Test func retiredServiceIsRefusedAsOfToday() throws {
    let run = try CLI.run(["estimate", Self.example, "--as-of", "2026-11-01"])
    #expect(run.status == 2)
    #expect(run.stdout == "")
    #expect(run.stderr.contains("examples/job-posting-analyzer.yaml:"))
    #expect(
      run.stderr.contains(
        "error: architectures.lambda-cloudfront.components.database.service: Aurora Serverless v1 (aws.aurora-serverless-v1) was retired on 2025-03-31"
      ))
    #expect(run.stderr.contains("price aws.aurora-serverless-v2 instead"))
  }

  @Test func pricingCommands() throws {
    let list = try CLI.run(["pricing", "list"])
    #expect(list.status == 0 && list.stdout.contains("aws.lambda") && list.stdout.contains("firebase.auth"))
    let show = try CLI.run(["pricing", "show", "aws.lambda"])
    #expect(show.status == 0)
    #expect(show.stdout.contains("https://aws.amazon.com/lambda/pricing/ (read 2026-11-25"))
    #expect(show.stdout.contains("$0.0000166667/GB-s"))
    let unknown = try CLI.run(["pricing", "show", "aws.lamda"])
    #expect(unknown.status == 2 && unknown.stderr.contains("did you mean 'aws.lambda'?"))
  }
}

@Suite("README")
struct ReadmeTests {
  /// The README's excerpt of the first command's report, and docs/reference-case.md's whole
  /// report, are of the live pricing/ tables: scripts/docs-reports.sh writes them and, with
  /// `--check`, checks them in CI (a rate change changes them, and no file under Tests/).
  @Test func quickStartShowsTheFirstCommands() throws {
    let readme = try String(contentsOfFile: TestSupport.path("README.md"), encoding: .utf8)
    #expect(readme.contains("swift run billcast estimate examples/job-posting-analyzer.yaml\nswift test\n"))
    // A first screen: what it is, install, the two commands and the excerpt.
    #expect(readme.split(separator: "\n", omittingEmptySubsequences: false).count <= 100)
  }
}

@Suite("billcast compare, end to end")
struct CompareCommandTests {
  static let arguments = ["compare", "examples/job-posting-analyzer.yaml", "--vary", "page_views", "--to", "10000000"]

  @Test(
    "the document's comparison",
    arguments: [
      ([String](), "compare.txt"),
      (["--format", "csv"], "compare.csv"),
    ])
  func example(arguments: [String], golden: String) throws {
    let run = try CLI.run(Self.arguments + arguments)
    #expect(run.status == 0)
    #expect(run.stderr == "")
    try assertGolden(run.stdout, golden)
  }

  @Test func todaysComparison() throws {
    let run = try CLI.run([
      "compare", "examples/job-posting-analyzer-today.yaml", "--vary", "page_views", "--to", "10000000", "--scenario",
      "active-development",
    ])
    #expect(run.status == 0)
    try assertGolden(run.stdout, "compare-today.txt")
  }

  @Test func jsonSchema() throws {
    let run = try CLI.run(Self.arguments + ["--format", "json"])
    let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    #expect(object["schema"] as? String == "billcast.compare/1")
    let breakEven = try #require(object["break_even"] as? [[String: Any]])
    #expect(breakEven.count == 3)
    #expect((object["matrix"] as? [[String: Any]])?.count == 4)
  }

  @Test func unknownVaryVariableExits2() throws {
    let run = try CLI.run(["compare", "examples/job-posting-analyzer.yaml", "--vary", "pageviews", "--to", "10"])
    #expect(run.status == 2 && run.stdout == "")
    #expect(run.stderr.contains("examples/job-posting-analyzer.yaml:"))
    #expect(
      run.stderr.contains(
        "examples/job-posting-analyzer.yaml:23:1: error: workload: --vary names 'pageviews', which is not a workload variable (did you mean 'page_views'?)"
      ))
  }

  @Test func varyWithoutToIsABadArgument() throws {
    let run = try CLI.run(["compare", "examples/job-posting-analyzer.yaml", "--vary", "page_views"])
    #expect(run.status == 64)
  }
}

@Suite("billcast forecast, end to end")
struct ForecastCommandTests {
  @Test(
    "the example's forecast",
    arguments: [
      (["examples/job-posting-analyzer.yaml", "--samples", "500"], "forecast.txt"),
      (["examples/job-posting-analyzer-today.yaml", "--samples", "500", "--format", "csv"], "forecast-today.csv"),
      (["examples/job-posting-analyzer-today.yaml", "--samples", "500", "--format", "html"], "forecast-today.html"),
    ])
  func example(arguments: [String], golden: String) throws {
    let run = try CLI.run(["forecast"] + arguments)
    #expect(run.status == 0)
    #expect(run.stderr == "")
    try assertGolden(run.stdout, golden)
  }

  @Test func htmlIsSelfContained() throws {
    let run = try CLI.run([
      "forecast", "examples/job-posting-analyzer-today.yaml", "--samples", "100", "--format", "html",
    ])
    #expect(run.stdout.hasPrefix("<!DOCTYPE html>"))
    #expect(!run.stdout.contains("<script") && !run.stdout.contains("http://") && !run.stdout.contains("src="))
    #expect(run.stdout.components(separatedBy: "<figure>").count - 1 == 3)  // monthly, cumulative, per service
  }

  @Test func estimateAndCompareWriteHTML() throws {
    let estimate = try CLI.run(["estimate", "examples/job-posting-analyzer.yaml", "--format", "html"])
    #expect(estimate.status == 0 && estimate.stdout.contains("<svg"))
    try assertGolden(estimate.stdout, "estimate.html")
    let compare = try CLI.run(["compare", "examples/job-posting-analyzer.yaml", "--format", "html"])
    #expect(compare.status == 0 && compare.stdout.contains("<svg"))
    try assertGolden(compare.stdout, "compare.html")
  }

  @Test func badForecastSettingsExit2() throws {
    let run = try CLI.run(["forecast", "examples/job-posting-analyzer.yaml", "--scenario", "demo"])
    #expect(run.status == 2 && run.stdout == "")
    #expect(run.stderr.contains("the profile has no scenario 'demo'"))
  }
}
