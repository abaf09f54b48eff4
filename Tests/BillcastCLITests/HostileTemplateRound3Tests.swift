import BillcastTestSupport
import Foundation
import Testing

/// Round 3 of the adversarial templates: values priced as absent or free when the template
/// cannot say them, caches counted once for many stages, volumes and platforms priced at
/// rates that are not theirs, and macros read as if they had run.
@Suite("Hostile templates, round 3")
struct HostileTemplateRound3Tests {
  static let prod = "Parameters: {Env: {Type: String}}\nConditions: {Prod: !Equals [!Ref Env, prod]}\n"
  static let function = "Type: AWS::Lambda::Function"
  static let functionProperties = "Runtime: python3.12, Handler: a.b, Role: r, Code: {ZipFile: x}"

  static func run(_ template: String, usage: String) throws -> CLIRun {
    let dir = try HostileTemplateTests.workspace(templates: ["t.yml": template], usage: usage)
    return try CLI.run(["estimate", "profile.yaml"], in: dir)
  }

  @Test("An undecidable Fn::If picking a whole mapping or list asks for the inputs it feeds (it was absent)")
  func undecidableWholeValues() throws {
    let template =
      Self.prod + """
        Resources:
          Fn:
            \(Self.function)
            Properties: {\(Self.functionProperties), EphemeralStorage: !If [Prod, {Size: 10240}, !Ref AWS::NoValue]}
          Al:
            Type: AWS::Lambda::Alias
            Properties:
              FunctionName: !Ref Fn
              FunctionVersion: "1"
              Name: live
              ProvisionedConcurrencyConfig: !If [Prod, {ProvisionedConcurrentExecutions: 100}, !Ref AWS::NoValue]
          Vm:
            Type: AWS::EC2::Instance
            Properties:
              InstanceType: t3.micro
              BlockDeviceMappings: !If [Prod, [{DeviceName: /dev/xvda, Ebs: {VolumeType: gp3, VolumeSize: 1000}}], !Ref AWS::NoValue]
          Vm2:
            Type: AWS::EC2::Instance
            Properties:
              InstanceType: t3.micro
              BlockDeviceMappings:
                - !If [Prod, {DeviceName: /dev/xvda, Ebs: {VolumeType: gp3, VolumeSize: 1000}}, !Ref AWS::NoValue]
          Secret:
            Type: AWS::SecretsManager::Secret
            Properties: {ReplicaRegions: !If [Prod, [{Region: eu-west-1}], !Ref AWS::NoValue]}
        """
    let run = try Self.run(template, usage: "Fn: {requests: 1000000, duration_ms: 1000}")
    #expect(run.status == 2, "\(run.stdout)")
    let undecided = "cannot be resolved statically: condition Prod cannot be decided before deployment; give"
    for (input, id) in [
      ("ephemeral_storage_mb", "Fn"), ("provisioned_concurrency", "Fn"), ("storage_gb", "Vm.BlockDeviceMappings"),
      ("storage_gb", "Vm2.BlockDeviceMappings[0]"), ("volume_type", "Vm2.BlockDeviceMappings[0]"),
      ("secrets", "Secret"),
    ] {
      #expect(
        run.stderr.contains("\(undecided) \(input) under architectures.a.usage.\(id)"), "\(input) \(id): \(run.stderr)")
    }
  }

  @Test("An alias with Provisioned Concurrency whose function cannot be told is an error, never Free")
  func aliasOfUnknownFunction() throws {
    for name in [
      "!Sub \"${AWS::StackName}-fn\"", "!Sub \"arn:aws:lambda:us-east-1:${AWS::AccountId}:function:my-fn\"",
      "!Ref Env", "other-fn",
    ] {
      let template =
        Self.prod + """
          Resources:
            Fn:
              \(Self.function)
              Properties: {\(Self.functionProperties), FunctionName: my-fn}
            Al:
              Type: AWS::Lambda::Alias
              Properties:
                FunctionName: \(name)
                FunctionVersion: "1"
                Name: live
                ProvisionedConcurrencyConfig: {ProvisionedConcurrentExecutions: 10}
          """
      let run = try Self.run(template, usage: "Fn: {requests: 0, duration_ms: 0}")
      #expect(run.status == 2, "\(name): \(run.stdout)")
      #expect(
        run.stderr.contains("error: Resources.Al.Properties.FunctionName: Al has Provisioned Concurrency"),
        "\(name): \(run.stderr)")
    }
  }

  @Test("Each REST API stage with a cache has its own cache cluster (one was charged for two)")
  func cachePerStage() throws {
    // Two stages caching 1.6 GB and one caching 0.5 GB, each the whole month (730 hours):
    // 1.6 GB at $0.038/hour (pricing/aws/rates/us-east-1.yaml, aws.apigateway.rest/cache-1-6gb):
    // Prod 730 × 0.038 = $27.74, Dev 730 × 0.038 = $27.74; 0.5 GB at $0.020/hour (cache-0-5gb):
    // Test 730 × 0.020 = $14.60. No requests: $27.74 + $27.74 + $14.60 = $70.08.
    let stage =
      "{Type: AWS::ApiGateway::Stage, Properties: {RestApiId: !Ref Api, DeploymentId: d, CacheClusterEnabled: true"
    let template = """
      Resources:
        Api: {Type: AWS::ApiGateway::RestApi, Properties: {Name: x}}
        Prod: \(stage), StageName: prod, CacheClusterSize: "1.6"}}
        Dev: \(stage), StageName: dev, CacheClusterSize: "1.6"}}
        Test: \(stage), StageName: test}}
      """
    let dir = try HostileTemplateTests.workspace(templates: ["t.yml": template], usage: "Api: {requests: 0}")
    let result = try #require(TemplateTests.results(try TemplateTests.estimateJSON(dir)).first)
    let total = (result["total"] as? [String: String])?["low"] ?? "\(result)"
    #expect(total == "70.08", "\(result)")
  }
}
