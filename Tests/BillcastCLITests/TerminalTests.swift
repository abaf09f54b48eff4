import BillcastTestSupport
import Foundation
import Testing

/// Text reports fit the terminal, colour only where wanted, and stay byte-identical when piped.
@Suite struct TerminalTests {
  static let example = "examples/job-posting-analyzer.yaml"
  static let today = "examples/job-posting-analyzer-today.yaml"
  static let commands: [[String]] = [
    ["estimate", example, "--explain"], ["estimate", today],
    ["estimate", "examples/job-posting-analyzer-cloudformation.yaml"],
    ["compare", example], ["compare", today], ["forecast", today, "--samples", "50"],
    ["diff", example, "--before-as-of", "2024-10-01", "--after-as-of", "2024-12-01"], ["check", example],
    ["check", today, "--forecast"],
    ["pricing", "list"], ["pricing", "show", "aws.lambda"],
  ]

  /// The widest line, in characters, with colour codes removed.
  static func widest(_ text: String) -> Int {
    let plain = text.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
    return plain.split(separator: "\n", omittingEmptySubsequences: false).map(\.count).max() ?? 0
  }

  @Test(arguments: [80, 60])
  func everyTextReportFitsTheWidth(columns: Int) throws {
    for arguments in Self.commands {
      let run = try CLI.run(arguments + ["--width", String(columns)])
      #expect(run.status == 0 || run.status == 1, "\(arguments): \(run.stderr)")
      #expect(
        Self.widest(run.stdout) <= columns, "\(arguments) at \(columns) columns: a line of \(Self.widest(run.stdout))")
      // Unwrapped, the same reports are much wider: the test would catch a layout that ignored the width.
      #expect(!run.stdout.contains("\u{1B}"), "\(arguments): colour in piped output")
    }
    #expect(Self.widest(try CLI.run(["estimate", Self.example]).stdout) > 150)
  }

  @Test func estimateMovesFreeTiersAndUnitPricesBelowItsTablesAt80Columns() throws {
    let run = try CLI.run(["estimate", Self.example, "--width", "80"])
    #expect(
      run.stdout.contains(
        """
          Service                   minimum  active-development  occasional-demos
          ────────────────────  ───────────  ──────────────────  ────────────────
          Lambda                      $0.00               $0.00             $0.00
        """))
    #expect(
      run.stdout.contains(
        """
          Free tier and Unit prices:
          Lambda
            Free tier: 1M requests (always free); 400,000 GB-s (always free)
            Unit prices: $0.20/1M requests; $0.0000166667–$0.0000133334/GB-s (tiered)
        """))
  }

  @Test func pipedOutputIsByteIdenticalWithColourNeverAndWithoutWidth() throws {
    let plain = try CLI.run(["estimate", Self.example])
    let never = try CLI.run(["estimate", Self.example, "--color", "never"])
    #expect(plain.stdout == never.stdout)
    // NO_COLOR only matters where colour would be used; piped output has none either way.
    let noColour = try CLI.run(["estimate", Self.example], environment: ["NO_COLOR": "1"])
    #expect(plain.stdout == noColour.stdout)
  }

  @Test func colourAlwaysMarksTotalsAndOverruns() throws {
    let run = try CLI.run(["check", Self.example, "--color", "always"])
    #expect(run.status == 1)
    // ec2's $8 budget: $8.09–$8.10 is over by $0.10, in red.
    #expect(run.stdout.contains("\u{1B}[31mOVER\u{1B}[0m by $0.10"))
    let estimate = try CLI.run(["estimate", Self.example, "--color", "always"])
    #expect(estimate.stdout.contains("\u{1B}[1mMonthly totals\u{1B}[0m"))
    // JSON is never coloured.
    #expect(
      !(try CLI.run(["estimate", Self.example, "--color", "always", "--format", "json"])).stdout.contains("\u{1B}"))
  }

  @Test func aRealTerminalGetsItsWidthAndColourUnlessNoColorIsSet() throws {
    // `script` runs billcast on a pseudo-terminal; with no window size of its own, billcast
    // falls back to $COLUMNS.
    let command = "\(CLI.executable.path) estimate \(TestSupport.path(Self.example))"
    let tty = try CLI.runProgram(
      "/usr/bin/script", ["-qec", command, "/dev/null"],
      environment: ["COLUMNS": "80", "NO_COLOR": "", "TERM": "xterm"])
    let text = tty.stdout.replacingOccurrences(of: "\r\n", with: "\n")
    #expect(Self.widest(text) <= 80, "a line of \(Self.widest(text))")
    #expect(text.contains("\u{1B}[1m"), "no colour on a terminal")
    let noColour = try CLI.runProgram(
      "/usr/bin/script", ["-qec", command, "/dev/null"],
      environment: ["COLUMNS": "80", "NO_COLOR": "1", "TERM": "xterm"])
    #expect(!noColour.stdout.contains("\u{1B}"), "NO_COLOR output has escape sequences")
    #expect(Self.widest(noColour.stdout.replacingOccurrences(of: "\r\n", with: "\n")) <= 80)
  }

  @Test func diffColoursIncreasesRed() throws {
    // After: Route 53's first 25 hosted zones at $0.60 instead of $0.50, so every total rises $0.10.
    let dir = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(
      "billcast-colour-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: dir) }
    try FileManager.default.copyItem(atPath: TestSupport.testPricingPath, toPath: dir.path)
    let global = dir.appendingPathComponent("aws/global.yaml")
    try (try String(contentsOf: global, encoding: .utf8))
      .replacingOccurrences(
        of: "- {upto: 25, rate: 0.50, source: r53-pricelist-note}",
        with: "- {upto: 25, rate: 0.60, source: r53-pricelist-note}"
      )
      .write(to: global, atomically: true, encoding: .utf8)
    let run = try CLI.run([
      "diff", Self.example, "--before-pricing", TestSupport.testPricingRelativePath, "--after-pricing", dir.path,
      "--color", "always",
    ])
    #expect(run.stdout.contains("\u{1B}[31m+$0.10\u{1B}[0m"), "\(run.stdout)")
    #expect(!run.stdout.contains("\u{1B}[32m"))
  }

  @Test func aWidthBelow40IsRefused() throws {
    let run = try CLI.run(["estimate", Self.example, "--width", "20"])
    #expect(run.status == 64)
    #expect(run.stderr.contains("--width must be at least 40 columns, found 20"))
  }

  @Test func aLongForecastShowsProgressOnATerminalOnly() throws {
    // About 3 s in a debug build: long enough for the line, which waits a second before showing.
    let arguments = [
      "forecast", TestSupport.path(Self.today), "--samples", "600", "--months", "12", "--format", "json",
    ]
    let command = ([CLI.executable.path] + arguments).joined(separator: " ") + " > /dev/null"
    let tty = try CLI.runProgram("/usr/bin/script", ["-qec", command, "/dev/null"], environment: ["TERM": "xterm"])
    #expect(tty.stdout.contains("\rbillcast forecast: Monte Carlo paths: "), "\(tty.stdout.suffix(200))")
    #expect(tty.stdout.hasSuffix("\r\u{1B}[K"), "the line is cleared at the end")
    // Piped, standard error stays empty.
    let piped = try CLI.run(arguments)
    #expect(piped.status == 0)
    #expect(piped.stderr.isEmpty)
  }

  @Test func shellCompletionOffersTheProfilesScenariosAndArchitectures() throws {
    // ArgumentParser's completion protocol: ---completion SUBCOMMAND -- OPTION WORD-INDEX CURSOR WORDS...
    let scenarios = try CLI.run([
      "---completion", "estimate", "--", "--scenario", "4", "0", "billcast", "estimate", Self.example, "--scenario", "",
    ])
    #expect(scenarios.stdout.split(separator: "\n") == ["minimum", "active-development", "occasional-demos"])
    let architectures = try CLI.run([
      "---completion", "estimate", "--", "--architecture", "4", "2", "billcast", "estimate", Self.example,
      "--architecture", "ec",
    ])
    #expect(architectures.stdout.split(separator: "\n") == ["ec2", "ecs-fargate"])
  }
}
