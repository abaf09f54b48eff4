import BillcastTestSupport
import Foundation
import Testing

/// Nested stacks (`AWS::CloudFormation::Stack`, `AWS::Serverless::Application`) whose template
/// is a local path: read as part of the architecture, their resources named `Stack/ID`.
///
/// Lambda in the test catalog: $0.20 per 1M requests and $0.0000166667 per GB-second (x86), no
/// free tier with `account: {free_tier: none}`.
@Suite("Nested stacks")
struct NestedStackTests {
  static let function = "Type: AWS::Lambda::Function"
  static let functionProperties = HostileTemplateTests.functionProperties
  static let usage = "{requests: 1000000, duration_ms: 100}"

  /// A profile reading `templates` with `usage` (one entry a line), without the free tier.
  static func profile(_ templates: String, usage: String) -> String {
    """
    format: billcast.profile/1
    name: nested
    region: us-east-1
    as_of: 2026-11-30
    account: {free_tier: none}
    workload: {}
    architectures:
      a:
        cloudformation: [\(templates)]
        usage:
    \(usage.split(separator: "\n").map { "      " + $0 }.joined(separator: "\n"))
    """
  }

  /// A child template: a function whose memory is the `Memory` parameter (1024 MB unless
  /// `noDefault`), with outputs naming that memory and the function.
  static func child(noDefault: Bool = false) -> String {
    """
    Parameters:
      Memory: {Type: Number\(noDefault ? "" : ", Default: 1024")}
    Resources:
      F:
        \(function)
        Properties: {MemorySize: !Ref Memory, \(functionProperties)}
    Outputs:
      FunctionMemory: {Value: !Ref Memory}
      FunctionArn: {Value: !GetAtt F.Arn}
    """
  }

  @Test("A Stack's local TemplateURL is read: parameters passed, outputs read back, resources named Stack/ID")
  func stackWithParametersAndOutputs() throws {
    let parent = """
      Parameters:
        Mem: {Type: Number, Default: 2048}
      Resources:
        Inner:
          Type: AWS::CloudFormation::Stack
          Properties:
            TemplateURL: ./nested/child.yml
            Parameters: {Memory: !Ref Mem}
        G:
          \(Self.function)
          Properties: {MemorySize: !GetAtt Inner.Outputs.FunctionMemory, \(Self.functionProperties)}
        H:
          \(Self.function)
          Properties: {MemorySize: !Sub '${Inner.Outputs.FunctionMemory}', \(Self.functionProperties)}
      """
    let dir = try TemplateTests.workspace([
      "parent.yml": parent, "nested/child.yml": Self.child(),
      "profile.yaml": Self.profile("parent.yml", usage: "Inner/F: \(Self.usage)\nG: \(Self.usage)\nH: \(Self.usage)"),
    ])
    let result = try #require(TemplateTests.results(try TemplateTests.estimateJSON(dir)).first)
    // Inner/F takes Memory = 2048 from the parent's Mem: 1M × 0.1 s × 2 GB = 200,000 GB-s
    // × $0.0000166667 = $3.33334, + 1M requests × $0.20/1M = $3.53334.
    #expect(TemplateTests.componentCost(result, "Inner/F") == "3.53334")
    // G's MemorySize is the child's output FunctionMemory, 2048 too: $3.53334.
    #expect(TemplateTests.componentCost(result, "G") == "3.53334")
    // H reads the same output through Fn::Sub: $3.53334.
    #expect(TemplateTests.componentCost(result, "H") == "3.53334")
    let statuses = try TemplateTests.statuses(result)
    #expect(statuses["Inner"] == "free")
    #expect(statuses["Inner/F"] == "priced")
    let files = (result["templates"] as? [String: Any])?["files"] as? [String]
    #expect(files?.count == 2 && files?.last?.hasSuffix("nested/child.yml") == true, "\(String(describing: files))")
  }

  @Test("A SAM Application's local Location is read with the child's defaults; a repository application is not priced")
  func serverlessApplication() throws {
    let parent = """
      Transform: AWS::Serverless-2016-10-31
      Resources:
        App:
          Type: AWS::Serverless::Application
          Properties: {Location: app/template.yml}
        Repo:
          Type: AWS::Serverless::Application
          Properties:
            Location: {ApplicationId: 'arn:aws:serverlessrepo:us-east-1:123456789012:applications/x', SemanticVersion: 1.0.0}
      """
    let dir = try TemplateTests.workspace([
      "parent.yml": parent, "app/template.yml": Self.child(),
      "profile.yaml": Self.profile("parent.yml", usage: "App/F: \(Self.usage)"),
    ])
    let result = try #require(TemplateTests.results(try TemplateTests.estimateJSON(dir)).first)
    // No Parameters: Memory takes the child's default 1024: 100,000 GB-s × $0.0000166667 =
    // $1.66667, + $0.20 = $1.86667.
    #expect(TemplateTests.componentCost(result, "App/F") == "1.86667")
    let resources = try #require(result["resources"] as? [[String: Any]])
    let repo = try #require(resources.first { $0["id"] as? String == "Repo" })
    #expect(repo["status"] as? String == "not-priced")
    #expect(
      (repo["reason"] as? String)?.contains(
        "Location names an application of the AWS Serverless Application Repository arn:aws:serverlessrepo:us-east-1:123456789012:applications/x 1.0.0: billcast does not fetch applications"
      ) == true, "\(repo)")
  }

  @Test("A remote TemplateURL stays not priced, with a warning saying billcast does not fetch it")
  func remoteTemplate() throws {
    let parent = """
      Resources:
        Remote:
          Type: AWS::CloudFormation::Stack
          Properties: {TemplateURL: 'https://s3.amazonaws.com/bucket/child.yml'}
        G:
          \(Self.function)
          Properties: {MemorySize: 1024, \(Self.functionProperties)}
      """
    let dir = try TemplateTests.workspace([
      "parent.yml": parent, "profile.yaml": Self.profile("parent.yml", usage: "G: \(Self.usage)"),
    ])
    let run = try CLI.run(["estimate", "profile.yaml", "--pricing", TestSupport.testPricingPath], in: dir)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(
      (run.stdout + run.stderr).contains(
        "Remote (AWS::CloudFormation::Stack, parent.yml:3) is not priced: its TemplateURL https://s3.amazonaws.com/bucket/child.yml is a remote template, and billcast does not fetch templates"
      ), "\(run.stdout)\n\(run.stderr)")
  }

  @Test("A value the parent cannot know stays unknown in the child, and the price asks for it")
  func unknownParameter() throws {
    let parent = """
      Parameters:
        Mem: {Type: Number}
      Resources:
        Inner:
          Type: AWS::CloudFormation::Stack
          Properties: {TemplateURL: child.yml, Parameters: {Memory: !Ref Mem}}
      """
    let dir = try TemplateTests.workspace([
      "parent.yml": parent, "child.yml": Self.child(noDefault: true),
      "profile.yaml": Self.profile("parent.yml", usage: "Inner/F: \(Self.usage)"),
    ])
    let stderr = try HostileCloudFormationTests.refused(dir)
    #expect(
      stderr.contains(
        "MemorySize cannot be resolved statically: parameter Mem has no default and the profile's parameters do not give it; give memory_mb under architectures.a.usage.Inner/F"
      ), "\(stderr)")
  }

  @Test("Errors in a nested template are located in its file; a parameter it does not declare, in the parent")
  func locatedErrors() throws {
    let parent = """
      Resources:
        Inner:
          Type: AWS::CloudFormation::Stack
          Properties: {TemplateURL: child.yml, Parameters: {Memroy: '512'}}
      """
    let child = """
      Parameters:
        Memory: {Type: Number, Default: 1024}
      Resources:
        F:
          \(Self.function)
          Properties: {MemorySize: !Ref Nothing, \(Self.functionProperties)}
      """
    let dir = try TemplateTests.workspace([
      "parent.yml": parent, "child.yml": child,
      "profile.yaml": Self.profile("parent.yml", usage: "Inner/F: \(Self.usage)"),
    ])
    let stderr = try HostileCloudFormationTests.refused(dir)
    #expect(stderr.contains("child.yml:6:30: error:"), "\(stderr)")
    #expect(stderr.contains("Ref 'Nothing'"), "\(stderr)")
    #expect(
      stderr.contains("Inner passes parameter 'Memroy', which child.yml does not declare (did you mean 'Memory'?)"),
      "\(stderr)")
  }

  @Test("A template nesting itself is a located error, naming the chain")
  func cycle() throws {
    let a = "Resources:\n  B: {Type: AWS::CloudFormation::Stack, Properties: {TemplateURL: ./b.yml}}\n"
    let b = "Resources:\n  A: {Type: AWS::CloudFormation::Stack, Properties: {TemplateURL: ./a.yml}}\n"
    let dir = try TemplateTests.workspace(["a.yml": a, "b.yml": b, "profile.yaml": Self.profile("a.yml", usage: "{}")])
    let stderr = try HostileCloudFormationTests.refused(dir)
    #expect(
      stderr.contains(
        "b.yml:2:67: error: Resources.A.Properties.TemplateURL: A nests ./a.yml, a template it is part of (a.yml → b.yml → a.yml)"
      ), "\(stderr)")
  }

  @Test("Nesting stops at five levels: a sixth is a located error")
  func depthCap() throws {
    var files: [String: String] = [:]
    for level in 0...6 {
      files["t\(level).yml"] =
        "Resources:\n  N: {Type: AWS::CloudFormation::Stack, Properties: {TemplateURL: t\(level + 1).yml}}\n"
    }
    files["t7.yml"] = "Resources:\n  W: {Type: AWS::CloudFormation::WaitConditionHandle}\n"
    // t0 is the architecture's; t1 … t5 are five levels of nesting; t5 nesting t6 is the sixth.
    files["profile.yaml"] = Self.profile("t0.yml", usage: "{}")
    let dir = try TemplateTests.workspace(files)
    let stderr = try HostileCloudFormationTests.refused(dir)
    #expect(
      stderr.contains(
        "t5.yml:2:67: error: Resources.N.Properties.TemplateURL: N nests a template more than 5 levels deep (t0.yml → t1.yml → t2.yml → t3.yml → t4.yml → t5.yml → t6.yml)"
      ), "\(stderr)")
  }

  @Test("The architecture's templates and their nested stacks together are at most 100")
  func templateLimit() throws {
    // parent.yml and 100 stacks of leaf.yml: the 100th stack would be the 101st template.
    let stacks = (0..<100).map { "  N\($0): {Type: AWS::CloudFormation::Stack, Properties: {TemplateURL: leaf.yml}}" }
    let dir = try TemplateTests.workspace([
      "parent.yml": "Resources:\n" + stacks.joined(separator: "\n") + "\n",
      "leaf.yml": "Resources:\n  W: {Type: AWS::CloudFormation::WaitConditionHandle}\n",
      "profile.yaml": Self.profile("parent.yml", usage: "{}"),
    ])
    let stderr = try HostileCloudFormationTests.refused(dir)
    #expect(
      stderr.contains(
        "parent.yml:101:69: error: Resources.N99.Properties.TemplateURL: N99 nests one more template, past the 100 templates one architecture reads, nested stacks included"
      ), "\(stderr)")
    #expect(!stderr.contains("N98 nests"), "\(stderr)")
  }

  @Test("init writes the starter with Stack/ID keys, and reads a nested template listed beside its parent once")
  func initStarter() throws {
    let parent = """
      Resources:
        Inner:
          Type: AWS::CloudFormation::Stack
          Properties: {TemplateURL: ./child.yml, Parameters: {Memory: '2048'}}
      """
    let dir = try TemplateTests.workspace(["parent.yml": parent, "child.yml": Self.child()])
    let run = try CLI.run(["init", "--cloudformation", "child.yml", "--cloudformation", "parent.yml"], in: dir)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("      Inner/F:    # AWS::Lambda::Function, priced as aws.lambda"), "\(run.stdout)")
    #expect(run.stdout.contains("Inner (AWS::CloudFormation::Stack): free"), "\(run.stdout)")
    #expect(!run.stdout.contains("      F:"), "\(run.stdout)")
    #expect(
      run.stderr.contains(
        "child.yml: warning: child.yml is the template of Inner, a nested stack of parent.yml: it is read once, as that nested stack"
      ), "\(run.stderr)")
  }
}
