import BillcastCore
import Testing
import Yams

@testable import BillcastProfile

/// CloudFormation's intrinsic functions, each evaluated statically as CloudFormation documents it
/// (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html).
@Suite("CloudFormation intrinsic functions")
struct CloudFormationResolverTests {
  static let template = """
    Parameters:
      Env: {Type: String, Default: dev}
      Sizes: {Type: CommaDelimitedList, Default: "128,512,1024"}
      NoDefault: {Type: String}
    Conditions:
      IsProd: !Equals [!Ref Env, prod]
      IsDev: !Not [!Condition IsProd]
      Both: !And [!Condition IsDev, !Equals [a, a]]
      Either: !Or [!Condition IsProd, !Equals [!Ref NoDefault, x]]
    Mappings:
      Memory: {dev: {Size: 256}, prod: {Size: 2048}}
    Resources:
      Fn:
        Type: AWS::Lambda::Function
        Properties:
          Join: !Join ['-', [a, !Ref Env, c]]
          Select: !Select [1, [x, y, z]]
          Split: !Select [2, !Split [',', '128,512,1024']]
          Sub: !Sub '${Env}-${AWS::Region}-${!Literal}'
          SubMap: !Sub ['${A}/${B}', {A: one, B: !Ref Env}]
          GetAtt: !GetAtt Bucket.Arn
          GetAttLong: {Fn::GetAtt: Bucket.Arn}
          Ref: !Ref Bucket
          If: !If [IsProd, 2048, !FindInMap [Memory, !Ref Env, Size]]
          NoValue: !If [IsDev, !Ref AWS::NoValue, kept]
          Account: !Ref AWS::AccountId
          Unknown: !Sub '${NoDefault}-x'
          Length: !Length [a, b, c]
          List: [a, !Ref AWS::NoValue, b]
      Bucket:
        Type: AWS::S3::Bucket
    """

  static func resolved() throws -> (CloudFormationResolver, TemplateNode) {
    let diagnostics = DiagnosticCollector()
    let document = try YAMLDocument.parse(template, path: "t.yaml")
    let root = TemplateNode.from(yaml: document.root, file: "t.yaml", path: "", diagnostics: diagnostics)
    let t = try #require(CloudFormationTemplate.read(root, file: "t.yaml", diagnostics: diagnostics))
    CloudFormationValidator(template: t, diagnostics: diagnostics).validate(extraResources: [])
    #expect(diagnostics.diagnostics.isEmpty, "\(diagnostics.diagnostics)")
    let parameters = Dictionary(
      uniqueKeysWithValues: t.parameters.compactMap { p in p.defaultValue.map { (p.name, $0) } })
    let resolver = CloudFormationResolver(
      template: t, region: "eu-west-1", parameters: parameters, importValue: { _ in nil })
    return (resolver, resolver.resolve(t.resources[0].properties))
  }

  @Test("Join, Select, Split, Sub (with a variable map and ${!Literal}), FindInMap, If and Length")
  func functions() throws {
    let (_, p) = try Self.resolved()
    #expect(p["Join"]?.text == "a-dev-c")
    #expect(p["Select"]?.text == "y")
    #expect(p["Split"]?.text == "1024")
    #expect(p["Sub"]?.text == "dev-eu-west-1-${Literal}")
    #expect(p["SubMap"]?.text == "one/dev")
    #expect(p["If"]?.text == "256")  // Env is dev: IsProd is false, so Memory.dev.Size
    #expect(p["Length"]?.text == "3")
    #expect(p["List"]?.items?.compactMap(\.text) == ["a", "b"])  // AWS::NoValue removes the item
    #expect(p["NoValue"] == nil)  // and the property
  }

  @Test("Ref and GetAtt to resources name them; account ids and parameters without a value are unknown, with why")
  func references() throws {
    let (_, p) = try Self.resolved()
    #expect(p["GetAtt"]?.referencedResource == "Bucket")
    #expect(p["GetAttLong"]?.referencedResource == "Bucket")
    #expect(p["Ref"]?.referencedResource == "Bucket")
    #expect(p["Account"]?.unknownReason == "AWS::AccountId is known only at deployment")
    #expect(
      p["Unknown"]?.unknownReason == "parameter NoDefault has no default and the profile's parameters do not give it")
  }

  @Test(
    "conditions: Equals, Not, And, Or; one that depends on an unknown value is undecided, unless Or is already true")
  func conditions() throws {
    let (resolver, _) = try Self.resolved()
    #expect(resolver.condition("IsProd") == false)
    #expect(resolver.condition("IsDev") == true)
    #expect(resolver.condition("Both") == true)
    #expect(resolver.condition("Either") == nil)  // IsProd is false and NoDefault is unknown
  }

  @Test("Fn::ImportValue reads another template's export")
  func importValue() throws {
    let diagnostics = DiagnosticCollector()
    func read(_ text: String, _ file: String) throws -> CloudFormationTemplate {
      let document = try YAMLDocument.parse(text, path: file)
      return try #require(
        CloudFormationTemplate.read(
          TemplateNode.from(yaml: document.root, file: file, path: "", diagnostics: diagnostics), file: file,
          diagnostics: diagnostics))
    }
    let exporter = try read(
      "Parameters: {Env: {Type: String, Default: demo}}\nResources: {B: {Type: AWS::S3::Bucket}}\nOutputs: {Size: {Value: 2048, Export: {Name: !Sub '${Env}-size'}}}\n",
      "a.yaml")
    let importer = try read(
      "Resources: {F: {Type: AWS::Lambda::Function, Properties: {MemorySize: !ImportValue demo-size, Other: !ImportValue nobody}}}\n",
      "b.yaml")
    var notices: [ArchitectureNotice] = []
    let located = CloudFormationArchitecture(diagnostics: diagnostics, region: "us-east-1").read(
      templates: [exporter, importer], parameters: [:], notices: &notices)
    guard case .priced(let draft)? = located.first(where: { $0.id == "F" })?.disposition else {
      Issue.record("F is not priced")
      return
    }
    #expect(draft.inputs.first { $0.name == "memory_mb" }?.text == "2048")
  }

  @Test("SAM Globals: mappings merged key by key, lists concatenated, the resource's scalars win")
  func globals() {
    let location = SourceLocation(file: "t")
    func map(_ entries: [(String, TemplateNode)]) -> TemplateNode { TemplateNode(.map(entries), location) }
    func scalar(_ s: String) -> TemplateNode { TemplateNode(.scalar(s), location) }
    let global = map([
      ("MemorySize", scalar("512")), ("Layers", TemplateNode(.list([scalar("a")]), location)),
      ("Environment", map([("Variables", map([("A", scalar("1"))]))])),
    ])
    let local = map([
      ("MemorySize", scalar("1024")), ("Layers", TemplateNode(.list([scalar("b")]), location)),
      ("Environment", map([("Variables", map([("B", scalar("2"))]))])),
    ])
    let merged = CloudFormationTemplate.merge(global, local)
    #expect(merged["MemorySize"]?.text == "1024")
    #expect(merged["Layers"]?.items?.compactMap(\.text) == ["a", "b"])
    #expect(merged.at("Environment.Variables.A")?.text == "1")
    #expect(merged.at("Environment.Variables.B")?.text == "2")
  }
}
