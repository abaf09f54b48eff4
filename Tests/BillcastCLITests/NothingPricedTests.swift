import BillcastTestSupport
import Foundation
import Testing

/// Templates and plans with nothing billcast prices: their starter estimates to $0 and lists
/// every resource, instead of a starter that the estimate refuses.
@Suite("Nothing priced")
struct NothingPricedTests {
  @Test("init's starter for a template of free and unpriced resources estimates to $0 and names each")
  func template() throws {
    let dir = try TemplateTests.workspace([
      "t.yml": """
      Resources:
        Policy:
          Type: AWS::SNS::TopicPolicy
          Properties: {Topics: [x], PolicyDocument: {}}
        Widget:
          Type: AWS::Foo::Bar
      """
    ])
    let starter = try CLI.run(["init", "--cloudformation", "t.yml", "--output", "profile.yaml"], in: dir)
    #expect(starter.status == 0, "\(starter.stderr)")
    let profile = try String(contentsOf: dir.appendingPathComponent("profile.yaml"), encoding: .utf8)
    #expect(profile.contains("    usage: {}    # nothing in the templates is priced"), "\(profile)")
    let run = try CLI.run(["estimate", "profile.yaml"], in: dir)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("Pricing: no table used (nothing is priced)"), "\(run.stdout)")
    #expect(run.stdout.contains("default   $0.00"), "\(run.stdout)")
    #expect(run.stdout.contains("- Free: Policy (AWS::SNS::TopicPolicy)"), "\(run.stdout)")
    #expect(
      run.stdout.contains(
        "- [unpriced-resource] Widget (AWS::Foo::Bar, t.yml:6) is not priced: billcast has no pricing for AWS::Foo::Bar yet"
      ), "\(run.stdout)")
    let json = try TemplateTests.estimateJSON(dir)
    let result = try #require(TemplateTests.results(json).first)
    #expect((result["total"] as? [String: String]) == ["low": "0", "high": "0"])
    #expect(try TemplateTests.statuses(result) == ["Policy": "free", "Widget": "not-priced"])
  }

  @Test("A hand-written architecture still needs a component")
  func handWritten() throws {
    let dir = try TemplateTests.workspace([
      "profile.yaml":
        "format: billcast.profile/1\nname: n\nregion: us-east-1\narchitectures:\n  a:\n    components: {}\n"
    ])
    let run = try CLI.run(["estimate", "profile.yaml"], in: dir)
    #expect(run.status == 2)
    #expect(
      run.stderr.contains(
        "profile.yaml:6:17: error: architectures.a.components: an architecture needs at least one component"),
      "\(run.stderr)")
    #expect(run.stdout.isEmpty)
  }
}
