import BillcastTestSupport
import Foundation
import Testing

/// `billcast reconcile`, run as a user runs it, on the bills scripts/generate-fixture-bills.sh
/// wrote from Tests/Fixtures/reconcile/shop.yaml (each bill's manifest lists what was injected).
@Suite struct ReconcileCommandTests {
  static let profile = "Tests/Fixtures/reconcile/shop.yaml"
  static let drift = "Tests/Fixtures/reconcile/drift-focus-1.0.csv"

  /// Every format's report of the FOCUS drift bill, against its golden file.
  @Test(arguments: [
    ("table", ["--detail"], "reconcile-cli/drift.txt"), ("markdown", [], "reconcile-cli/drift.md"),
    ("json", [], "reconcile-cli/drift.json"), ("csv", [], "reconcile-cli/drift.csv"),
    ("html", [], "reconcile-cli/drift.html"),
  ])
  func formats(_ format: String, _ extra: [String], _ golden: String) throws {
    let run = try CLI.run(["reconcile", Self.profile, Self.drift, "--format", format] + extra)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stderr.isEmpty)
    try assertGolden(run.stdout, golden)
  }

  /// The CUR drift bill names the same causes, with their sizes, and its Savings Plan.
  @Test func curDrift() throws {
    let run = try CLI.run(["reconcile", Self.profile, "Tests/Fixtures/reconcile/drift-cur2.csv"])
    #expect(run.status == 0)
    for cause in [
      "[quantity] api.duration_ms",
      "×1.6667); api.duration_ms = 400 reproduces it (the profile has 200) (effect +$16.67",
      "[rate] aws.aurora-serverless-v2/capacity[standard]",
      "billed at $0.132 per ACU-hours; the table's rate is $0.12 (×1.1) (effect +$4.38",
      "[unknown] AmazonEC2 USE1-NatGateway-Hours", "(effect +$32.85)", "[credit] credit (2026-09)", "(effect -$25.00)",
      "1,680,000 GB-s covered by a Savings Plan or Reserved Instance", "(effect -$7.84)",
    ] {
      #expect(run.stdout.contains(cause), "missing: \(cause)")
    }
  }

  /// A gzipped CUR export with no drift: nothing found, the bill equals the estimate.
  @Test func gzippedExactBill() throws {
    let run = try CLI.run(["reconcile", Self.profile, "Tests/Fixtures/reconcile/exact-cur2.csv.gz", "--format", "json"])
    #expect(run.status == 0, "\(run.stderr)")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    #expect((json["findings"] as? [Any])?.isEmpty == true)
  }

  /// `--fail-above`: the drift bill's $106.35 is $28.90 above the $77.45 estimate (37.3%).
  @Test func failAbove() throws {
    let over = try CLI.run(["reconcile", Self.profile, Self.drift, "--fail-above", "10%"])
    #expect(over.status == 1 && !over.stdout.isEmpty)
    #expect(
      over.stderr
        == "billcast: 2026-09: the bill (106.35) is 28.90 above the estimate's high end (77.45), more than --fail-above 10%\n"
    )
    #expect(try CLI.run(["reconcile", Self.profile, Self.drift, "--fail-above", "40%"]).status == 0)
    #expect(try CLI.run(["reconcile", Self.profile, Self.drift, "--fail-above", "28.89"]).status == 1)
    #expect(try CLI.run(["reconcile", Self.profile, Self.drift, "--fail-above", "28.91"]).status == 0)
  }

  /// A malformed bill: exit 2, every error located, nothing on standard output.
  @Test func malformedBill() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("billcast-bill-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let bill = dir.appendingPathComponent("bill.csv")
    try """
    BilledCost,ChargeCategory,BillingCurrency,ChargePeriodStart,ServiceName
    1,Usage,USD,2026-09-01,AWS Lambda
    abc,Usage,USD,2026-09-01,AWS Lambda
    1,Usage,USD,someday,AWS Lambda

    """.write(to: bill, atomically: true, encoding: .utf8)
    let run = try CLI.run(["reconcile", Self.profile, bill.path])
    #expect(run.status == 2 && run.stdout.isEmpty)
    #expect(
      run.stderr == """
        \(bill.path):3:1: error: BilledCost: 'abc' is not a number
        \(bill.path):4:13: error: ChargePeriodStart: 'someday' is not a date (YYYY-MM-DD…)

        """)
  }

  /// `--calibrate`: the profile written back with the measured workload, which `estimate` then
  /// prices at the bill's on-demand cost of the matched rows, less the rate drift (a price, not a
  /// workload): $98.49607 matched − $4.38 = $94.11607, to 1 part in 10^8 (log storage is calibrated
  /// to 1.86666667 GB-month for 1.8666…: 0.03 × 0.0000000033 = $0.0000000001).
  @Test func calibrate() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("billcast-cal-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("calibrated.yaml").path
    let run = try CLI.run(["reconcile", Self.profile, Self.drift, "--calibrate", out])
    #expect(run.status == 0, "\(run.stderr)")
    let text = try String(contentsOfFile: out, encoding: .utf8)
    #expect(
      text.contains(
        "  lambda_duration_ms: 400 # calibrated by billcast reconcile from the bill, 2026-09 (2026-09: 400); was: lambda_duration_ms"
      ))
    let estimate = try CLI.run(["estimate", out, "--format", "json"])
    #expect(estimate.status == 0, "\(estimate.stderr)")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(estimate.stdout.utf8)) as? [String: Any])
    let result = try #require((json["results"] as? [[String: Any]])?.first)
    let total = try #require((result["total"] as? [String: String])?["low"])
    #expect(abs(Double(total)! - 94.11607) < 0.000001)
    // Reconciled again, the calibrated profile leaves only what no workload explains.
    let again = try CLI.run(["reconcile", out, Self.drift])
    #expect(!again.stdout.contains("[quantity]") && again.stdout.contains("[rate]"))
  }

  /// `--calibrate` never writes over a file it read.
  @Test func calibrateNeverOverwritesItsInputs() throws {
    let run = try CLI.run(["reconcile", Self.profile, Self.drift, "--calibrate", Self.profile])
    #expect(run.status == 74 && run.stdout.isEmpty)
    #expect(run.stderr.contains("it is one of this command's inputs; billcast never writes over what it reads"))
  }

  /// Several architectures or scenarios: the bill is one of them, and must be named.
  @Test func architectureMustBeNamed() throws {
    let run = try CLI.run(["reconcile", "examples/job-posting-analyzer.yaml", Self.drift])
    #expect(run.status == 2 && run.stdout.isEmpty)
    #expect(run.stderr.contains("architectures; a bill is one of them: name it with --architecture"))
    #expect(run.stderr.contains("scenarios; name the one the bill should be set against with --scenario"))
  }

  /// Two months that measured different durations calibrate a range: September's drift bill at
  /// 400 ms, October's at 300 ms (scripts/generate-fixture-bills.sh) give `300..400`, commented
  /// with each month's value.
  @Test func calibrateARange() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("billcast-cal-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("calibrated.yaml").path
    let run = try CLI.run([
      "reconcile", Self.profile, Self.drift, "Tests/Fixtures/reconcile/drift-october-focus-1.2.csv", "--calibrate", out,
    ])
    #expect(run.status == 0, "\(run.stderr)")
    let text = try String(contentsOfFile: out, encoding: .utf8)
    #expect(
      text.contains(
        "  lambda_duration_ms: 300..400 # calibrated by billcast reconcile from the bill, 2026-09..2026-10 (2026-09: 400, 2026-10: 300); was: lambda_duration_ms"
      ))
    #expect(run.stdout.contains("api.duration_ms = 400 reproduces it (the profile has 200)"))
  }

  /// A bill whose only drift is the workload: the calibrated profile's estimate is the bill's
  /// on-demand cost of the matched rows. October at 300 ms bills $85.78272 (its manifest): the
  /// estimate's $77.44937 + 500,000 GB-s × $0.0000166667 = $85.78272.
  @Test func calibratedEstimateIsTheBill() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("billcast-cal-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("calibrated.yaml").path
    let bill = "Tests/Fixtures/reconcile/drift-october-focus-1.2.csv"
    #expect(try CLI.run(["reconcile", Self.profile, bill, "--calibrate", out]).status == 0)
    let estimate = try CLI.run(["estimate", out, "--format", "json"])
    let json = try #require(try JSONSerialization.jsonObject(with: Data(estimate.stdout.utf8)) as? [String: Any])
    let result = try #require((json["results"] as? [[String: Any]])?.first)
    // Within rounding: log storage is calibrated to 1.86666667 GB-month for 8 × 7 ÷ 30 = 1.8666…,
    // which adds 0.03 × 0.0000000033 = $0.0000000001.
    #expect((result["total"] as? [String: String]) == ["low": "85.7827200001", "high": "85.7827200001"])
  }
}
