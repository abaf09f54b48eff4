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

  /// Two instances of a `for_each` module, each with a service and its task definition: each
  /// service takes the definition of its own module instance (`module.a["y"]` is large, not small).
  @Test("references stay within their module instance")
  func moduleInstances() throws {
    func module(_ key: String, cpu: String, memory: String) -> String {
      let prefix = "module.a[\\\"\(key)\\\"]"
      return """
        {"address": "\(prefix)", "resources": [
        {"address": "\(prefix).aws_ecs_task_definition.t", "mode": "managed", "type": "aws_ecs_task_definition", "name": "t", "values": {"family": "\(key)", "cpu": "\(cpu)", "memory": "\(memory)"}},
        {"address": "\(prefix).aws_ecs_service.s", "mode": "managed", "type": "aws_ecs_service", "name": "s", "values": {"launch_type": "FARGATE", "desired_count": 1, "network_configuration": [{"assign_public_ip": false}]}}]}
        """
    }
    let unknown = ["x", "y"].map {
      "{\"address\": \"module.a[\\\"\($0)\\\"].aws_ecs_service.s\", \"change\": {\"after_unknown\": {\"task_definition\": true}}}"
    }
    let plan = """
      {"format_version": "1.2", "planned_values": {"root_module": {"child_modules": [
      \(module("x", cpu: "256", memory: "512")), \(module("y", cpu: "1024", memory: "2048"))]}},
      "resource_changes": [\(unknown.joined(separator: ", "))],
      "configuration": {"root_module": {"module_calls": {"a": {"module": {"resources": [
      {"address": "aws_ecs_service.s", "mode": "managed", "type": "aws_ecs_service", "name": "s", "expressions": {"task_definition": {"references": ["aws_ecs_task_definition.t.arn", "aws_ecs_task_definition.t"]}}}
      ]}}}}}}
      """
    let result = try Self.estimate(try Self.workspace(plan: plan))
    #expect(TemplateTests.componentCost(result, "module.a[\"x\"].aws_ecs_service.s") == Self.small)
    #expect(TemplateTests.componentCost(result, "module.a[\"y\"].aws_ecs_service.s") == Self.large)
    #expect(!Self.warnings(result).contains { $0.hasPrefix("ambiguous-reference") })
  }
}
