import BillcastTestSupport
import Foundation
import Testing

/// Templates built to break the reader (issue 24): self-referencing mappings, chains of
/// conditions and imports deep enough to overflow a recursive resolver, and template facts
/// that used to be priced wrong without a word.
@Suite("Hostile templates")
struct HostileTemplateTests {
  /// A profile pricing the CloudFormation `templates` with `usage`, in a fresh folder.
  static func workspace(templates: [String: String], usage: String, options: String = "") throws -> URL {
    let names = templates.keys.sorted().joined(separator: ", ")
    let profile = """
      format: billcast.profile/1
      name: hostile
      region: us-east-1
      as_of: 2026-11-30
      \(options)
      workload: {}
      scenarios: {s: {}}
      architectures:
        a:
          cloudformation: [\(names)]
          usage:
      \(usage.split(separator: "\n").map { "      " + $0 }.joined(separator: "\n"))
      """
    return try TemplateTests.workspace(templates.merging(["profile.yaml": profile]) { a, _ in a })
  }

  static let function = "Type: AWS::Lambda::Function"
  static let functionProperties = "Runtime: nodejs20.x, Handler: x, Code: {ZipFile: x}, Role: r"

  @Test("A mapping that looks itself up is refused, located, in estimate and init (it overflowed the stack)")
  func selfReferencingMapping() throws {
    let template = """
      Mappings: {M: {a: {b: !FindInMap [M, a, b]}}, N: {x: {y: !FindInMap [O, x, y]}}, O: {x: {y: !FindInMap [N, x, y]}}}
      Resources:
        F:
          \(Self.function)
          Properties: {MemorySize: !FindInMap [M, a, b], \(Self.functionProperties)}
      """
    let dir = try Self.workspace(templates: ["t.yml": template], usage: "F: {requests: 1, duration_ms: 100}")
    let estimate = try CLI.run(["estimate", "profile.yaml"], in: dir)
    #expect(estimate.status == 2)
    #expect(estimate.stdout.isEmpty)
    #expect(estimate.stderr.contains("t.yml:1:23: error:"), "\(estimate.stderr)")
    #expect(estimate.stderr.contains("Fn::FindInMap inside Mappings (at Mappings.M.a.b)"))
    #expect(estimate.stderr.contains("Fn::FindInMap inside Mappings (at Mappings.N.x.y)"))
    #expect(estimate.stderr.contains("Fn::FindInMap inside Mappings (at Mappings.O.x.y)"))
    let initRun = try CLI.run(["init", "--cloudformation", "t.yml"], in: dir)
    #expect(initRun.status == 2)
    #expect(initRun.stderr.contains("inside Mappings"), "\(initRun.stderr)")
  }

  @Test("16,000 chained conditions are decided without recursing once per link")
  func longConditionChain() throws {
    // C0 is true; each next one negates the one before, so C15999 (odd) is false: F is not created.
    var lines = ["Conditions:", "  C0: !Equals [a, a]"]
    for i in 1..<16_000 { lines.append("  C\(i): !Not [!Condition C\(i - 1)]") }
    lines += [
      "Resources:", "  F:", "    \(Self.function)", "    Condition: C15999",
      "    Properties: {MemorySize: 128, \(Self.functionProperties)}",
      "  G:", "    \(Self.function)", "    Condition: C15998",
      "    Properties: {MemorySize: 128, \(Self.functionProperties)}",
    ]
    let dir = try Self.workspace(
      templates: ["t.yml": lines.joined(separator: "\n")], usage: "G: {requests: 1, duration_ms: 100}")
    let json = try TemplateTests.estimateJSON(dir)
    let statuses = try TemplateTests.statuses(try #require(TemplateTests.results(json).first))
    #expect(statuses["F"] == "not-created")
    #expect(statuses["G"] == "priced")
  }

  @Test("6,000 exports importing each other across two templates resolve without recursing once per link")
  func longImportChain() throws {
    // E0 = 1024; E(i) imports E(i-1); F's MemorySize imports E5999, so F has 1 GB.
    var a = ["Resources:", "  F:", "    \(Self.function)"]
    a.append("    Properties: {MemorySize: !ImportValue E5999, \(Self.functionProperties)}")
    a.append("Outputs:")
    var b = ["Resources:", "  B: {Type: AWS::CloudFormation::WaitConditionHandle}", "Outputs:"]
    for i in 0..<6_000 {
      let line = "  O\(i): {Value: \(i == 0 ? "1024" : "!ImportValue E\(i - 1)"), Export: {Name: E\(i)}}"
      if i.isMultiple(of: 2) { a.append(line) } else { b.append(line) }
    }
    let dir = try Self.workspace(
      templates: ["a.yml": a.joined(separator: "\n"), "b.yml": b.joined(separator: "\n")],
      usage: "F: {requests: 1000000, duration_ms: 1000}", options: "account: {free_tier: none}")
    let json = try TemplateTests.estimateJSON(dir)
    let result = try #require(TemplateTests.results(json).first)
    // 1M requests × $0.20/1M = $0.20; 1M × 1 s × 1 GB = 1,000,000 GB-s × $0.0000166667 = $16.6667.
    // $0.20 + $16.6667 = $16.8667
    #expect(TemplateTests.componentCost(result, "F") == "16.8667")
  }

  static func schedule(_ id: String, _ expression: String) -> String {
    """
      \(id):
        Type: AWS::Scheduler::Schedule
        Properties:
          ScheduleExpression: '\(expression)'
          FlexibleTimeWindow: {Mode: 'OFF'}
          Target: {Arn: arn, RoleArn: role}
    """
  }

  @Test("A cron(…) schedule is counted on the calendar; a malformed expression is a located error, never $0")
  func schedules() throws {
    // cron(0 3 * * ? *): once a day, 730 / 24 = 30.4166… runs in a 730-hour month; with no free
    // tier, 30.4166… invocations × $1.00 / 1,000,000 = $0.0000304166…
    let template = "Resources:\n" + Self.schedule("Nightly", "cron(0 3 * * ? *)")
    let counted = try Self.workspace(templates: ["t.yml": template], usage: "{}", options: "account: {free_tier: none}")
    let json = try TemplateTests.estimateJSON(counted)
    let result = try #require(TemplateTests.results(json).first)
    #expect(try TemplateTests.statuses(result)["Nightly"] == "priced")
    #expect(TemplateTests.componentCost(result, "Nightly")?.hasPrefix("0.00003041666") == true)
    for bad in [
      "rate(0 hours)", "rate(five minutes)", "rate(5 weeks)", "every day", "cron(0 3 * * *)", "cron(0 3 * * MON *)",
      "at(2027-13-01T00:00:00)",
    ] {
      let dir = try Self.workspace(templates: ["t.yml": "Resources:\n" + Self.schedule("Bad", bad)], usage: "{}")
      let r = try CLI.run(["estimate", "profile.yaml"], in: dir)
      #expect(r.status == 2, "\(bad)")
      #expect(r.stderr.contains("ScheduleExpression '\(bad)' is not a schedule"), "\(bad): \(r.stderr)")
    }
    // An EventBridge rule's unit must be singular for 1 and plural above (the rules' guide);
    // Scheduler takes either (its API: minute | minutes | hour | hours | day | days), as AWS's
    // own serverless-patterns deploy `rate(5 minute)` schedules.
    for (bad, good) in [("rate(5 minute)", "rate(1 minutes)"), ("rate(1 hours)", "rate(2 hour)")] {
      let rule = "  Bad:\n    Type: AWS::Events::Rule\n    Properties: {ScheduleExpression: '\(bad)'}\n"
      let dir = try Self.workspace(
        templates: ["t.yml": "Resources:\n" + rule + Self.schedule("Good", good)], usage: "{}")
      let r = try CLI.run(["estimate", "profile.yaml"], in: dir)
      #expect(r.status == 2, "\(bad)")
      #expect(
        r.stderr.contains(
          "ScheduleExpression '\(bad)' is not a schedule: a rate's UNIT is minute, hour or day (minutes, hours, days above 1)"
        ), "\(bad): \(r.stderr)")
      #expect(!r.stderr.contains("'\(good)'"), "\(good): \(r.stderr)")
    }
    // rate(5 minutes): 730 h × 60 / 5 = 8,760 invocations in a 730-hour month, also free.
    let rate = try Self.workspace(
      templates: ["t.yml": "Resources:\n" + Self.schedule("Often", "rate(5 minutes)")], usage: "{}")
    #expect(
      try TemplateTests.statuses(try #require(TemplateTests.results(try TemplateTests.estimateJSON(rate)).first))[
        "Often"] == "priced")
  }
}
