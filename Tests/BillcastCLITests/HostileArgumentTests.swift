import BillcastTestSupport
import Foundation
import Testing

/// Hostile command-line arguments: each gets a one-line reason and a failing status, never a crash,
/// a clamp or a misleading message.
@Suite("Hostile arguments")
struct HostileArgumentTests {
  static let example = "examples/job-posting-analyzer.yaml"

  /// (arguments, exit status, what standard error must contain).
  static let cases: [(arguments: [String], status: Int32, stderr: String)] = [
    // Dates past the supported calendar were crashes (CalendarDate.adding(months:) past 9999).
    (
      ["forecast", example, "--start", "9999-12"], 64,
      "--start 9999-12 is outside the calendar billcast prices: dates from 1900-01-01 to 9899-12-31 are supported"
    ),
    (
      ["forecast", example, "--start", "9999-02", "--months", "12"], 64,
      "--start 9999-02 is outside the calendar billcast prices"
    ),
    (["estimate", example, "--as-of", "9999-12-01"], 64, "9999-12-01 is outside the calendar billcast prices"),
    (
      ["diff", example, "--before-as-of", "2024-10-01", "--after-as-of", "1899-12-31"], 64,
      "1899-12-31 is outside the calendar billcast prices"
    ),
    (["estimate", example, "--as-of", "2024-02-30"], 64, "'2024-02-30' is not a date; expected YYYY-MM-DD"),
    // Options outside their range were clamped or misread.
    (["forecast", example, "--breakdown-month", "0"], 64, "--breakdown-month must be from 1 to the forecast's months"),
    (
      ["forecast", example, "--breakdown-month", "999999"], 64,
      "--breakdown-month must be from 1 to the forecast's months"
    ),
    (
      ["forecast", example, "--breakdown-month", "13", "--months", "12", "--samples", "0"], 2,
      "the breakdown month 13 is not a month of the forecast; it has months 1 to 12"
    ),
    (["forecast", example, "--months", "-1"], 64, "--months must be from 1 to 120"),
    (["forecast", example, "--samples", "-5"], 64, "--samples must be from 0 to 1000000"),
    (["forecast", example, "--seed", "-1"], 64, "The value '-1' is invalid for '--seed <seed>'"),
    (
      ["compare", example, "--vary", "page_views", "--to", "1e16"], 64,
      "--to: '1e16' is out of range: a number's magnitude is at most 10^15 (1000000000000000)"
    ),
    (["compare", example, "--vary", "page_views", "--from=-1e8", "--to", "10"], 64, "--from -100000000 is below 0"),
    // Break-even overflowed a decimal division with 10^21 grid steps (a crash).
    (
      ["compare", example, "--vary", "page_views", "--to", "1000000000000", "--step", "0.000000001"], 2,
      "break-even search: the range 0 to 1000000000000 holds more than 10^12 steps of 0.000000001; use a coarser step"
    ),
    (
      ["compare", example, "--vary", "page_views", "--to", "10", "--step", "0.0000000001"], 2,
      "break-even search: the step 0.0000000001 has more than 9 decimal places"
    ),
  ]

  @Test("each hostile argument", arguments: Self.cases.indices)
  func hostile(index: Int) throws {
    let c = Self.cases[index]
    let run = try CLI.run(c.arguments)
    #expect(run.status == c.status, "\(c.arguments): \(run.stderr)")
    #expect(run.stdout == "")
    #expect(run.stderr.contains(c.stderr), "\(c.arguments)\nexpected: \(c.stderr)\nstderr: \(run.stderr)")
    #expect(!run.stderr.contains("Fatal error") && !run.stderr.contains("Backtrac"))
  }

  @Test func breakEvenStaysInsideAnInputsHardBounds() throws {
    // Lambda's memory_mb is at most 10,240 MB (a hard bound of aws.lambda's input): the search stops
    // there, on the step grid, and says why, instead of reporting crossings at 1,554,052 MB.
    let run = try CLI.run([
      "compare", Self.example, "--vary", "lambda_memory_mb", "--from", "128", "--to", "100000000", "--scenario",
      "active-development",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("Break-even as lambda_memory_mb goes from 128 to 10,240 (active-development;"))
    #expect(
      run.stdout.contains(
        "- the search stopped at 10,240, below the 100,000,000 asked for: above 10240, architectures.lambda-cloudfront.components.ssr.inputs.memory_mb: memory_mb = 10241 is above 10240, the most aws.lambda allows"
      ))
    let json = try CLI.run([
      "compare", Self.example, "--vary", "lambda_memory_mb", "--from", "128", "--to", "100000000", "--scenario",
      "active-development", "--format", "json",
    ])
    #expect(json.stdout.contains(#""to": "10240""#))
    #expect(json.stdout.contains(#""requested_to": "100000000""#))
  }

  @Test func breakEvenStopsAtTheQuantityLimit() throws {
    // page_views up to 1e15 in steps of 1,000: http_requests = page_views × 12..34 passes 10^14 first
    // (10^14 / 34 = 2,941,176,470,588), so the last grid point that prices is 2,941,176,470,000.
    let run = try CLI.run([
      "compare", Self.example, "--vary", "page_views", "--to", "1e15", "--step", "1000", "--scenario",
      "active-development",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("Break-even as page_views goes from 0 to 2,941,176,470,000"))
    #expect(run.stdout.contains("exceeds billcast's limit of 10^14"))
  }

  @Test func pricingComesFromTheFlagThenTheEnvironmentThenTheProfilesFolder() throws {
    let missing = "/nonexistent-billcast-pricing"
    // The environment beats discovery: a missing directory there is the error, named.
    let env = try CLI.run(["estimate", Self.example], environment: ["BILLCAST_PRICING": missing])
    #expect(env.status == 2 && env.stdout == "")
    #expect(
      env.stderr.contains("cannot read the pricing directory '\(missing)' (No such file or directory)"), "\(env.stderr)"
    )
    // The flag beats the environment.
    let flag = try CLI.run(
      ["estimate", Self.example, "--pricing", TestSupport.testPricingRelativePath],
      environment: ["BILLCAST_PRICING": missing])
    #expect(flag.status == 0, "\(flag.stderr)")
    // Without either, the pricing/ beside the example is found, and the report names its tables.
    let found = try CLI.run(["estimate", Self.example], environment: CLI.findsItsPricing)
    #expect(found.status == 0 && found.stdout.contains("aws/us-east-1 (effective "))
    // --help says the order.
    let help = try CLI.run(["estimate", "--help"])
    #expect(help.stdout.contains("$BILLCAST_PRICING"))
  }
}
