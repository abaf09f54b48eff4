import BillcastTestSupport
import Foundation
import Testing

/// Each command's `--help` offers only the formats it writes, and every one it offers works.
@Suite struct FormatsOfferedTests {
  static let example = "examples/job-posting-analyzer.yaml"

  /// Each command, with the arguments that make it produce a report (check exits 1: the example's
  /// ec2 budget is exceeded on purpose).
  static let commands: [(arguments: [String], offered: [String], statuses: Set<Int32>)] = [
    (["estimate", example], ["table", "markdown", "json", "csv", "html"], [0]),
    (["compare", example], ["table", "markdown", "json", "csv", "html"], [0]),
    (["forecast", example, "--samples", "20", "--months", "3"], ["table", "markdown", "json", "csv", "html"], [0]),
    (
      ["diff", example, "--before-as-of", "2024-10-01", "--after-as-of", "2024-12-01"],
      ["table", "markdown", "json", "csv"], [0]
    ),
    (["check", example], ["table", "markdown", "json", "csv"], [1]),
    (["pricing", "list"], ["table", "markdown", "json"], [0]),
    (["pricing", "show", "aws.lambda"], ["table", "markdown", "json"], [0]),
  ]

  /// The values `--help` lists for `--format`.
  static func offered(_ help: String) -> [String] {
    let flat = help.replacingOccurrences(of: "\n", with: " ").split(separator: " ").joined(separator: " ")
    guard let start = flat.range(of: "--format <format> Output format. (values: "),
      let end = flat.range(of: ";", range: start.upperBound..<flat.endIndex)
    else { return [] }
    return flat[start.upperBound..<end.lowerBound].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
  }

  @Test func everyFormatOfferedWorks() throws {
    for (arguments, expected, statuses) in Self.commands {
      let help = try CLI.run(Array(arguments.prefix(arguments[0] == "pricing" ? 2 : 1)) + ["--help"])
      #expect(Self.offered(help.stdout) == expected, "\(arguments[0]) offers \(Self.offered(help.stdout))")
      for format in Self.offered(help.stdout) {
        let run = try CLI.run(arguments + ["--format", format])
        #expect(statuses.contains(run.status), "\(arguments) --format \(format): exit \(run.status) \(run.stderr)")
        switch format {
        case "json":
          #expect(
            (try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8))) != nil, "\(arguments) json does not parse")
        case "csv":
          // A header row at least (a diff with nothing changed has no other), and not JSON.
          let rows = run.stdout.split(separator: "\n")
          #expect(rows.first?.contains(",") == true, "\(arguments) csv has no header")
          #expect(!run.stdout.contains("{"), "\(arguments) csv is not JSON")
        case "html":
          #expect(run.stdout.hasPrefix("<!DOCTYPE html>"), "\(arguments) html")
        default:
          #expect(!run.stdout.isEmpty)
        }
      }
    }
  }

  @Test func aFormatNotOfferedIsRefusedByTheParser() throws {
    let run = try CLI.run([
      "diff", Self.example, "--before-as-of", "2024-10-01", "--after-as-of", "2024-12-01", "--format", "html",
    ])
    #expect(run.status == 64)
    #expect(run.stderr.contains("The value 'html' is invalid for '--format <format>'"), "\(run.stderr)")
    #expect(run.stdout.isEmpty)
  }

  @Test func estimateCSVHasOneRowPerLineItemWithExactDecimals() throws {
    let run = try CLI.run([
      "estimate", Self.example, "--scenario", "minimum", "--architecture", "lambda-cloudfront", "--format", "csv",
    ])
    let rows = run.stdout.split(separator: "\n").map(String.init)
    #expect(
      rows[0]
        == "scenario,architecture,component,service,meter,unit,quantity_low,quantity_high,free_tier_low,free_tier_high,cost_low,cost_high,total_low,total_high,as_of,region,free_tier,pricing"
    )
    // Lambda requests = page views 1,000..5,000 × (1 page + 1..3 API calls) = 2,000..20,000;
    // GB-s = requests × 0.2..1 s × 1..2 GB = 2,000 × 0.2 × 1 = 400 .. 20,000 × 1 × 2 = 40,000,
    // all inside the 400,000 GB-s always-free tier, so the line costs 0 at both ends.
    // The total is the result's amount due, $2.5202–$4.615 (the README's minimum row, unrounded).
    #expect(
      rows.contains {
        $0.hasPrefix(
          "minimum,lambda-cloudfront,Lambda,aws.lambda,duration,GB-s,400,40000,400,40000,0,0,2.5202,4.615,2024-10-01,us-east-1,legacy,"
        )
      })
    #expect(
      rows.contains {
        $0.hasPrefix(
          "minimum,lambda-cloudfront,Lambda,aws.lambda,requests,requests,2000,20000,2000,20000,0,0,2.5202,4.615,")
      })
    // Every data row has the header's 18 columns (no field of this example needs quoting).
    #expect(rows.dropFirst().allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == 18 })
  }

  @Test func diffCSVListsTheChangedTotalsThenTheLines() throws {
    // After: the same tables with Route 53's hosted zone at $0.60 instead of $0.50 for the first 25.
    let dir = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(
      "billcast-diffcsv-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: dir) }
    try FileManager.default.copyItem(atPath: TestSupport.testPricingPath, toPath: dir.path)
    let global = dir.appendingPathComponent("aws/global.yaml")
    let text = try String(contentsOf: global, encoding: .utf8)
    #expect(text.contains("- {upto: 25, rate: 0.50, source: r53-pricelist-note}"))
    try text.replacingOccurrences(
      of: "- {upto: 25, rate: 0.50, source: r53-pricelist-note}",
      with: "- {upto: 25, rate: 0.60, source: r53-pricelist-note}"
    )
    .write(to: global, atomically: true, encoding: .utf8)
    let run = try CLI.run([
      "diff", Self.example, "--scenario", "minimum", "--before-pricing", TestSupport.testPricingRelativePath,
      "--after-pricing", dir.path,
      "--before-label", "old", "--after-label", "new", "--format", "csv",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    let rows = run.stdout.split(separator: "\n").map(String.init)
    #expect(
      rows[0]
        == "level,scenario,architecture,service,component,meter,before_low,before_high,after_low,after_high,change_low,change_high,percent,before,after"
    )
    // Each architecture has one hosted zone: its total moves by exactly $0.10 at both ends.
    // lambda-cloudfront's minimum is $2.5202–$4.615 (the README's table, unrounded) → $2.6202–$4.715;
    // the percentage is the larger end's move over its before figure: 0.10 / 2.5202 = 3.97%.
    #expect(rows[1].hasPrefix("total,minimum,lambda-cloudfront,,,,2.5202,4.615,2.6202,4.715,0.1,0.1,3.9"), "\(rows[1])")
    #expect(rows.filter { $0.hasPrefix("total,") }.count == 4)
    #expect(rows.filter { $0.hasPrefix("line,") }.count == 4)
    #expect(
      rows.contains {
        $0.hasPrefix("line,minimum,ec2,aws.route53,dns,hosted-zones,0.5,0.5,0.6,0.6,0.1,0.1,20")
          && $0.hasSuffix(",old,new")
      })
  }
}

/// `billcast schema KIND` prints the schemas editors use, and `init` points its profile at one.
@Suite struct SchemaCommandTests {
  @Test(arguments: ["profile", "pricing", "report"])
  func schemaPrintsTheDocsSchema(kind: String) throws {
    let run = try CLI.run(["schema", kind])
    #expect(run.status == 0)
    #expect(
      run.stdout == (try String(contentsOfFile: TestSupport.path("docs/schemas/\(kind).schema.json"), encoding: .utf8)))
    #expect(run.stdout.contains("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\""))
  }

  @Test func everyExampleAndEveryStarterProfileNamesTheSchema() throws {
    for file in try FileManager.default.contentsOfDirectory(atPath: TestSupport.path("examples"))
    where file.hasSuffix(".yaml") {
      let text = try String(contentsOfFile: TestSupport.path("examples/\(file)"), encoding: .utf8)
      #expect(text.hasPrefix("# yaml-language-server: $schema=../docs/schemas/profile.schema.json\n"), "\(file)")
    }
    let starter = try CLI.run(["init", "--service", "aws.lambda"])
    #expect(
      starter.stdout.hasPrefix("# yaml-language-server: $schema=profile.schema.json\n"), "\(starter.stdout.prefix(200))"
    )
  }

  @Test func anUnknownKindIsRefused() throws {
    let run = try CLI.run(["schema", "profiles"])
    #expect(run.status == 64)
    #expect(run.stderr.contains("The value 'profiles' is invalid for '<kind>'"), "\(run.stderr)")
  }
}

/// `compare --format csv --output-dir DIR`: the comparison, its break-even points and its sensitivity, a file each.
@Suite struct CompareFilesTests {
  @Test func outputDirWritesThreeTables() throws {
    let dir = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(
      "billcast-compare-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: dir) }
    let arguments = [
      "compare", "examples/job-posting-analyzer.yaml", "--vary", "page_views", "--to", "10000000", "--format", "csv",
    ]
    let run = try CLI.run(arguments + ["--output-dir", dir.path])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.isEmpty)
    let compare = try String(contentsOf: dir.appendingPathComponent("compare.csv"), encoding: .utf8)
    #expect(compare == (try CLI.run(arguments)).stdout)
    let breakEven = try String(contentsOf: dir.appendingPathComponent("break-even.csv"), encoding: .utf8).split(
      separator: "\n")
    #expect(
      breakEven[0]
        == "scenario,variable,row,start,end,cheapest,at,from_architecture,to_architecture,from_cost_before,to_cost_before,from_cost_at,to_cost_at"
    )
    // The same crossings as the JSON report's break_even, one row each.
    let json =
      try JSONSerialization.jsonObject(
        with: Data((try CLI.run(Array(arguments.dropLast(2)) + ["--format", "json"])).stdout.utf8)) as! [String: Any]
    let crossings = (json["break_even"] as! [[String: Any]]).map { ($0["crossings"] as! [Any]).count }.reduce(0, +)
    #expect(breakEven.filter { $0.contains(",crossing,") }.count == crossings)
    #expect(crossings > 0)
    let sensitivity = try String(contentsOf: dir.appendingPathComponent("sensitivity.csv"), encoding: .utf8).split(
      separator: "\n")
    let rows = (json["sensitivity"] as! [[String: Any]]).map { ($0["rows"] as! [Any]).count }.reduce(0, +)
    #expect(sensitivity.count == rows + 1)
    #expect(sensitivity[0] == "scenario,architecture,base,variable,low,high,cost_at_low,cost_at_high,swing")
  }

  @Test func outputDirNeedsCSV() throws {
    let run = try CLI.run(["compare", "examples/job-posting-analyzer.yaml", "--output-dir", "/tmp/x"])
    #expect(run.status == 64)
    #expect(run.stderr.contains("--output-dir writes CSV files: give --format csv"))
  }
}

/// Several projects at once: one report with each project's totals, on all cores, the worst exit status.
@Suite struct ProjectsTests {
  static let a = "examples/job-posting-analyzer.yaml", b = "examples/job-posting-analyzer-today.yaml"

  @Test func twoProfilesGiveOneReportWithEachProjectsTotals() throws {
    let run = try CLI.run(["estimate", Self.a, Self.b])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.hasPrefix("2 projects — monthly estimate\n"))
    // The totals are each profile's own: the README's $2.52–$4.62, and the today profile's.
    #expect(
      run.stdout.contains("  Job Posting Analyzer          lambda-cloudfront       minimum               $2.52–$4.62\n")
    )
    #expect(
      run.stdout.contains("  Job Posting Analyzer (today)  lambda-cloudfront       minimum               $3.04–$9.54\n")
    )
    // Each project's own report follows, byte for byte as it prints alone.
    let alone = try CLI.run(["estimate", Self.b]).stdout
    #expect(run.stdout.contains("=== Project Job Posting Analyzer (today) (\(Self.b)) ===\n\n" + alone))
    // Run twice on two cores, the same bytes.
    #expect(run.stdout == (try CLI.run(["estimate", Self.a, Self.b])).stdout)
  }

  @Test func aProjectListNamesProjectsAndItsJSONFollowsTheSchema() throws {
    let dir = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(
      "billcast-projects-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: dir) }
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    try """
    format: billcast.projects/1
    projects:
      - path: \(TestSupport.path(Self.a))
        name: reference
      - path: \(TestSupport.path("examples"))/job-posting-analyzer-t*.yaml
    """.write(to: dir.appendingPathComponent("billcast.yml"), atomically: true, encoding: .utf8)
    let run = try CLI.run(["check", "billcast.yml", "--format", "json"], in: dir)
    // The reference profile's ec2 budget is exceeded on purpose: the worst status, 1.
    #expect(run.status == 1)
    let report = try SchemaValue.parse(run.stdout)
    #expect(report["schema"] == .string("billcast.projects/1"))
    guard case .array(let projects)? = report["projects"] else { Issue.record("no projects"); return }
    #expect(projects.map { $0["name"] } == [.string("reference"), .string("Job Posting Analyzer (today)")])
    let schema = try JSONSchemaCheck(try CLI.run(["schema", "report"]).stdout)
    #expect(schema.errors(report).isEmpty, "\(schema.errors(report).prefix(3))")
  }

  @Test func anyProjectsBadInputIsReportedAndNothingIsPrinted() throws {
    let dir = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(
      "billcast-projects-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: dir) }
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    try "format: billcast.profile/1\nname: broken\nregion: us-east-1\narchitectures: {}\nwrkload: {}\n".write(
      to: dir.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
    try "format: billcast.projects/1\nprojects:\n  - path: missing-*.yaml\n  - pth: x.yaml\n".write(
      to: dir.appendingPathComponent("billcast.yml"), atomically: true, encoding: .utf8)
    let run = try CLI.run(["estimate", TestSupport.path(Self.a), "broken.yaml"], in: dir)
    #expect(run.status == 2 && run.stdout.isEmpty)
    #expect(run.stderr.contains("broken.yaml:5:1: error: wrkload: unknown key 'wrkload'"), "\(run.stderr)")
    let list = try CLI.run(["estimate", "billcast.yml"], in: dir)
    #expect(list.status == 2 && list.stdout.isEmpty)
    #expect(
      list.stderr.contains("billcast.yml:3:11: error: projects[0].path: 'missing-*.yaml' names no readable profile"),
      "\(list.stderr)")
    #expect(list.stderr.contains("billcast.yml:4:5: error: projects[1].pth: unknown key 'pth'"), "\(list.stderr)")
  }
}
