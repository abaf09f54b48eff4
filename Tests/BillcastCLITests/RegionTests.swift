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
    try text.replacingOccurrences(of: "region: us-east-1", with: "region: \(region)").write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test("eu-west-1: the architectures its rates cover are priced with them; the others are errors that name the missing rates")
  func euWest1() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("billcast-region-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let profile = try Self.example(in: "eu-west-1", at: dir)
    let pricing = TestSupport.path("pricing")
    let all = try CLI.run(["estimate", profile, "--pricing", pricing])
    #expect(all.status == 2 && all.stdout.isEmpty)
    #expect(all.stderr.contains("aws.apprunner cannot be priced in eu-west-1 for this component: "), "\(all.stderr)")
    #expect(all.stderr.contains("has no rate for aws.ec2/cpu-credits[t3.micro]"))
    #expect(!all.stderr.contains("aws.lambda cannot"))

    let some = try CLI.run(["estimate", profile, "--pricing", pricing, "--architecture", "lambda-cloudfront", "--scenario", "active-development"])
    #expect(some.status == 0, "\(some.stderr)")
    #expect(some.stdout.contains("Region eu-west-1, as of 2024-10-01"))
    // Active development in Ireland: Aurora Serverless v1 at eu-west-1's $0.07 per ACU-hour for 176–243.33 h
    // = $12.32–$17.03, storage 1–5 GB × $0.11 = $0.11–$0.55, Route 53 $0.50 (global) and S3's PUTs beyond the
    // free 2,000 ($0.00–$0.02; $0.005 per 1,000 in eu-west-1 too): $12.93–$18.10 (us-east-1: $11.16–$15.62).
    #expect(some.stdout.contains("active-development      $12.93–$18.10"), "\(some.stdout)")
  }
}
