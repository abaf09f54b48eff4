import BillcastTestSupport
import Foundation
import Testing

/// Terraform plans built to break the reader (issue 24, round 2): `count` and `for_each`
/// instances told apart, Elastic IPs charged as CloudFormation charges them, big plans read in
/// linear time, duplicate addresses refused, and plans in every encoding Terraform writes.
@Suite("Hostile Terraform plans")
struct HostileTerraformTests {
  /// A JSON string literal.
  static func json(_ s: String) -> String {
    "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
  }

  /// One planned resource, one line: `(address, type, values)`.
  typealias Planned = (address: String, type: String, values: String)

  /// The JSON of `terraform show -json` for root-module `resources` (one a line), the
  /// `after_unknown` of some of them, and `configuration` resources `(address, type, expressions)`.
  static func plan(
    _ resources: [Planned], unknown: [(String, String)] = [], config: [(String, String, String)] = []
  ) -> String {
    func name(_ address: String) -> String {
      String(address.split(separator: ".")[1].prefix { $0 != "[" })
    }
    let planned = resources.map {
      "{\"address\": \(json($0.address)), \"mode\": \"managed\", \"type\": \"\($0.type)\", \"name\": \"\(name($0.address))\", \"values\": \($0.values)}"
    }
    let changes = unknown.map {
      "{\"address\": \(json($0.0)), \"mode\": \"managed\", \"change\": {\"actions\": [\"create\"], \"after_unknown\": \($0.1)}}"
    }
    let configured = config.map {
      "{\"address\": \(json($0.0)), \"mode\": \"managed\", \"type\": \"\($0.1)\", \"name\": \"\(name($0.0))\", \"expressions\": \($0.2)}"
    }
    return """
      {"format_version": "1.2", "terraform_version": "1.9.5",
      "planned_values": {"root_module": {"resources": [
      \(planned.joined(separator: ",\n"))
      ]}},
      "resource_changes": [
      \(changes.joined(separator: ",\n"))
      ],
      "configuration": {"root_module": {"resources": [
      \(configured.joined(separator: ",\n"))
      ]}}}
      """
  }

  /// A profile pricing `plan.json` with `usage` (a YAML flow mapping's entries), no free tier.
  static func workspace(plan: String, usage: String = "") throws -> URL {
    let profile = """
      format: billcast.profile/1
      name: hostile
      region: us-east-1
      as_of: 2026-11-30
      account: {free_tier: none}
      workload: {}
      scenarios: {s: {}}
      architectures:
        a:
          terraform_plan: plan.json
          usage: {\(usage)}
      """
    return try TemplateTests.workspace(["plan.json": plan, "profile.yaml": profile])
  }

  static func estimate(_ dir: URL) throws -> [String: Any] {
    try #require(TemplateTests.results(try TemplateTests.estimateJSON(dir)).first)
  }

  /// Each part-of resource's owner, by id.
  static func owners(_ result: [String: Any]) -> [String: String] {
    let resources = result["resources"] as? [[String: Any]] ?? []
    return Dictionary(
      uniqueKeysWithValues: resources.compactMap { r in (r["part_of"] as? String).map { (r["id"] as! String, $0) } })
  }

  static func warnings(_ result: [String: Any]) -> [String] {
    (result["warnings"] as? [[String: Any]] ?? []).compactMap { w in
      (w["code"] as? String).map { "\($0): \(w["message"] as? String ?? "")" }
    }
  }

  // MARK: count and for_each (item 17)

  static func cluster(_ address: String, _ identifier: String?) -> Planned {
    let id = identifier.map { "\"cluster_identifier\": \(json($0)), " } ?? ""
    return (
      address, "aws_rds_cluster",
      "{\(id)\"engine\": \"aurora-postgresql\", \"serverlessv2_scaling_configuration\": [{\"min_capacity\": 1, \"max_capacity\": 1}]}"
    )
  }

  static func clusterInstance(_ address: String, _ identifier: String?) -> Planned {
    let id = identifier.map { "\"cluster_identifier\": \(json($0)), " } ?? ""
    return (address, "aws_rds_cluster_instance", "{\(id)\"instance_class\": \"db.serverless\"}")
  }

  static let clusterReference = [
    (
      "aws_rds_cluster_instance.i", "aws_rds_cluster_instance",
      "{\"cluster_identifier\": {\"references\": [\"aws_rds_cluster.c\"]}}"
    )
  ]

  /// Two `count` clusters and three instances whose planned `cluster_identifier` names their own
  /// cluster: one for `c[0]`, two for `c[1]` (all `db.serverless`, 1 ACU each, awake all month).
  /// - c[0]: 1 instance × 1 ACU × 730 h × $0.12 = $87.60.
  /// - c[1]: 2 instances × 1 ACU × 730 h × $0.12 = $175.20.
  /// (Each used to count all three instances: $262.80 each.)
  @Test("each count instance of an Aurora cluster counts only the instances whose cluster_identifier is its own")
  func auroraCountByValue() throws {
    let plan = Self.plan(
      [
        Self.cluster("aws_rds_cluster.c[0]", "db-0"), Self.cluster("aws_rds_cluster.c[1]", "db-1"),
        Self.clusterInstance("aws_rds_cluster_instance.i[0]", "db-0"),
        Self.clusterInstance("aws_rds_cluster_instance.i[1]", "db-1"),
        Self.clusterInstance("aws_rds_cluster_instance.i[2]", "db-1"),
      ], config: Self.clusterReference)
    let result = try Self.estimate(try Self.workspace(plan: plan, usage: "aws_rds_cluster.c: {storage_gb: 0}"))
    #expect(TemplateTests.componentCost(result, "aws_rds_cluster.c[0]") == "87.6")
    #expect(TemplateTests.componentCost(result, "aws_rds_cluster.c[1]") == "175.2")
    #expect((result["total"] as? [String: String])?["low"] == "262.8")
    #expect(
      Self.owners(result) == [
        "aws_rds_cluster_instance.i[0]": "aws_rds_cluster.c[0]",
        "aws_rds_cluster_instance.i[1]": "aws_rds_cluster.c[1]",
        "aws_rds_cluster_instance.i[2]": "aws_rds_cluster.c[1]",
      ])
    #expect(!Self.warnings(result).contains { $0.hasPrefix("ambiguous-reference") })
  }

  /// `for_each` clusters `c["a"]`, `c["b"]` and instances `i["a"]`, `i["b"]` whose
  /// `cluster_identifier` is known only after apply: each instance goes with the cluster of its
  /// own key, with a notice. Each cluster: 1 × 1 ACU × 730 h × $0.12 = $87.60 (used to be $175.20).
  @Test("for_each instances the plan cannot tell apart go by instance key, with a notice")
  func auroraForEachByKey() throws {
    let plan = Self.plan(
      [
        Self.cluster("aws_rds_cluster.c[\"a\"]", nil), Self.cluster("aws_rds_cluster.c[\"b\"]", nil),
        Self.clusterInstance("aws_rds_cluster_instance.i[\"a\"]", nil),
        Self.clusterInstance("aws_rds_cluster_instance.i[\"b\"]", nil),
      ],
      unknown: [
        ("aws_rds_cluster_instance.i[\"a\"]", "{\"cluster_identifier\": true}"),
        ("aws_rds_cluster_instance.i[\"b\"]", "{\"cluster_identifier\": true}"),
      ], config: Self.clusterReference)
    let result = try Self.estimate(try Self.workspace(plan: plan, usage: "aws_rds_cluster.c: {storage_gb: 0}"))
    #expect(TemplateTests.componentCost(result, "aws_rds_cluster.c[\"a\"]") == "87.6")
    #expect(TemplateTests.componentCost(result, "aws_rds_cluster.c[\"b\"]") == "87.6")
    #expect(Self.owners(result)["aws_rds_cluster_instance.i[\"b\"]"] == "aws_rds_cluster.c[\"b\"]")
    let notices = Self.warnings(result).filter { $0.hasPrefix("ambiguous-reference") }
    #expect(notices.count == 1, "\(Self.warnings(result))")
    #expect(notices.first?.contains("by instance key") == true, "\(notices)")
  }

  /// Two `count` clusters and four instances the plan cannot attribute (their keys 2 and 3 name
  /// no cluster): they are dealt out in turn, two to each, never counted twice, with a notice.
  /// Each cluster: 2 × 1 ACU × 730 h × $0.12 = $175.20; in all 4 × $87.60 = $350.40 (it used
  /// to be $350.40 for each cluster: $700.80).
  @Test("instances the plan cannot attribute are divided among the clusters, not multiplied")
  func auroraCountDivided() throws {
    let instances = (0..<4).map { Self.clusterInstance("aws_rds_cluster_instance.i[\($0)]", nil) }
    let plan = Self.plan(
      [Self.cluster("aws_rds_cluster.c[0]", nil), Self.cluster("aws_rds_cluster.c[1]", nil)] + instances,
      unknown: instances.map { ($0.address, "{\"cluster_identifier\": true}") }, config: Self.clusterReference)
    let result = try Self.estimate(try Self.workspace(plan: plan, usage: "aws_rds_cluster.c: {storage_gb: 0}"))
    #expect(TemplateTests.componentCost(result, "aws_rds_cluster.c[0]") == "175.2")
    #expect(TemplateTests.componentCost(result, "aws_rds_cluster.c[1]") == "175.2")
    #expect((result["total"] as? [String: String])?["low"] == "350.4")
    #expect(Self.owners(result)["aws_rds_cluster_instance.i[2]"] == "aws_rds_cluster.c[0]")
    #expect(Self.owners(result)["aws_rds_cluster_instance.i[3]"] == "aws_rds_cluster.c[1]")
    let notices = Self.warnings(result).filter { $0.hasPrefix("ambiguous-reference") }
    #expect(notices.count == 1 && notices[0].contains("in turn"), "\(Self.warnings(result))")
  }

  static func service(_ address: String, _ taskDefinition: String?) -> Planned {
    let td = taskDefinition.map { "\"task_definition\": \(json($0)), " } ?? ""
    return (
      address, "aws_ecs_service",
      "{\(td)\"launch_type\": \"FARGATE\", \"desired_count\": 1, \"network_configuration\": [{\"assign_public_ip\": false}]}"
    )
  }

  static func taskDefinition(_ address: String, family: String, cpu: String, memory: String) -> Planned {
    (
      address, "aws_ecs_task_definition",
      "{\"family\": \(json(family)), \"cpu\": \"\(cpu)\", \"memory\": \"\(memory)\"}"
    )
  }

  static let taskReference = [
    ("aws_ecs_service.s", "aws_ecs_service", "{\"task_definition\": {\"references\": [\"aws_ecs_task_definition.t\"]}}")
  ]

  /// One task on Fargate, x86_64, 730 hours:
  /// - small (256 CPU units, 512 MiB): 0.25 vCPU × 730 × $0.04048 = $7.3876, 0.5 GB × 730 ×
  ///   $0.004445 = $1.622425: $9.010025.
  /// - large (1,024, 2,048 MiB): 1 × 730 × $0.04048 = $29.5504, 2 × 730 × $0.004445 = $6.4897: $36.0401.
  static let small = "9.010025", large = "36.0401"

  /// `for_each` services whose planned `task_definition` is the family (`.family`), in another
  /// order than the definitions' keys: each takes its own definition's size, not the first's.
  @Test("each for_each ECS service takes the size of the task definition its task_definition names")
  func ecsForEachByValue() throws {
    let plan = Self.plan(
      [
        Self.taskDefinition("aws_ecs_task_definition.t[\"small\"]", family: "app-small", cpu: "256", memory: "512"),
        Self.taskDefinition("aws_ecs_task_definition.t[\"large\"]", family: "app-large", cpu: "1024", memory: "2048"),
        Self.service("aws_ecs_service.s[\"x\"]", "app-large"), Self.service("aws_ecs_service.s[\"y\"]", "app-small:3"),
      ], config: Self.taskReference)
    let result = try Self.estimate(try Self.workspace(plan: plan))
    #expect(TemplateTests.componentCost(result, "aws_ecs_service.s[\"x\"]") == Self.large)
    #expect(TemplateTests.componentCost(result, "aws_ecs_service.s[\"y\"]") == Self.small)
    #expect(
      Self.owners(result) == [
        "aws_ecs_task_definition.t[\"small\"]": "aws_ecs_service.s[\"y\"]",
        "aws_ecs_task_definition.t[\"large\"]": "aws_ecs_service.s[\"x\"]",
      ])
  }

  /// `count` services whose `task_definition` (an ARN) is known only after apply take the
  /// definition with their own index: s[1] is large, not small.
  @Test("count ECS services with an unknown task_definition take the definition of their own index")
  func ecsCountByKey() throws {
    let plan = Self.plan(
      [
        Self.taskDefinition("aws_ecs_task_definition.t[0]", family: "app-0", cpu: "256", memory: "512"),
        Self.taskDefinition("aws_ecs_task_definition.t[1]", family: "app-1", cpu: "1024", memory: "2048"),
        Self.service("aws_ecs_service.s[0]", nil), Self.service("aws_ecs_service.s[1]", nil),
      ],
      unknown: [
        ("aws_ecs_service.s[0]", "{\"task_definition\": true}"),
        ("aws_ecs_service.s[1]", "{\"task_definition\": true}"),
      ], config: Self.taskReference)
    let result = try Self.estimate(try Self.workspace(plan: plan))
    #expect(TemplateTests.componentCost(result, "aws_ecs_service.s[0]") == Self.small)
    #expect(TemplateTests.componentCost(result, "aws_ecs_service.s[1]") == Self.large)
    #expect(Self.owners(result)["aws_ecs_task_definition.t[1]"] == "aws_ecs_service.s[1]")
  }
}

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
  /// by an `AWS::EC2::EIPAssociation`, `C` holds two. The same figures as Terraform's.
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
      """
    let dir = try HostileTemplateTests.workspace(
      templates: ["t.yml": template], usage: "{}", options: "account: {free_tier: none}")
    let result = try Self.estimate(dir)
    #expect(TemplateTests.componentCost(result, "A") == Self.oneAddress)
    #expect(TemplateTests.componentCost(result, "B") == Self.oneAddress)
    #expect(TemplateTests.componentCost(result, "C") == Self.twoAddresses)
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
    let run = try CLI.run(["estimate", "profile.yaml", "--pricing", TestSupport.path("pricing")], in: dir)
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
    let run = try CLI.run(["estimate", "profile.yaml", "--pricing", TestSupport.path("pricing")], in: dir)
    #expect(run.status == 2)
    #expect(run.stderr.contains("plan.json:2:8: error: invalid JSON"), "\(run.stderr)")
    try Data([0xFE, 0xFF, 0x00, 0x7B, 0xD8, 0x00, 0x00, 0x7D]).write(to: dir.appendingPathComponent("plan.json"))
    let surrogate = try CLI.run(["estimate", "profile.yaml", "--pricing", TestSupport.path("pricing")], in: dir)
    #expect(surrogate.status == 2)
    #expect(surrogate.stdout.isEmpty)
    #expect(surrogate.stderr.contains("plan.json:1:2: error: not valid UTF-16"), "\(surrogate.stderr)")
  }
}
