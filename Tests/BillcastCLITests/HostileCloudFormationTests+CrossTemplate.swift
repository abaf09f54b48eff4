import BillcastTestSupport
import Foundation
import Testing

/// References between templates: CloudFormation shares values between stacks only through
/// exports, and billcast says which file defines what a template names.
@Suite("Hostile CloudFormation templates: references across templates")
struct CloudFormationCrossTemplateTests {
  static let importing = """
    Resources:
      F:
        \(HostileTemplateTests.function)
        Properties: {MemorySize: !ImportValue SharedMemory, \(HostileTemplateTests.functionProperties)}
    """
  static let exporting = """
    Resources:
      Sizing: {Type: AWS::SSM::Parameter, Properties: {Type: String, Value: '1024'}}
    Outputs:
      Memory: {Value: '1024', Export: {Name: SharedMemory}}
    """

  @Test("An import of an export that a template beside it defines names that file and how to include it")
  func importFromTemplateLeftOut() throws {
    let dir = try TemplateTests.workspace([
      "a.yml": Self.importing, "b.yml": Self.exporting,
      "profile.yaml": """
      format: billcast.profile/1
      name: x
      region: us-east-1
      workload: {}
      architectures:
        a:
          cloudformation: [a.yml]
          usage: {F: {requests: 1, duration_ms: 1}}
      """,
    ])
    let stderr = try HostileCloudFormationTests.refused(dir)
    #expect(
      stderr.contains(
        "a.yml:4:30: error: Resources.F.Properties.MemorySize: MemorySize cannot be resolved statically: no template of this architecture exports 'SharedMemory'; b.yml exports it (Outputs.Memory) but is not part of the architecture: add it to the architecture's cloudformation list"
      ), "\(stderr)")
  }

  static let referring = """
    Resources:
      G:
        \(HostileTemplateTests.function)
        Properties: {MemorySize: !Ref Sizing, \(HostileTemplateTests.functionProperties)}
    """

  @Test("A Ref to a resource of another template of the architecture names its file and the way to share it")
  func refToAnotherTemplate() throws {
    let dir = try HostileTemplateTests.workspace(
      templates: ["a.yml": Self.referring, "b.yml": Self.exporting], usage: "G: {requests: 1, duration_ms: 1}")
    let stderr = try HostileCloudFormationTests.refused(dir)
    #expect(
      stderr.contains(
        "a.yml:4:30: error: Resources.G.Properties.MemorySize: Ref 'Sizing' names a resource of b.yml, not of this template"
      ), "\(stderr)")
    #expect(stderr.contains("export it from b.yml"))
    #expect(stderr.contains("!ImportValue"))
  }

  @Test("init writes the starter despite a Ref to another template's resource: the value is asked for, with a warning")
  func initAcrossTemplates() throws {
    let dir = try TemplateTests.workspace(["a.yml": Self.referring, "b.yml": Self.exporting])
    let run = try CLI.run(["init", "--cloudformation", "a.yml", "--cloudformation", "b.yml"], in: dir)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(
      run.stderr.contains(
        "a.yml:4:30: warning: Resources.G.Properties.MemorySize: Ref 'Sizing' names a resource of b.yml"),
      "\(run.stderr)")
    #expect(run.stdout.contains("G:"), "\(run.stdout)")
    #expect(run.stdout.contains("Sizing is a resource of b.yml"), "\(run.stdout)")
    #expect(run.stdout.contains("memory_mb: ~"), "\(run.stdout)")
  }
}
