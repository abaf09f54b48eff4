import BillcastTestSupport
import Foundation
import Testing

/// Elastic IPs, a big plan, duplicate addresses and encodings (issue 24, round 2).
extension HostileTerraformTests {
  // MARK: Elastic IPs (item 18)

  static func instance(_ address: String) -> Planned {
    (address, "aws_instance", "{\"instance_type\": \"t3.micro\", \"associate_public_ip_address\": false}")
  }

  static func eip(_ address: String) -> Planned { (address, "aws_eip", "{\"domain\": \"vpc\"}") }

  /// t3.micro instances in a private subnet (no auto-assigned public IP), 730 hours:
  /// - the instance: 730 h × $0.0104 = $7.592;
  /// - each Elastic IP on it, a public IPv4 address: 730 h × $0.005 = $3.65.
  /// One address: $7.592 + $3.65 = $11.242; two: $7.592 + 2 × $3.65 = $14.892.
  static let oneAddress = "11.242", twoAddresses = "14.892"

  /// `aws_eip.a` names its instance; `aws_eip.b` is attached by an `aws_eip_association`;
  /// `aws_instance.c` holds two Elastic IPs. Each used to cost the instance alone, $7.592
  /// (`aws_eip.b` was not priced at all).
  @Test("an Elastic IP on an instance is charged as a public IPv4 address, attached directly or by association")
  func elasticIPOnInstance() throws {
    let plan = Self.plan(
      [
        Self.instance("aws_instance.a"), Self.eip("aws_eip.a"), Self.instance("aws_instance.b"), Self.eip("aws_eip.b"),
        ("aws_eip_association.b", "aws_eip_association", "{}"), Self.instance("aws_instance.c"), Self.eip("aws_eip.c1"),
        Self.eip("aws_eip.c2"),
      ],
      unknown: [("aws_eip.a", "{\"instance\": true}"), ("aws_eip.c1", "{\"instance\": true}")],
      config: [
        ("aws_eip.a", "aws_eip", "{\"instance\": {\"references\": [\"aws_instance.a.id\", \"aws_instance.a\"]}}"),
        (
          "aws_eip_association.b", "aws_eip_association",
          "{\"allocation_id\": {\"references\": [\"aws_eip.b.id\", \"aws_eip.b\"]}, \"instance_id\": {\"references\": [\"aws_instance.b.id\", \"aws_instance.b\"]}}"
        ),
        ("aws_eip.c1", "aws_eip", "{\"instance\": {\"references\": [\"aws_instance.c.id\", \"aws_instance.c\"]}}"),
        ("aws_eip.c2", "aws_eip", "{\"instance\": {\"references\": [\"aws_instance.c.id\", \"aws_instance.c\"]}}"),
      ])
    let result = try Self.estimate(try Self.workspace(plan: plan))
    #expect(TemplateTests.componentCost(result, "aws_instance.a") == Self.oneAddress)
    #expect(TemplateTests.componentCost(result, "aws_instance.b") == Self.oneAddress)
    #expect(TemplateTests.componentCost(result, "aws_instance.c") == Self.twoAddresses)
    #expect(
      Self.owners(result) == [
        "aws_eip.a": "aws_instance.a", "aws_eip.b": "aws_instance.b", "aws_eip.c1": "aws_instance.c",
        "aws_eip.c2": "aws_instance.c",
      ])
  }

  /// The same three instances in CloudFormation: `EIPA` names its instance, `EIPB` is attached
  /// by an `AWS::EC2::EIPAssociation`, `C` holds two; and `D`, whose association names its
  /// address with `EIP: !Ref` (as `aws_eip_association.public_ip` can). The same figures as
  /// Terraform's (C used to be charged one address, and D none: `EIPD` was not priced).
  @Test("CloudFormation charges Elastic IPs on instances as Terraform does, two on one instance included")
  func elasticIPOnInstanceCloudFormation() throws {
    let instance =
      "{Type: AWS::EC2::Instance, Properties: {ImageId: ami-1, InstanceType: t3.micro, NetworkInterfaces: [{DeviceIndex: '0', SubnetId: s, AssociatePublicIpAddress: false}]}}"
    let template = """
      Resources:
        A: \(instance)
        EIPA: {Type: AWS::EC2::EIP, Properties: {Domain: vpc, InstanceId: !Ref A}}
        B: \(instance)
        EIPB: {Type: AWS::EC2::EIP, Properties: {Domain: vpc}}
        Association: {Type: AWS::EC2::EIPAssociation, Properties: {AllocationId: !GetAtt EIPB.AllocationId, InstanceId: !Ref B}}
        C: \(instance)
        EIPC1: {Type: AWS::EC2::EIP, Properties: {Domain: vpc, InstanceId: !Ref C}}
        EIPC2: {Type: AWS::EC2::EIP, Properties: {Domain: vpc, InstanceId: !Ref C}}
        D: \(instance)
        EIPD: {Type: AWS::EC2::EIP, Properties: {Domain: vpc}}
        AssociationD: {Type: AWS::EC2::EIPAssociation, Properties: {EIP: !Ref EIPD, InstanceId: !Ref D}}
      """
    let dir = try HostileTemplateTests.workspace(
      templates: ["t.yml": template], usage: "{}", options: "account: {free_tier: none}")
    let result = try Self.estimate(dir)
    #expect(TemplateTests.componentCost(result, "A") == Self.oneAddress)
    #expect(TemplateTests.componentCost(result, "B") == Self.oneAddress)
    #expect(TemplateTests.componentCost(result, "C") == Self.twoAddresses)
    #expect(TemplateTests.componentCost(result, "D") == Self.oneAddress)
    #expect(try TemplateTests.statuses(result)["EIPD"] == "part-of")
  }

  // MARK: A big plan (item 28)

  /// 5,000 instances, each with its Elastic IP (`count`, the instance known only after apply):
  /// 5,000 × $11.242 = $56,210. Resolving each reference by a scan of the plan took 42 s.
  @Test("5,000 Elastic IPs on 5,000 instances are attributed one to one and priced")
  func bigPlan() throws {
    let n = 5_000
    let resources = (0..<n).flatMap { [Self.instance("aws_instance.w[\($0)]"), Self.eip("aws_eip.e[\($0)]")] }
    let plan = Self.plan(
      resources, unknown: (0..<n).map { ("aws_eip.e[\($0)]", "{\"instance\": true}") },
      config: [("aws_eip.e", "aws_eip", "{\"instance\": {\"references\": [\"aws_instance.w\"]}}")])
    let result = try Self.estimate(try Self.workspace(plan: plan))
    #expect((result["total"] as? [String: String])?["low"] == "56210")
    #expect(TemplateTests.componentCost(result, "aws_instance.w[4999]") == Self.oneAddress)
    #expect(Self.owners(result)["aws_eip.e[4999]"] == "aws_instance.w[4999]")
  }

  // MARK: Duplicate addresses (item 32)

  @Test("an address twice in planned_values or resource_changes is a located error, every one at once")
  func duplicateAddresses() throws {
    let role: Planned = ("aws_iam_role.b", "aws_iam_role", "{}")
    let plan = Self.plan(
      [role, ("aws_iam_role.c", "aws_iam_role", "{}"), role],
      unknown: [("aws_iam_role.c", "{}"), ("aws_iam_role.c", "{}")])
    let dir = try Self.workspace(plan: plan)
    let run = try CLI.run(["estimate", "profile.yaml", "--pricing", TestSupport.testPricingPath], in: dir)
    #expect(run.status == 2)
    #expect(run.stdout.isEmpty)
    // planned_values: lines 3-5; resource_changes: lines 8-9.
    #expect(
      run.stderr.contains(
        "plan.json:5:1: error: planned_values.root_module.resources[2]: address aws_iam_role.b is also at plan.json:3:1"
      ),
      "\(run.stderr)")
    #expect(
      run.stderr.contains(
        "plan.json:9:1: error: resource_changes[1]: address aws_iam_role.c is also at plan.json:8:1"),
      "\(run.stderr)")
  }

  // MARK: Encodings

  /// The fixture plan (see `TemplateTests.terraformPlan`: $79.860335 in all) as PowerShell and
  /// other tools write it: UTF-8 with a byte-order mark, UTF-16 LE and BE with one.
  @Test(
    "a plan in UTF-8 with a BOM or in UTF-16 with one is read as Terraform wrote it",
    arguments: ["utf-8-bom", "utf-16le", "utf-16be"])
  func encodings(encoding: String) throws {
    let text = try String(
      contentsOfFile: TestSupport.path("Tests/BillcastCLITests/Fixtures/terraform/plan.json"), encoding: .utf8)
    let bytes: [UInt8]
    switch encoding {
    case "utf-8-bom": bytes = [0xEF, 0xBB, 0xBF] + Array(text.utf8)
    case "utf-16le": bytes = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    default: bytes = [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    }
    let dir = try Self.workspace(plan: "")
    try Data(bytes).write(to: dir.appendingPathComponent("plan.json"))
    try """
    format: billcast.profile/1
    name: Terraform app
    region: us-east-1
    as_of: 2026-11-01
    account: {free_tier: none}
    workload:
      jobs: 1000000
    architectures:
      terraform:
        terraform_plan: plan.json
        usage:
          aws_nat_gateway.main: {processed_gb: 10}
          module.app.aws_lambda_function.worker: {requests: jobs, duration_ms: 100}
    """.write(to: dir.appendingPathComponent("profile.yaml"), atomically: true, encoding: .utf8)
    let result = try Self.estimate(dir)
    #expect((result["total"] as? [String: String])?["low"] == "79.860335")
  }

  /// A UTF-16 plan's errors are located in characters, and a broken surrogate is refused.
  @Test("a UTF-16 plan's errors are located; invalid UTF-16 is refused")
  func utf16Errors() throws {
    let dir = try Self.workspace(plan: "")
    let broken: [UInt8] = [0xFF, 0xFE] + "{\n  \"é\": ]\n}".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    try Data(broken).write(to: dir.appendingPathComponent("plan.json"))
    let run = try CLI.run(["estimate", "profile.yaml", "--pricing", TestSupport.testPricingPath], in: dir)
    #expect(run.status == 2)
    #expect(run.stderr.contains("plan.json:2:8: error: invalid JSON"), "\(run.stderr)")
    try Data([0xFE, 0xFF, 0x00, 0x7B, 0xD8, 0x00, 0x00, 0x7D]).write(to: dir.appendingPathComponent("plan.json"))
    let surrogate = try CLI.run(["estimate", "profile.yaml", "--pricing", TestSupport.testPricingPath], in: dir)
    #expect(surrogate.status == 2)
    #expect(surrogate.stdout.isEmpty)
    #expect(surrogate.stderr.contains("plan.json:1:2: error: not valid UTF-16"), "\(surrogate.stderr)")
  }
}
