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
      "!Ref Env", "other-fn", "!GetAtt Ver.Version",
    ] {
      let template =
        Self.prod + """
          Resources:
            Fn:
              \(Self.function)
              Properties: {\(Self.functionProperties), FunctionName: my-fn}
            Ver: {Type: AWS::Lambda::Version, Properties: {FunctionName: !Ref Fn}}
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
    // 1.6 GB at $0.038/hour (Tests/Fixtures/pricing/aws/rates/us-east-1.yaml, aws.apigateway.rest/cache-1-6gb):
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

  @Test("Volumes, tenancy, platforms and classes billcast does not price are said, never priced at another rate")
  func unpricedVariants() throws {
    let template = """
      Resources:
        Vm:
          Type: AWS::EC2::Instance
          Properties:
            InstanceType: t3.micro
            BlockDeviceMappings:
              - {DeviceName: /dev/xvda, Ebs: {VolumeType: io2, VolumeSize: 500, Iops: 3000}}
        Dedicated: {Type: AWS::EC2::Instance, Properties: {InstanceType: t3.micro, Tenancy: dedicated}}
        TD: {Type: AWS::ECS::TaskDefinition, Properties: {Cpu: 1024, Memory: 2048, RuntimePlatform: {OperatingSystemFamily: WINDOWS_SERVER_2022_CORE}}}
        Svc: {Type: AWS::ECS::Service, Properties: {TaskDefinition: !Ref TD, LaunchType: FARGATE}}
        Logs: {Type: AWS::Logs::LogGroup, Properties: {LogGroupClass: DELIVERY}}
        Off: {Type: AWS::Scheduler::Schedule, Properties: {State: DISABLED, ScheduleExpression: rate(1 minute), FlexibleTimeWindow: {Mode: "OFF"}, Target: {Arn: a, RoleArn: r}}}
      """
    let unknownState =
      Self.prod + """
        Resources:
          On: {Type: AWS::Scheduler::Schedule, Properties: {State: !If [Prod, ENABLED, DISABLED], ScheduleExpression: rate(1 minute), FlexibleTimeWindow: {Mode: "OFF"}, Target: {Arn: a, RoleArn: r}}}
        """
    let undecided = try Self.run(unknownState, usage: "{}")
    #expect(undecided.status == 2)
    #expect(
      undecided.stderr.contains("give scheduler_invocations under architectures.a.usage.On"), "\(undecided.stderr)")
    let dir = try HostileTemplateTests.workspace(templates: ["t.yml": template], usage: "{}")
    let run = try CLI.run(["estimate", "profile.yaml"], in: dir)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(
      run.stdout.contains(
        "Vm.BlockDeviceMappings[0] (part of Vm, t.yml:7) is not priced: EBS io2 volumes are not priced yet"),
      "\(run.stdout)")
    let json = try TemplateTests.estimateJSON(dir)
    let result = try #require(TemplateTests.results(json).first)
    let statuses = try TemplateTests.statuses(result)
    #expect(statuses["Dedicated"] == "not-priced")
    #expect(statuses["Svc"] == "not-priced")
    #expect(statuses["Logs"] == "not-priced")
    // A disabled schedule runs nothing: $0 for invocations, and no usage asked for.
    #expect(TemplateTests.componentCost(result, "Off") == "0", "\(result)")
  }

  @Test("An invalid EBS volume type in BlockDeviceMappings or a log group class is a located error")
  func invalidVariants() throws {
    let template = """
      Resources:
        Vm:
          Type: AWS::EC2::Instance
          Properties:
            InstanceType: t3.micro
            Tenancy: dedicated
            BlockDeviceMappings:
              - {DeviceName: /dev/xvdb, Ebs: {VolumeType: gp4, VolumeSize: 500}}
        Logs: {Type: AWS::Logs::LogGroup, Properties: {LogGroupClass: standard}}
      """
    let run = try Self.run(template, usage: "Logs: {log_ingest_gb: 1, log_storage_gb: 1}")
    #expect(run.status == 2)
    #expect(run.stderr.contains("t.yml:8:53: error:"), "\(run.stderr)")
    #expect(run.stderr.contains("'gp4'"), "\(run.stderr)")
    #expect(run.stderr.contains("LogGroupClass 'standard'"), "\(run.stderr)")
  }

  @Test("A template transformed by a custom macro is priced as written, with a notice saying so")
  func customMacro() throws {
    let template = """
      Transform: [AWS::Serverless-2016-10-31, Evil::Macro]
      Resources:
        Vm: {Type: AWS::EC2::Instance, Properties: {InstanceType: t3.micro}}
      """
    let dir = try HostileTemplateTests.workspace(templates: ["t.yml": template], usage: "{}")
    let run = try CLI.run(["estimate", "profile.yaml"], in: dir)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("Evil::Macro"), "\(run.stdout)")
    #expect(run.stdout.contains("priced as written"), "\(run.stdout)")
  }
}
