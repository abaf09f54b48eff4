import BillcastTestSupport
import Foundation
import Testing

/// Every profile in examples/: estimate, compare and forecast, as JSON and Markdown, checked against
/// committed golden files (a JSON report as a folder of slices no longer than 1,500 lines, ``GoldenSlices``). A pricing change therefore arrives with its reviewed effect on every example:
/// `BILLCAST_RECORD=1 swift test` re-records (and fails, so it cannot pass by accident).
@Suite("Golden reports of every example")
struct ExampleGoldenTests {
  static let examples: [String] = {
    let dir = TestSupport.path("examples")
    return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
  }()

  static let commands: [(name: String, arguments: [String])] = [
    ("estimate", ["estimate"]),
    ("compare", ["compare", "--vary", "page_views", "--to", "10000000"]),
    ("forecast", ["forecast", "--samples", "200"]),
  ]

  @Test("golden", arguments: examples)
  func example(file: String) throws {
    let name = String(file.dropLast(".yaml".count))
    for (command, arguments) in Self.commands {
      for (format, ext) in [("json", "json"), ("markdown", "md")] {
        var args = arguments
        args.insert("examples/\(file)", at: 1)
        let run = try CLI.run(args + ["--format", format])
        #expect(run.status == 0, "\(command) \(file) \(format): \(run.stderr)")
        if ext == "json" {
          try assertGoldenSlices(run.stdout, "examples/\(name).\(command).json.parts")
        } else {
          try assertGolden(run.stdout, "examples/\(name).\(command).\(ext)")
        }
      }
    }
    // The line items a spreadsheet reads: every line, exact decimals.
    let csv = try CLI.run(["estimate", "examples/\(file)", "--format", "csv"])
    #expect(csv.status == 0, "estimate \(file) csv: \(csv.stderr)")
    try assertGolden(csv.stdout, "examples/\(name).estimate.csv")
  }
}
