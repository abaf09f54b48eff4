import BillcastCore
import Testing

@testable import BillcastProfile

/// `Fn::ForEach` loops, expanded as the `AWS::LanguageExtensions` transform documents them
/// (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-foreach.html).
@Suite("Fn::ForEach loops")
struct ForEachExpansionTests {
  /// The template read from `text`, with the diagnostics reading it gave.
  static func read(_ text: String, parameters: [String: String] = [:]) throws -> (
    CloudFormationTemplate?, [Diagnostic]
  ) {
    let diagnostics = DiagnosticCollector()
    let document = try YAMLDocument.parse(text, path: "t.yaml")
    let root = TemplateNode.from(yaml: document.root, file: "t.yaml", path: "", diagnostics: diagnostics)
    let template = CloudFormationTemplate.read(
      root, file: "t.yaml", diagnostics: diagnostics, parameterValues: parameters)
    return (template, diagnostics.diagnostics)
  }

  @Test("a loop over a list makes one resource per value: ${x} and Ref x take the value, &{x} its letters and digits")
  func resourcesFromAList() throws {
    let (template, problems) = try Self.read(
      """
      Transform: AWS::LanguageExtensions
      Resources:
        Fn::ForEach::Queues:
          - Name
          - [orders, pay-ments]
          - Queue&{Name}:
              Type: AWS::SQS::Queue
              Properties:
                QueueName: !Ref Name
                Tag: !Sub 'app-${Name}'
        Other:
          Type: AWS::SNS::Topic
      """)
    #expect(problems.isEmpty, "\(problems)")
    let t = try #require(template)
    // Two values make two queues; "pay-ments" loses its hyphen in the logical ID (&{}) only.
    #expect(t.resources.map(\.id) == ["Queueorders", "Queuepayments", "Other"])
    #expect(t.resources[1].properties["QueueName"]?.text == "pay-ments")
    #expect(t.resources[1].properties["Tag"]?["Fn::Sub"]?.text == "app-pay-ments")
  }

  @Test("nested loops make every combination; a loop inside Properties makes properties")
  func nestedAndPropertyLoops() throws {
    let (template, problems) = try Self.read(
      """
      Transform: [AWS::LanguageExtensions]
      Resources:
        Fn::ForEach::Envs:
          - Env
          - [dev, prod]
          - Fn::ForEach::Sizes:
              - Size
              - ['128', '512']
              - Fn${Env}${Size}:
                  Type: AWS::Lambda::Function
                  Properties:
                    MemorySize: !Ref Size
                    Fn::ForEach::Vars:
                      - V
                      - [A, B]
                      - Var${V}: ${Env}
      """)
    #expect(problems.isEmpty, "\(problems)")
    let t = try #require(template)
    // 2 environments × 2 sizes = 4 functions, in loop order.
    #expect(t.resources.map(\.id) == ["Fndev128", "Fndev512", "Fnprod128", "Fnprod512"])
    let last = t.resources[3].properties
    #expect(last["MemorySize"]?.text == "512")
    #expect(last["VarA"]?.text == "prod")
    #expect(last["VarB"]?.text == "prod")
  }

  @Test("a collection that is a Ref to a CommaDelimitedList takes the profile's value, else the default")
  func collectionFromAParameter() throws {
    let text = """
      Transform: AWS::LanguageExtensions
      Parameters:
        Names: {Type: CommaDelimitedList, Default: "a, b"}
      Conditions:
        Fn::ForEach::Checks:
          - N
          - !Ref Names
          - Is${N}: !Equals [!Ref N, a]
      Resources:
        Fn::ForEach::Buckets:
          - N
          - !Ref Names
          - Bucket${N}:
              Type: AWS::S3::Bucket
      Outputs:
        Fn::ForEach::Out:
          - N
          - !Ref Names
          - Out${N}: {Value: !Ref N}
      """
    let (byDefault, problems) = try Self.read(text)
    #expect(problems.isEmpty, "\(problems)")
    // The default "a, b" is two members, each space-trimmed as CloudFormation trims them.
    #expect(try #require(byDefault).resources.map(\.id) == ["Bucketa", "Bucketb"])
    #expect(try #require(byDefault).conditions.map(\.name) == ["Isa", "Isb"])
    #expect(try #require(byDefault).outputs.map(\.name) == ["Outa", "Outb"])
    let (given, _) = try Self.read(text, parameters: ["Names": "x,y,z"])
    #expect(try #require(given).resources.map(\.id) == ["Bucketx", "Buckety", "Bucketz"])
  }

  @Test(
    "a loop is refused, located, without the transform, with an output key that does not vary, or with a collection it cannot know"
  )
  func refusals() throws {
    let (_, noTransform) = try Self.read(
      """
      Resources:
        Fn::ForEach::Q: [N, [a], {'Q${N}': {Type: AWS::SQS::Queue}}]
      """)
    #expect(
      noTransform.map(\.message) == [
        "the template uses Fn::ForEach, which needs 'Transform: AWS::LanguageExtensions', as in CloudFormation"
      ])
    let (_, fixedKey) = try Self.read(
      """
      Transform: AWS::LanguageExtensions
      Resources:
        Fn::ForEach::Q: [N, [a, b], {Queue: {Type: AWS::SQS::Queue}}]
      """)
    #expect(fixedKey.first?.message.contains("must include ${N} or &{N}") == true)
    #expect(fixedKey.first?.line == 3)
    let (_, unknown) = try Self.read(
      """
      Transform: AWS::LanguageExtensions
      Parameters:
        Names: {Type: CommaDelimitedList}
        One: {Type: String, Default: a}
      Resources:
        Fn::ForEach::Q: [N, !Ref Names, {'Q${N}': {Type: AWS::SQS::Queue}}]
        Fn::ForEach::R: [N, !Ref One, {'R${N}': {Type: AWS::SQS::Queue}}]
        Fn::ForEach::S: [N, !Split [',', 'a,b'], {'S${N}': {Type: AWS::SQS::Queue}}]
      """)
    #expect(unknown.count == 3)
    #expect(unknown[0].message.contains("refers to 'Names', which is not a list parameter with a value"))
    #expect(unknown[1].message.contains("refers to 'One'"))
    #expect(unknown[2].message.contains("must be a list of strings or a Ref to a CommaDelimitedList parameter"))
    let (_, twice) = try Self.read(
      """
      Transform: AWS::LanguageExtensions
      Resources:
        Qa: {Type: AWS::SQS::Queue}
        Fn::ForEach::Q: [N, [a], {'Q${N}': {Type: AWS::SQS::Queue}}]
      """)
    #expect(twice.map(\.message) == ["the key 'Qa' is made twice (first at t.yaml:3)"])
  }

  @Test("loops nest at most five deep, and what they make is capped like a template's own nodes")
  func limits() throws {
    // Six nested loops: the sixth is refused.
    var fragment = "'X${A6}': {Type: AWS::SQS::Queue}"
    for level in stride(from: 6, through: 1, by: -1) {
      fragment = "{Fn::ForEach::L\(level): [A\(level), [v], \(fragment)]}"
    }
    let (_, deep) = try Self.read(
      "Transform: AWS::LanguageExtensions\nResources:\n  \(fragment.dropFirst().dropLast())")
    #expect(deep.map(\.message) == ["Fn::ForEach::L6 is nested more than 5 loops deep"])
    // Five nested loops of 10 values each make 10^5 = 100,000 queues of several nodes each:
    // over the 100,000-node cap, refused once.
    let ten = "[" + (0..<10).map { "v\($0)" }.joined(separator: ", ") + "]"
    fragment = "'Q${A1}${A2}${A3}${A4}${A5}': {Type: AWS::SQS::Queue}"
    for level in stride(from: 5, through: 1, by: -1) {
      fragment = "{Fn::ForEach::L\(level): [A\(level), \(ten), \(fragment)]}"
    }
    let (_, big) = try Self.read(
      "Transform: AWS::LanguageExtensions\nResources:\n  \(fragment.dropFirst().dropLast())")
    #expect(
      big.map(\.message) == [
        "the Fn::ForEach loops make more than 100000 nodes; CloudFormation's limits are far lower"
      ])
  }
}
