import BillcastTestSupport
import Foundation
import Testing

/// The reference example priced in another region: only with that region's own rates.
@Suite("Regions")
struct RegionTests {
  /// The reference example with its region changed.
  static func example(in region: String, at dir: URL) throws -> String {
    let text = try String(contentsOfFile: TestSupport.path("examples/job-posting-analyzer.yaml"), encoding: .utf8)
    let path = dir.appendingPathComponent("example-\(region).yaml").path
    try text.replacingOccurrences(of: "region: us-east-1", with: "region: \(region)").write(
      toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test(
    "eu-west-1: every architecture priced with its own rates; a meter without a rate is an error when used, a warning when not"
  )
  func euWest1() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("billcast-region-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let profile = try Self.example(in: "eu-west-1", at: dir)
    let pricing = TestSupport.testPricingPath
    let all = try CLI.run(["estimate", profile, "--pricing", pricing])
    #expect(all.status == 0, "\(all.stderr)")
    // eu-west-1 has no sourced rate for t3 surplus CPU credits, and the example's server uses none
    // (surplus_vcpu_hours defaults to 0): priced without it, and the report says so.
    #expect(all.stdout.contains("[unused-without-rate] server: "), "\(all.stdout)")
    #expect(all.stdout.contains("has no rate for aws.ec2/cpu-credits[t3.micro]; this component uses none"))

    let some = try CLI.run([
      "estimate", profile, "--pricing", pricing, "--architecture", "lambda-cloudfront", "--scenario",
      "active-development",
    ])
    #expect(some.status == 0, "\(some.stderr)")
    #expect(some.stdout.contains("Region eu-west-1, as of 2024-10-01"))
    // Active development in Ireland: Aurora Serverless v1 at eu-west-1's $0.07 per ACU-hour for 176–243.33 h
    // = $12.32–$17.03, storage 1–5 GB × $0.11 = $0.11–$0.55, Route 53 $0.50 (global) and S3's PUTs beyond the
    // free 2,000 ($0.00–$0.02; $0.005 per 1,000 in eu-west-1 too): $12.93–$18.10 (us-east-1: $11.16–$15.62).
    #expect(some.stdout.contains("active-development      $12.93–$18.10"), "\(some.stdout)")

    // The same server with surplus credits: the missing rate is needed, so it is an error naming it.
    let text = try String(contentsOfFile: profile, encoding: .utf8)
      .replacingOccurrences(
        of: "instance_type: t3.micro ", with: "surplus_vcpu_hours: 5\n          instance_type: t3.micro ")
    try text.write(toFile: profile, atomically: true, encoding: .utf8)
    let used = try CLI.run(["estimate", profile, "--pricing", pricing])
    #expect(used.status == 2 && used.stdout.isEmpty)
    #expect(used.stderr.contains("aws.ec2 cannot be priced in eu-west-1 for this component: "), "\(used.stderr)")
    #expect(used.stderr.contains("has no rate for aws.ec2/cpu-credits[t3.micro]"))
  }

  @Test(
    "us-west-2 and eu-central-1: Lambda's duration tiers and the HTTP API's two tiers are each region's own",
    arguments: [
      // Both regions (AWS's pricing-page maps of 2025-10, Tests/Fixtures/pricing/aws/rates/REGION.yaml), no free tier:
      // x86 7B GB-s = 6B × $0.0000166667 + 1B × $0.000015 = $100,000.20 + $15,000 = $115,000.20;
      // arm64 10B GB-s = 7.5B × $0.0000133334 + 2.5B × $0.0000120001 = $100,000.50 + $30,000.25 = $130,000.75;
      // requests (7B + 1B) × $0.20/M = $1,400 + $200.
      // HTTP API 400M: us-west-2 300M × $1.00/M + 100M × $0.90/M = $390; eu-central-1 × $1.20 and $1.08 = $468.
      ("us-west-2", "390", "246990.95"),  // 1,400 + 115,000.20 + 200 + 130,000.75 + 390
      ("eu-central-1", "468", "247068.95"),  // the same + 468
    ])
  func ownTiers(region: String, api: String, total: String) throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("billcast-tiers-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let profile = """
      format: billcast.profile/1
      name: tiers
      region: \(region)
      as_of: 2026-11-01
      workload: {calls: 7000000000}
      architectures:
        api:
          components:
            f: {service: aws.lambda, inputs: {requests: calls, duration_ms: 1000, memory_mb: 1024}}
            g: {service: aws.lambda, inputs: {requests: 1000000000, duration_ms: 1000, memory_mb: 10240, architecture: arm64}}
            http: {service: aws.apigateway.http, inputs: {requests: 400000000}}

      """
    try profile.write(to: dir.appendingPathComponent("p.yaml"), atomically: true, encoding: .utf8)
    let run = try CLI.run(
      ["estimate", "p.yaml", "--pricing", TestSupport.testPricingPath, "--free-tier", "none", "--format", "csv"],
      in: dir)
    #expect(run.status == 0, "\(run.stderr)")
    let rows = run.stdout.split(separator: "\n").map {
      $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
    let cost = { (component: String, meter: String) in
      rows.first { $0.count > 11 && $0[2] == component && $0[4] == meter }?[10]
    }
    #expect(cost("Lambda (f)", "duration") == "115000.2")
    #expect(cost("Lambda (g)", "duration") == "130000.75")
    #expect(cost("API Gateway (http)", "requests") == api)
    #expect(rows.dropFirst().allSatisfy { $0.count > 13 && $0[12] == total && $0[15] == region }, "\(run.stdout)")
  }

  @Test(
    "every example prices in each of the four regions, with that region's own tables",
    arguments: ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1"])
  func everyExampleInEveryRegion(region: String) throws {
    let examples = try FileManager.default.contentsOfDirectory(atPath: TestSupport.path("examples")).filter {
      $0.hasSuffix(".yaml")
    }.sorted()
    #expect(examples.count >= 3)
    // A copy of examples/ (the CloudFormation example names its templates relative to itself).
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "billcast-regions-\(region)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    try FileManager.default.copyItem(
      atPath: TestSupport.path("examples/cloudformation"), toPath: dir.appendingPathComponent("cloudformation").path)
    for file in examples {
      let path = dir.appendingPathComponent(file).path
      let text = try String(contentsOfFile: TestSupport.path("examples/\(file)"), encoding: .utf8)
      try text.replacingOccurrences(of: "\nregion: us-east-1\n", with: "\nregion: \(region)\n").write(
        toFile: path, atomically: true, encoding: .utf8)
      let run = try CLI.run(["estimate", path, "--pricing", TestSupport.testPricingPath, "--format", "csv"])
      #expect(run.status == 0, "\(file) in \(region): \(run.stderr)")
      let rows = run.stdout.split(separator: "\n").dropFirst()
      #expect(!rows.isEmpty && rows.allSatisfy { $0.contains(",\(region),") }, "\(file) in \(region)")
      // Only the region's own table and the global ones are used.
      let tables = Set(
        rows.flatMap {
          $0.split(separator: ",").last!.split(separator: " ").map { String($0.split(separator: "@")[0]) }
        })
      #expect(
        tables.isSubset(of: ["aws/\(region)", "aws/global", "firebase/global"]) && tables.contains("aws/\(region)"),
        "\(file) in \(region): \(tables)")
    }
  }
}
