import BillcastCore
import BillcastTestSupport
import Foundation
import Testing

/// CloudFormation and SAM templates that used to be priced wrong or refused (issue 24, round 2):
/// SAM's `IgnoreGlobals` and list merging, several Provisioned Concurrency configurations, links
/// made by physical name, YAML 1.1 booleans, list parameters, and attributes CloudFormation accepts.
@Suite("Hostile CloudFormation templates")
struct HostileCloudFormationTests {
  static let function = HostileTemplateTests.function
  static let functionProperties = HostileTemplateTests.functionProperties
  static let noFreeTier = "account: {free_tier: none}"

  static func cost(_ dir: URL, _ component: String) throws -> String? {
    let json = try TemplateTests.estimateJSON(dir)
    return TemplateTests.componentCost(try #require(TemplateTests.results(json).first), component)
  }

  static func refused(_ dir: URL) throws -> String {
    let run = try CLI.run(["estimate", "profile.yaml"], in: dir)
    #expect(run.status == 2)
    #expect(run.stdout.isEmpty)
    return run.stderr
  }

  // MARK: SAM Globals

  @Test("IgnoreGlobals drops the Globals a function opts out of (a list of names, or '*')")
  func ignoreGlobals() throws {
    let template = """
      Transform: AWS::Serverless-2016-10-31
      Globals:
        Function: {MemorySize: 3008, Architectures: [arm64], Runtime: nodejs20.x}
      Resources:
        F:
          Type: AWS::Serverless::Function
          IgnoreGlobals: [MemorySize]
          Properties: {Handler: x, CodeUri: s3://b/k}
        G:
          Type: AWS::Serverless::Function
          IgnoreGlobals: '*'
          Properties: {Handler: x, CodeUri: s3://b/k, Runtime: nodejs20.x}
      """
    let dir = try HostileTemplateTests.workspace(
      templates: ["t.yml": template],
      usage: "F: {requests: 1000000, duration_ms: 1000}\nG: {requests: 1000000, duration_ms: 1000}",
      options: Self.noFreeTier)
    let json = try TemplateTests.estimateJSON(dir)
    let result = try #require(TemplateTests.results(json).first)
    // F keeps the global arm64 but not the 3008 MB: 128 MB (the default).
    // 1M × 1 s × 0.125 GB = 125,000 GB-s × $0.0000133334 = $1.666675; + 1M × $0.20/1M = $1.866675
    #expect(TemplateTests.componentCost(result, "F") == "1.866675")
    // G takes no Globals: 128 MB x86_64. 125,000 GB-s × $0.0000166667 = $2.0833375; + $0.20 = $2.2833375
    #expect(TemplateTests.componentCost(result, "G") == "2.2833375")
  }

  @Test("IgnoreGlobals naming a property Globals does not set, or not a list or '*', is a located error")
  func ignoreGlobalsInvalid() throws {
    let template = """
      Globals:
        Function: {MemorySize: 3008}
      Resources:
        F:
          Type: AWS::Serverless::Function
          IgnoreGlobals: [Timeout]
          Properties: {Handler: x, CodeUri: s3://b/k, Runtime: nodejs20.x}
        G:
          Type: AWS::Serverless::Function
          IgnoreGlobals: all
          Properties: {Handler: x, CodeUri: s3://b/k, Runtime: nodejs20.x}
      """
    let dir = try HostileTemplateTests.workspace(
      templates: ["t.yml": template], usage: "F: {requests: 1, duration_ms: 1}\nG: {requests: 1, duration_ms: 1}")
    let stderr = try Self.refused(dir)
    #expect(stderr.contains("t.yml:6:21: error: Resources.F.IgnoreGlobals[0]:"), "\(stderr)")
    #expect(stderr.contains("Timeout"))
    #expect(stderr.contains("t.yml:10:20: error: Resources.G.IgnoreGlobals:"), "\(stderr)")
  }

  @Test("Two Lambda architectures (SAM concatenates Globals' list with the function's) are a located error")
  func twoArchitectures() throws {
    // SAM's translator merges lists as global + local (samtranslator/plugins/globals/globals.py,
    // _merge_lists), so F gets [arm64, x86_64], which Lambda refuses.
    let template = """
      Globals:
        Function: {Architectures: [arm64], Runtime: nodejs20.x}
      Resources:
        F:
          Type: AWS::Serverless::Function
          Properties: {Handler: x, CodeUri: s3://b/k, Architectures: [x86_64]}
        G:
          \(Self.function)
          Properties: {Architectures: [x86_64, arm64], \(Self.functionProperties)}
      """
    let dir = try HostileTemplateTests.workspace(
      templates: ["t.yml": template], usage: "F: {requests: 1, duration_ms: 1}\nG: {requests: 1, duration_ms: 1}")
    let stderr = try Self.refused(dir)
    #expect(stderr.contains("t.yml:6:64: error: Resources.F.Properties.Architectures:"), "\(stderr)")
    #expect(stderr.contains("arm64, x86_64"))
    #expect(stderr.contains("Resources.G.Properties.Architectures:"), "\(stderr)")
    #expect(stderr.contains("exactly one"))
  }

  // MARK: Provisioned Concurrency

  @Test("Each Provisioned Concurrency configuration of a function adds its executions (aliases, versions, SAM)")
  func severalProvisionedConcurrencies() throws {
    let template = """
      Transform: AWS::Serverless-2016-10-31
      Resources:
        F:
          Type: AWS::Serverless::Function
          Properties:
            Handler: x
            CodeUri: s3://b/k
            Runtime: nodejs20.x
            MemorySize: 1024
            AutoPublishAlias: live
            ProvisionedConcurrencyConfig: {ProvisionedConcurrentExecutions: 2}
        Version:
          Type: AWS::Lambda::Version
          Properties: {FunctionName: !Ref F}
        Blue:
          Type: AWS::Lambda::Alias
          Properties:
            FunctionName: !Ref F
            FunctionVersion: !GetAtt Version.Version
            Name: blue
            ProvisionedConcurrencyConfig: {ProvisionedConcurrentExecutions: 5}
        Green:
          Type: AWS::Lambda::Alias
          Properties:
            FunctionName: !Ref F
            FunctionVersion: !GetAtt Version.Version
            Name: green
            ProvisionedConcurrencyConfig: {ProvisionedConcurrentExecutions: 3}
      """
    let dir = try HostileTemplateTests.workspace(
      templates: ["t.yml": template], usage: "F: {requests: 0, duration_ms: 100}", options: Self.noFreeTier)
    // 2 + 5 + 3 = 10 executions × 1 GB × 730 h × 3,600 s = 26,280,000 GB-s × $0.0000041667 = $109.500876
    #expect(try Self.cost(dir, "F") == "109.500876")
  }

  // MARK: Links by physical name

  @Test("Instances and aliases naming their cluster or function by physical name are linked")
  func linksByPhysicalName() throws {
    let template = """
      Resources:
        Cluster:
          Type: AWS::RDS::DBCluster
          Properties:
            DBClusterIdentifier: my-cluster
            Engine: aurora-postgresql
            ServerlessV2ScalingConfiguration: {MinCapacity: 1, MaxCapacity: 1}
        Writer:
          Type: AWS::RDS::DBInstance
          Properties: {DBClusterIdentifier: my-cluster, DBInstanceClass: db.serverless, Engine: aurora-postgresql}
        Reader:
          Type: AWS::RDS::DBInstance
          Properties: {DBClusterIdentifier: My-Cluster, DBInstanceClass: db.serverless, Engine: aurora-postgresql}
        F:
          \(Self.function)
          Properties: {FunctionName: my-fn, MemorySize: 1024, \(Self.functionProperties)}
        Live:
          Type: AWS::Lambda::Alias
          Properties:
            FunctionName: my-fn
            FunctionVersion: '1'
            Name: live
            ProvisionedConcurrencyConfig: {ProvisionedConcurrentExecutions: 4}
      """
    let dir = try HostileTemplateTests.workspace(
      templates: ["t.yml": template],
      usage: "Cluster: {storage_gb: 0}\nF: {requests: 0, duration_ms: 100}", options: Self.noFreeTier)
    let json = try TemplateTests.estimateJSON(dir)
    let result = try #require(TemplateTests.results(json).first)
    // Two instances (RDS identifiers ignore case) × 1 ACU × 730 h × $0.12 = $175.20
    #expect(TemplateTests.componentCost(result, "Cluster") == "175.2")
    // 4 executions × 1 GB × 730 h × 3,600 s = 10,512,000 GB-s × $0.0000041667 = $43.8003504
    #expect(TemplateTests.componentCost(result, "F") == "43.8003504")
  }

  // MARK: Booleans

  @Test("YAML booleans True and TRUE (and the string 'true') turn a stage's cache on")
  func yamlBooleans() throws {
    for spelling in ["True", "TRUE", "'true'", "true"] {
      let template = """
        Resources:
          Api: {Type: AWS::ApiGateway::RestApi, Properties: {Name: a}}
          Stage:
            Type: AWS::ApiGateway::Stage
            Properties: {RestApiId: !Ref Api, StageName: prod, CacheClusterEnabled: \(spelling)}
        """
      let dir = try HostileTemplateTests.workspace(
        templates: ["t.yml": template], usage: "Api: {requests: 1000000}", options: Self.noFreeTier)
      // 1M requests × $3.50/1M = $3.50; 0.5 GB cache (the default size) 730 h × $0.020 = $14.60; $18.10
      #expect(try Self.cost(dir, "Api") == "18.1", "\(spelling)")
    }
  }

  @Test("A boolean property that is neither true nor false is a located error, not false")
  func notABoolean() throws {
    let template = """
      Resources:
        Api: {Type: AWS::ApiGateway::RestApi, Properties: {Name: a}}
        Stage:
          Type: AWS::ApiGateway::Stage
          Properties: {RestApiId: !Ref Api, StageName: prod, CacheClusterEnabled: yes}
      """
    let dir = try HostileTemplateTests.workspace(templates: ["t.yml": template], usage: "Api: {requests: 1}")
    let stderr = try Self.refused(dir)
    #expect(
      stderr.contains("t.yml:5:77: error: Resources.Stage.Properties.CacheClusterEnabled:"), "\(stderr)")
    #expect(stderr.contains("true or false"))
  }

  // MARK: Parameters

  @Test("A Ref to a list parameter is the list of its comma-separated values")
  func listParameters() throws {
    let template = """
      Parameters:
        Subnets: {Type: 'List<AWS::EC2::Subnet::Id>', Default: 'subnet-a,subnet-b,subnet-c'}
        Sizes: {Type: CommaDelimitedList, Default: '128,1024'}
      Resources:
        Endpoint:
          Type: AWS::EC2::VPCEndpoint
          Properties: {VpcEndpointType: Interface, ServiceName: s, VpcId: v, SubnetIds: !Ref Subnets}
        F:
          \(Self.function)
          Properties: {MemorySize: !Select [1, !Ref Sizes], \(Self.functionProperties)}
      """
    let dir = try HostileTemplateTests.workspace(
      templates: ["t.yml": template],
      usage: "Endpoint: {processed_gb: 0}\nF: {requests: 1000000, duration_ms: 1000}", options: Self.noFreeTier)
    let json = try TemplateTests.estimateJSON(dir)
    let result = try #require(TemplateTests.results(json).first)
    // 1 endpoint × 3 AZs × 730 h × $0.01 = $21.90
    #expect(TemplateTests.componentCost(result, "Endpoint") == "21.9")
    // 1024 MB: 1M × 1 s × 1 GB = 1,000,000 GB-s × $0.0000166667 = $16.6667; + $0.20 = $16.8667
    #expect(TemplateTests.componentCost(result, "F") == "16.8667")
  }

  // MARK: Templates CloudFormation accepts

  @Test("A resource-level Description is accepted")
  func resourceDescription() throws {
    let template = """
      Resources:
        F:
          \(Self.function)
          Description: the function
          Properties: {\(Self.functionProperties)}
      """
    let dir = try HostileTemplateTests.workspace(
      templates: ["t.yml": template], usage: "F: {requests: 1, duration_ms: 1}")
    _ = try TemplateTests.estimateJSON(dir)
  }

  @Test("A key repeated in a template's mapping takes the last value, with a located warning; a profile stays strict")
  func duplicateKeys() throws {
    let yaml = """
      Resources:
        F:
          \(Self.function)
          Properties:
            MemorySize: 3008
            \(Self.functionProperties.replacingOccurrences(of: ", ", with: "\n      "))
            MemorySize: 1024
      """
    let json = """
      {"Resources": {"G": {"Type": "AWS::Lambda::Function", "Properties": {"MemorySize": 3008,
        "MemorySize": 1024, "Runtime": "nodejs20.x", "Handler": "x", "Code": {"ZipFile": "x"}, "Role": "r"}}}}
      """
    let dir = try HostileTemplateTests.workspace(
      templates: ["t.yml": yaml, "u.json": json],
      usage: "F: {requests: 1000000, duration_ms: 1000}\nG: {requests: 1000000, duration_ms: 1000}",
      options: Self.noFreeTier)
    let run = try CLI.run(["estimate", "profile.yaml", "--format", "json"], in: dir)
    #expect(run.status == 0, "\(run.stderr)")
    let object = try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let result = try #require(TemplateTests.results(object).first)
    // Each ignored key is a duplicate-key warning in the report, located at it.
    let warnings = (result["warnings"] as? [[String: Any]] ?? []).filter { $0["code"] as? String == "duplicate-key" }
    #expect(warnings.count == 2, "\(warnings)")
    let text = warnings.compactMap { $0["message"] as? String }.joined(separator: "\n")
    #expect(text.contains("duplicate key 'MemorySize': CloudFormation takes the last one"), "\(text)")
    #expect(text.contains("t.yml:5:7 Resources.F.Properties.MemorySize: duplicate key"), "\(text)")
    #expect(text.contains("u.json:1:70 Resources.G.Properties.MemorySize: duplicate key"), "\(text)")
    // The last MemorySize, 1024 MB: 1M × 1 s × 1 GB = 1,000,000 GB-s × $0.0000166667 = $16.6667; + $0.20
    #expect(TemplateTests.componentCost(result, "F") == "16.8667")
    #expect(TemplateTests.componentCost(result, "G") == "16.8667")
    // The profile itself may not repeat a key.
    let profile = try String(contentsOf: dir.appendingPathComponent("profile.yaml"), encoding: .utf8)
    try (profile + "\nname: again\n").write(
      to: dir.appendingPathComponent("profile.yaml"), atomically: true, encoding: .utf8)
    let strict = try CLI.run(["estimate", "profile.yaml"], in: dir)
    #expect(strict.status == 2)
    #expect(strict.stderr.contains("duplicate key 'name'"), "\(strict.stderr)")
  }

  @Test("A profile's booleans read as YAML's core schema spells them; yes/no is an error, not false")
  func profileBooleans() throws {
    let document = try YAMLDocument.parse("a: True\nb: TRUE\nc: False\nd: FALSE\ne: true\nf: yes\n", path: "p.yaml")
    let collector = DiagnosticCollector()
    let fields = try #require(
      YAMLCursor(document: document, diagnostics: collector).fields(["a", "b", "c", "d", "e", "f"]))
    #expect(["a", "b", "c", "d", "e", "f"].map { fields[$0]?.bool() } == [true, true, false, false, true, nil])
    #expect(collector.errors.map(\.description) == ["p.yaml:6:4: error: f: expected true or false, found 'yes'"])
  }

  @Test("A GraphQL API's resolvers and data sources referring to a function that refers to the API are no cycle")
  func graphQLNoCycle() throws {
    let template = """
      Transform: AWS::Serverless-2016-10-31
      Resources:
        Api:
          Type: AWS::Serverless::GraphQLApi
          Properties:
            SchemaInline: 'type Query { a: String }'
            Auth: {Type: API_KEY}
            DataSources:
              Lambda: {Fn: {FunctionArn: !GetAtt F.Arn}}
            Functions:
              getA: {Runtime: {Name: APPSYNC_JS, Version: 1.0.0}, DataSource: Fn, CodeUri: f.js}
            Resolvers:
              Query: {a: {Runtime: {Name: APPSYNC_JS, Version: 1.0.0}, Pipeline: [getA]}}
        F:
          Type: AWS::Serverless::Function
          Properties:
            Handler: x
            CodeUri: s3://b/k
            Runtime: nodejs20.x
            Environment: {Variables: {URL: !GetAtt Api.GraphQLUrl}}
      """
    let dir = try HostileTemplateTests.workspace(
      templates: ["t.yml": template], usage: "F: {requests: 1, duration_ms: 1}\nApi: {operations: 1}")
    // The API is priced as AWS AppSync, which the frozen test catalog predates: the catalog is copied
    // with AppSync's model and us-east-1 rates added, as the resource fixtures do.
    let pricing = dir.appendingPathComponent("pricing")
    let fm = FileManager.default
    try fm.copyItem(atPath: TestSupport.testPricingPath, toPath: pricing.path)
    try fm.copyItem(
      atPath: TestSupport.path("pricing/aws/services/appsync/model.yaml"),
      toPath: pricing.appendingPathComponent("aws/model/appsync.yaml").path)
    let rates = pricing.appendingPathComponent("aws/rates/us-east-1.yaml")
    let appSync = ["operations: {rate: 4.00", "realtime-updates: {rate: 2.00", "connection-minutes: {rate: 0.08"]
      .map { "  aws.appsync/\($0), source: appsync-pricing-page}\n" }.joined()
    try (String(contentsOf: rates, encoding: .utf8) + appSync).write(to: rates, atomically: true, encoding: .utf8)
    let run = try CLI.run(["estimate", "profile.yaml", "--pricing", pricing.path], in: dir)
    #expect(run.status == 0, "\(run.stderr)")
  }
}
