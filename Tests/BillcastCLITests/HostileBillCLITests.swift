import BillcastTestSupport
import Foundation
import Testing

/// Hostile bills through `billcast reconcile`: each refused with exit status 2, a located message
/// and nothing on standard output, never a trap.
@Suite("Hostile bills")
struct HostileBillCLITests {
  /// The smallest FOCUS header billcast reads (with the columns the matcher uses).
  static let header =
    "BilledCost,ChargeCategory,BillingCurrency,ChargePeriodStart,ServiceName,x_ServiceCode,RegionId,x_UsageType,PricingQuantity\n"

  /// Writes `bill` as bill.csv (and `profile`, if given, as p.yaml) in a new folder and runs
  /// `billcast reconcile PROFILE bill.csv --pricing TEST-PRICING` there.
  func run(_ bill: String, profile: String? = nil) throws -> CLIRun {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("billcast-hostile-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    try Data(bill.utf8).write(to: dir.appendingPathComponent("bill.csv"))
    var profilePath = TestSupport.path("Tests/Fixtures/reconcile/shop.yaml")
    if let profile {
      try Data(profile.utf8).write(to: dir.appendingPathComponent("p.yaml"))
      profilePath = "p.yaml"
    }
    return try CLI.run(["reconcile", profilePath, "bill.csv", "--pricing", TestSupport.testPricingPath], in: dir)
  }

  func expectRejected(_ run: CLIRun, _ line: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(run.status == 2, "\(run.stderr)", sourceLocation: sourceLocation)
    #expect(run.stdout == "", sourceLocation: sourceLocation)
    #expect(run.stderr.contains(line), "expected: \(line)\nstderr:\n\(run.stderr)", sourceLocation: sourceLocation)
  }

  @Test func aMillionRowsOfTheLargestCostPassTheLimitAsAnError() throws {
    // Each cost is 999,999,999,999,999, within the parse limit (10^15); line 2 alone is within the
    // sums' limit too, and line 3 brings the month's billed sum to 1,999,999,999,999,998: past it.
    let row = "999999999999999,Usage,USD,2026-09-01T00:00:00Z,X,AWSX,us-east-1,X,1\n"
    let r = try run(Self.header + String(repeating: row, count: 1_000_000))
    expectRejected(
      r, "bill.csv:3: error: the bill's amounts for 2026-09 pass 10^15: billcast cannot add them up exactly")
  }

  @Test func hostileShapesAreLocated() throws {
    expectRejected(
      try run(Self.header + String(repeating: ",", count: 999_999) + "\n"),
      "bill.csv:2:1: error: a row has 1000000 fields; the header has 9")
    expectRejected(
      try run(Self.header + String(repeating: "\u{0}", count: 2 << 20)),
      "bill.csv:2:1: error: one value is larger than 1 MB; this is not a bill billcast can read")
    expectRejected(try run(Self.header), "bill.csv: error: the bills have no rows to reconcile")
    expectRejected(
      try run(Self.header.dropLast() + ",BilledCost\n"),
      "bill.csv:1:1: error: the header names BilledCost more than once: which column is meant is ambiguous")
  }

  @Test func aQuantityAtTheLimitDividedByASmallScaleIsAnError() throws {
    // gp3 throughput is priced per GiB/s-month and metered in MiB/s-months: the scale is 1/1024, so
    // 999,999,999,999,999 GiB/s-months are 1,023,999,999,999,998,976 MiB/s-months, past the
    // quantities' limit (10^18).
    let profile = """
      format: billcast.profile/1
      name: disk
      region: us-east-1
      as_of: 2026-09-01
      architectures:
        one:
          components:
            disk:
              service: aws.ebs
              inputs: {volume_type: gp3, storage_gb: 100, throughput_mbps: 250}

      """
    let row =
      "0.01,Usage,USD,2026-09-01T00:00:00Z,Amazon EC2,AmazonEC2,us-east-1,EBS:VolumeP-Throughput.gp3,999999999999999\n"
    expectRejected(
      try run(Self.header + row, profile: profile),
      "bill.csv:2: error: the bill's amounts for 2026-09 pass 10^15: billcast cannot add them up exactly")
  }
}
