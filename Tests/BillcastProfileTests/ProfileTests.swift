import BillcastCore
import BillcastProfile
import BillcastTestSupport
import Testing

@Suite("Usage profiles")
struct ProfileTests {
  @Test func exampleLoads() throws {
    let profile = try Profile.load(path: TestSupport.path("examples/job-posting-analyzer.yaml"))
    #expect(profile.name == "Job Posting Analyzer")
    #expect(profile.scenarios.map(\.name) == ["minimum", "active-development", "occasional-demos"])
    #expect(profile.architectures.map(\.name) == ["lambda-cloudfront", "app-runner", "ec2", "ecs-fargate"])
    #expect(
      profile.account
        == Account(freeTier: .legacy, opened: CalendarDate("2024-06-01"), location: profile.account.location))
    #expect(profile.workload.first { $0.name == "page_views" }?.value == .range(.number(1000), .number(5000)))
  }

  @Test func everyProblemAtOnce() {
    let text = """
      format: billcast.profile/1
      name: t
      region: us-east-1
      acount: {}
      workload:
        page_views: 12abc
        a: b + 1
        b: a * 2
        c: missing * 2
      scenarios:
        busy:
          workload:
            page_view: 5
      architectures:
        web:
          components:
            fn:
              service: aws.lambda
              inputs:
                requests: page_views
      """
    let messages = TestSupport.profileDiagnostics(text).map(\.description)
    let expected = [
      "profile.yaml:4:1: error: acount: unknown key 'acount' (did you mean 'account'?)",
      "profile.yaml:6:15: error: workload.page_views: invalid formula '12abc': '12abc' is not a number",
      "profile.yaml:7:6: error: workload.a: workload variables refer to each other in a cycle: a → b → a",
      "profile.yaml:9:6: error: workload.c: the formula names 'missing', which is not a workload variable",
      "profile.yaml:13:7: error: scenarios.busy.workload.page_view: 'page_view' is not a workload variable (did you mean 'page_views'?)",
    ]
    for e in expected {
      #expect(messages.contains { $0.hasPrefix(e) }, "missing: \(e)\n\(messages.joined(separator: "\n"))")
    }
  }

  @Test func accountRules() {
    func errors(_ account: String) -> [String] {
      TestSupport.profileDiagnostics(
        "format: billcast.profile/1\nname: t\nregion: r\naccount: \(account)\narchitectures:\n  a:\n    components:\n      c: {service: s}\n"
      ).map(\.message)
    }
    #expect(errors("{free_tier: legacy, opened: 2025-08-01}").contains { $0.contains("credit-based") })
    #expect(
      errors("{free_tier: credits, opened: 2024-01-01, credits: 200}").contains { $0.contains("legacy free tier") })
    #expect(errors("{free_tier: credits, opened: 2025-09-01, credits: 250}").contains { $0.contains("at most $200") })
    #expect(errors("{free_tier: legacy}").contains { $0.contains("needs 'opened'") })
    #expect(errors("{free_tier: credits, opened: 2025-09-01, credits: 100}").isEmpty)
  }
}
