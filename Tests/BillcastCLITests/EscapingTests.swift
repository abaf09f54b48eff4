import BillcastTestSupport
import Foundation
import Testing

/// Text from a profile reaches reports as text: control characters escaped, and CSV cells that
/// a spreadsheet would run as formulas neutralised.
@Suite("Escaping profile text")
struct EscapingTests {
  static let profile = """
    format: billcast.profile/1
    name: "Evil\\e[31m red\\a bell\\r return"
    region: us-east-1
    as_of: 2024-10-01
    workload: {zones: 1}
    architectures:
      web:
        description: "two\\nlines"
        components:
          dns:
            service: aws.route53
            label: "Route\\n53"
            inputs: {hosted_zones: zones, standard_queries: 0}
          dns2:
            service: aws.route53
            label: "=HYPERLINK(\\"http://x\\")"
            inputs: {hosted_zones: zones, standard_queries: 0}

    """

  func run(_ arguments: [String]) throws -> CLIRun {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("billcast-escape-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    try Self.profile.write(to: dir.appendingPathComponent("p.yaml"), atomically: true, encoding: .utf8)
    return try CLI.run(arguments + ["p.yaml", "--pricing", TestSupport.testPricingPath], in: dir)
  }

  @Test(arguments: [
    ["estimate"], ["estimate", "--format", "markdown"], ["compare"], ["compare", "--format", "markdown"],
    ["forecast", "--samples", "0", "--months", "2"],
  ])
  func noControlCharacterReachesTheTerminal(arguments: [String]) throws {
    let run = try run(arguments)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(!run.stdout.unicodeScalars.contains { $0.value < 32 && $0 != "\n" }, "\(arguments)")
    #expect(run.stdout.contains("Evil\\u{1B}[31m red\\u{7} bell\\u{D} return"), "\(arguments)")
  }

  @Test func aNewlineInALabelStaysInItsRow() throws {
    let run = try run(["estimate"])
    // "Route\n53" is one line of its cell: the $0.50 zone charge is on the same line.
    #expect(
      run.stdout.split(separator: "\n").contains { $0.contains("Route\\u{A}53") && $0.contains("$0.50") },
      "\(run.stdout)")
    #expect(run.stdout.contains("Architecture web: two\\u{A}lines\n"))
  }

  @Test func formulaLikeCSVCellsAreNeutralised() throws {
    let run = try run(["compare", "--format", "csv"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("\"'=HYPERLINK(\"\"http://x\"\")\""), "\(run.stdout)")
    #expect(
      !run.stdout.contains(",=HYPERLINK") && !run.stdout.contains("\n=HYPERLINK")
        && !run.stdout.contains("\"=HYPERLINK"))
  }
}
