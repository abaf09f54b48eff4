import BillcastTestSupport
import Foundation
import Testing

/// A number past billcast's limits is named as out of range, with the limit, wherever it is
/// read (issue 24, round 2, item 35): a template's property as well as a profile or an offer.
@Suite("Number limits")
struct NumberLimitTests {
  @Test(
    "a template's volume size of 1e308 or 42 digits is out of range, not 'not a number'",
    arguments: [
      "1e308", String(repeating: "9", count: 42),
    ])
  func templateNumberOutOfRange(size: String) throws {
    let template = """
      Resources:
        Vol:
          Type: AWS::EC2::Volume
          Properties: {Size: \(size), VolumeType: gp3}
      """
    let profile = """
      format: billcast.profile/1
      name: volume
      region: us-east-1
      as_of: 2026-11-01
      workload: {}
      architectures:
        disk:
          cloudformation: template.yaml
      """
    let dir = try TemplateTests.workspace(["template.yaml": template, "profile.yaml": profile])
    defer { try? FileManager.default.removeItem(at: dir) }
    let run = try CLI.run(["estimate", "profile.yaml", "--pricing", TestSupport.testPricingPath], in: dir)
    #expect(run.status == 2 && run.stdout.isEmpty)
    #expect(
      run.stderr.contains(
        "error: Resources.Vol.Properties.Size: Size: '\(size)' is out of range: a number's magnitude is at most 10^15 (1000000000000000)"
      ), "\(run.stderr)")
    #expect(!run.stderr.contains("not a number"))
  }
}
