import BillcastTestSupport
import Foundation
import Testing

/// Architectures read from CloudFormation/SAM templates and Terraform plans, end to end: priced
/// to the cent against figures worked out by hand, every resource accounted for, and bad
/// templates refused with located errors.
@Suite("Infrastructure as code: templates and plans as architectures")
struct TemplateTests {
  /// A temporary folder holding `files`.
  static func workspace(_ files: [String: String]) throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("billcast-iac-\(UUID().uuidString)")
    for (name, text) in files {
      let url = dir.appendingPathComponent(name)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try text.write(to: url, atomically: true, encoding: .utf8)
    }
    return dir
  }

  static func estimateJSON(_ dir: URL, _ profile: String = "profile.yaml") throws -> [String: Any] {
    let run = try CLI.run(["estimate", profile, "--format", "json", "--pricing", TestSupport.testPricingPath], in: dir)
    #expect(run.status == 0, "\(run.stderr)")
    return try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
  }

  static func results(_ json: [String: Any]) -> [[String: Any]] { json["results"] as? [[String: Any]] ?? [] }

  /// Each template resource's status in a result, by id.
  static func statuses(_ result: [String: Any]) throws -> [String: String] {
    let resources = try #require(result["resources"] as? [[String: Any]])
    return Dictionary(uniqueKeysWithValues: resources.map { ($0["id"] as! String, $0["status"] as! String) })
  }

  static func componentCost(_ result: [String: Any], _ name: String) -> String? {
    let components = result["components"] as? [[String: Any]] ?? []
    return (components.first { $0["component"] as? String == name }?["cost"] as? [String: String])?["low"]
  }

  // MARK: SAM

  static let samTemplate = """
    AWSTemplateFormatVersion: '2010-09-09'
    Transform: AWS::Serverless-2016-10-31
    Parameters:
      Stage: {Type: String, Default: dev, AllowedValues: [dev, prod]}
      CodeBucket: {Type: String}
    Conditions:
      IsProd: !Equals [!Ref Stage, prod]
      IsDev: !Not [!Condition IsProd]
    Mappings:
      StageConfig:
        prod: {Memory: 2048}
        dev: {Memory: 256}
    Globals:
      Function:
        Runtime: nodejs20.x
        MemorySize: 512
        Architectures: [arm64]
    Resources:
      RenderFunction:
        Type: AWS::Serverless::Function
        Properties:
          CodeUri: !Sub 's3://${CodeBucket}/render.zip'
          Handler: index.handler
          MemorySize: !If [IsProd, !FindInMap [StageConfig, !Ref Stage, Memory], 128]
          Events:
            Page: {Type: HttpApi, Properties: {Path: /, Method: GET}}
      WorkerFunction:
        Type: AWS::Serverless::Function
        Properties:
          CodeUri: !Sub 's3://${CodeBucket}/worker.zip'
          Handler: worker.handler
          Events:
            Api: {Type: HttpApi, Properties: {Path: /work, Method: POST}}
      ErrorAlarm:
        Type: AWS::CloudWatch::Alarm
        Condition: IsProd
        Properties: {MetricName: Errors, Namespace: AWS/Lambda, Period: 300, EvaluationPeriods: 1, Threshold: 1, ComparisonOperator: GreaterThanThreshold}
      ScratchBucket:
        Type: AWS::S3::Bucket
        Condition: IsDev
      Table:
        Type: AWS::Cassandra::Table   # Amazon Keyspaces: a type billcast does not price
      FunctionRole:
        Type: AWS::IAM::Role
        Properties: {AssumeRolePolicyDocument: {}}
    """

  static let samProfile = """
    format: billcast.profile/1
    name: SAM app
    region: us-east-1
    as_of: 2026-11-01
    account: {free_tier: none}
    workload:
      pages: 1000000
    architectures:
      sam:
        cloudformation: template.yaml
        parameters: {Stage: prod}
        usage:
          RenderFunction: {requests: pages, duration_ms: 100}
          WorkerFunction: {requests: 2 * pages, duration_ms: 50}
          ServerlessHttpApi: {requests: 3 * pages}
    """

  /// No free tier. Globals give both functions arm64; RenderFunction's memory is
  /// `!If [IsProd, !FindInMap [StageConfig, prod, Memory], 128]` = 2,048 MB, WorkerFunction keeps
  /// the Globals' 512 MB.
  /// - Duration, one account meter (arm64): 1M × 0.1 s × 2 GB = 200,000 GB-s, plus 2M × 0.05 s ×
  ///   0.5 GB = 50,000 GB-s; 250,000 × $0.0000133334 = $3.33335 (RenderFunction $2.66668, WorkerFunction $0.66667).
  /// - Requests: 3M × $0.20/1M = $0.60 (Render $0.20, Worker $0.40).
  /// - The implicit ServerlessHttpApi: 3M × $1.00/1M = $3.00.
  /// - ErrorAlarm (IsProd is true): $0.10. ScratchBucket (IsDev) is not created.
  /// Total $3.33335 + $0.60 + $3.00 + $0.10 = $7.03335.
  @Test("a SAM template with Globals, conditions and mappings prices to the cent")
  func samTemplate() throws {
    let dir = try Self.workspace(["template.yaml": Self.samTemplate, "profile.yaml": Self.samProfile])
    let json = try Self.estimateJSON(dir)
    let result = try #require(Self.results(json).first)
    #expect((result["total"] as? [String: String])?["low"] == "7.03335")
    #expect(Self.componentCost(result, "RenderFunction") == "2.86668")
    #expect(Self.componentCost(result, "WorkerFunction") == "1.06667")
    #expect(Self.componentCost(result, "ServerlessHttpApi") == "3")
    #expect(Self.componentCost(result, "ErrorAlarm") == "0.1")
    #expect(
      try Self.statuses(result) == [
        "RenderFunction": "priced", "WorkerFunction": "priced", "ErrorAlarm": "priced", "ScratchBucket": "not-created",
        "Table": "not-priced", "FunctionRole": "free", "ServerlessHttpApi": "priced",
      ])
    let warnings = (result["warnings"] as? [[String: String]] ?? []).map { $0["code"] ?? "" }
    #expect(warnings.contains("unpriced-resource"))
  }

  @Test("a parameter no price needs may lack a value; one a price needs is an error naming it")
  func unresolvedValues() throws {
    let template = """
      Parameters:
        Memory: {Type: Number}
      Resources:
        Fn:
          Type: AWS::Lambda::Function
          Properties: {MemorySize: !Ref Memory, Code: {S3Bucket: !Ref AWS::AccountId}}
      """
    let profile = """
      format: billcast.profile/1
      name: unresolved
      region: us-east-1
      as_of: 2026-11-01
      account: {free_tier: none}
      workload:
        pages: 1000000
      architectures:
        sam:
          cloudformation: template.yaml
          usage:
            Fn: {requests: pages, duration_ms: 100}
      """
    let dir = try Self.workspace(["template.yaml": template, "profile.yaml": profile])
    let run = try CLI.run(["estimate", "profile.yaml", "--pricing", TestSupport.testPricingPath], in: dir)
    #expect(run.status == 2)
    #expect(run.stdout.isEmpty)
    #expect(
      run.stderr.contains(
        "template.yaml:6:30: error: Resources.Fn.Properties.MemorySize: MemorySize cannot be resolved statically: parameter Memory has no default"
      ))
    #expect(run.stderr.contains("give memory_mb under architectures.sam.usage.Fn"))
    // Given under usage, the value is taken from there, with a warning.
    let fixed = profile.replacingOccurrences(
      of: "Fn: {requests: pages, duration_ms: 100}", with: "Fn: {requests: pages, duration_ms: 100, memory_mb: 1024}")
    try fixed.write(to: dir.appendingPathComponent("profile.yaml"), atomically: true, encoding: .utf8)
    let ok = try CLI.run(["estimate", "profile.yaml", "--pricing", TestSupport.testPricingPath], in: dir)
    #expect(ok.status == 0, "\(ok.stderr)")
    #expect(ok.stdout.contains("[unresolved-value] Fn: MemorySize cannot be resolved statically"))
  }

  @Test("a usage value may replace a template value only under override, and the report says so")
  func overrides() throws {
    let dir = try Self.workspace([
      "template.yaml": Self.samTemplate,
      "profile.yaml": Self.samProfile.replacingOccurrences(
        of: "WorkerFunction: {requests: 2 * pages, duration_ms: 50}",
        with: "WorkerFunction: {requests: 2 * pages, duration_ms: 50, memory_mb: 1024}"),
    ])
    let run = try CLI.run(["estimate", "profile.yaml", "--pricing", TestSupport.testPricingPath], in: dir)
    #expect(run.status == 2)
    #expect(
      run.stderr.contains(
        "error: architectures.sam.usage.WorkerFunction.memory_mb: memory_mb is set by the template: MemorySize = 512"))
    let profile = Self.samProfile.replacingOccurrences(
      of: "WorkerFunction: {requests: 2 * pages, duration_ms: 50}",
      with: "WorkerFunction: {requests: 2 * pages, duration_ms: 50, override: {memory_mb: 1024}}")
    try profile.write(to: dir.appendingPathComponent("profile.yaml"), atomically: true, encoding: .utf8)
    let json = try Self.estimateJSON(dir)
    let result = try #require(Self.results(json).first)
    // WorkerFunction at 1,024 MB: 2M × 0.05 s × 1 GB = 100,000 GB-s × $0.0000133334 = $1.33334, + $0.40 requests.
    #expect(Self.componentCost(result, "WorkerFunction") == "1.73334")
    let messages = (result["warnings"] as? [[String: String]] ?? []).compactMap { $0["message"] }
    #expect(
      messages.contains { $0.hasPrefix("WorkerFunction: memory_mb = 1024 overrides the template's MemorySize = 512") })
  }

  // MARK: Terraform

  /// `Fixtures/terraform/plan.json`: an EC2 instance with a 20 GB gp3 root volume and a public IP,
  /// a NAT gateway with its Elastic IP, and a child module `app` with a Fargate service (two ARM64
  /// tasks of 512 CPU units and 1,024 MiB from its task definition), an IAM role, a Kinesis video stream and
  /// two `count` instances of a 256 MB Lambda function. No free tier; 730 hours a month.
  /// - aws_instance.web: 730 h × $0.0104 = $7.592, public IPv4 730 × $0.005 = $3.65: $11.242.
  /// - Its root volume: 20 GB × $0.08 = $1.60.
  /// - aws_nat_gateway.main: 730 × $0.045 = $32.85, its IPv4 730 × $0.005 = $3.65, 10 GB × $0.045 = $0.45: $36.95.
  /// - module.app.aws_ecs_service.api: 2 × 0.5 vCPU × 730 h × $0.03238 = $23.6374, 2 × 1 GB × 730 × $0.00356 = $5.1976: $28.835.
  /// - The two workers (one usage entry for both `count` instances): 2 × 1M × 0.1 s × 0.25 GB = 50,000 GB-s
  ///   × $0.0000166667 = $0.833335, 2M requests × $0.20/1M = $0.40: $0.6166675 each.
  /// Total $11.242 + $1.60 + $36.95 + $28.835 + $1.233335 = $79.860335.
  @Test("a Terraform plan with a child module prices to the cent")
  func terraformPlan() throws {
    let plan = try String(
      contentsOfFile: TestSupport.path("Tests/BillcastCLITests/Fixtures/terraform/plan.json"), encoding: .utf8)
    let profile = """
      format: billcast.profile/1
      name: Terraform app
      region: us-east-1
      as_of: 2026-11-01
      account: {free_tier: none}
      workload:
        jobs: 1000000
      architectures:
        terraform:
          terraform_plan: plan.json
          usage:
            aws_nat_gateway.main: {processed_gb: 10}
            module.app.aws_lambda_function.worker: {requests: jobs, duration_ms: 100}
      """
    let dir = try Self.workspace(["plan.json": plan, "profile.yaml": profile])
    let result = try #require(Self.results(try Self.estimateJSON(dir)).first)
    #expect((result["total"] as? [String: String])?["low"] == "79.860335")
    #expect(Self.componentCost(result, "aws_instance.web") == "11.242")
    #expect(Self.componentCost(result, "aws_instance.web.root_block_device") == "1.6")
    #expect(Self.componentCost(result, "aws_nat_gateway.main") == "36.95")
    #expect(Self.componentCost(result, "module.app.aws_ecs_service.api") == "28.835")
    #expect(Self.componentCost(result, "module.app.aws_lambda_function.worker[1]") == "0.6166675")
    #expect(
      try Self.statuses(result) == [
        "aws_instance.web": "priced", "aws_eip.nat": "part-of", "aws_nat_gateway.main": "priced",
        "module.app.aws_ecs_service.api": "priced",
        "module.app.aws_ecs_task_definition.api": "part-of", "module.app.aws_iam_role.task": "free",
        "module.app.aws_kinesis_video_stream.jobs": "not-priced",
        "module.app.aws_lambda_function.worker[0]": "priced", "module.app.aws_lambda_function.worker[1]": "priced",
      ])
  }

  // MARK: Bad templates

  static func badRun(_ template: String, name: String = "template.yaml") throws -> CLIRun {
    let profile = """
      format: billcast.profile/1
      name: bad
      region: us-east-1
      workload: {n: 1}
      architectures:
        a:
          cloudformation: \(name)
      """
    let dir = try Self.workspace([name: template, "profile.yaml": profile])
    return try CLI.run(["estimate", "profile.yaml", "--pricing", TestSupport.testPricingPath], in: dir)
  }

  @Test(
    "bad templates get located errors, exit 2 and no output",
    arguments: [
      (
        "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties: {MemorySize: !Reff Size}\n",
        "template.yaml:4:30: error: Resources.Fn.Properties.MemorySize: unknown intrinsic function tag '!Reff' (did you mean '!Ref'?)"
      ),
      (
        "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties: {MemorySize: {Fn::Sum: [1, 2]}}\n",
        "template.yaml:4:30: error: Resources.Fn.Properties.MemorySize: unknown intrinsic function 'Fn::Sum' (did you mean 'Fn::Sub'?)"
      ),
      (
        "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties: {MemorySize: !Ref Size}\n",
        "template.yaml:4:30: error: Resources.Fn.Properties.MemorySize: Ref 'Size' names nothing"
      ),
      (
        "Conditions:\n  A: !Condition B\n  B: !Not [!Condition A]\nResources:\n  Q:\n    Type: AWS::S3::Bucket\n",
        "error: Conditions.A: circular dependency between conditions: A → B → A"
      ),
      (
        "Resources:\n  A:\n    Type: AWS::S3::Bucket\n    DependsOn: B\n  B:\n    Type: AWS::S3::Bucket\n    Properties: {BucketName: !Ref A}\n",
        "error: Resources.A: circular dependency between resources: A → B → A"
      ),
      (
        "Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties: {BucketName: !Sub '${Missing}-x'}\n",
        "template.yaml:4:30: error: Resources.A.Properties.BucketName: ${Missing} names nothing"
      ),
      ("Resources:\n  A: [\n", "template.yaml:3:1: error: invalid YAML"),
      (
        "{\"Resources\": {\"A\": {\"Type\": \"AWS::S3::Bucket\", \"Properties\": {\"BucketName\": {\"Fn::GetAtt\": [\"Nope\", \"Arn\"]}}}}}",
        "error: Resources.A.Properties.BucketName.Fn::GetAtt: Fn::GetAtt names 'Nope', which is not a resource of this template"
      ),
      (
        "Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties: {BucketName: !FindInMap [Sizes, a, b]}\n",
        "template.yaml:4:30: error: Resources.A.Properties.BucketName: Fn::FindInMap names mapping 'Sizes', which is not under Mappings"
      ),
    ])
  func badTemplate(template: String, expected: String) throws {
    let run = try Self.badRun(template, name: template.hasPrefix("{") ? "template.json" : "template.yaml")
    #expect(run.status == 2)
    #expect(run.stdout.isEmpty)
    #expect(run.stderr.contains(expected), "\(run.stderr)")
  }

  @Test("an alias bomb in a template is refused before it is expanded")
  func aliasBomb() throws {
    var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
    for i in 1...8 {
      text += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n"
    }
    let run = try Self.badRun(text + "Resources: {}\n")
    #expect(run.status == 2)
    #expect(run.stderr.contains("nodes once its aliases are expanded"))
  }

  // MARK: The example, and a template change in a diff

  /// A copy of the example (profile and templates) on a no-free-tier account, before and after
  /// the Lambda's `MemorySize` goes from 1,024 to 2,048 MB.
  static func exampleCopies() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("billcast-iac-diff-\(UUID().uuidString)")
    var profile = try String(
      contentsOfFile: TestSupport.path("examples/job-posting-analyzer-cloudformation.yaml"), encoding: .utf8)
    let account = try #require(profile.range(of: "account:\n(  .*\n)+", options: .regularExpression))
    profile.replaceSubrange(account, with: "account: {free_tier: none}\n")
    for side in ["old", "new"] {
      try FileManager.default.createDirectory(at: dir.appendingPathComponent(side), withIntermediateDirectories: true)
      try FileManager.default.copyItem(
        atPath: TestSupport.path("examples/cloudformation"),
        toPath: dir.appendingPathComponent("\(side)/cloudformation").path)
      try profile.write(to: dir.appendingPathComponent("\(side)/profile.yaml"), atomically: true, encoding: .utf8)
    }
    let lambda = dir.appendingPathComponent("new/cloudformation/lambda-function.yml")
    let text = try String(contentsOf: lambda, encoding: .utf8)
    #expect(text.contains("MemorySize: 1024"))
    try text.replacingOccurrences(of: "MemorySize: 1024", with: "MemorySize: 2048").write(
      to: lambda, atomically: true, encoding: .utf8)
    return dir
  }

  /// In the minimum scenario at its low end, the function serves 1,000 page views × (1 + 1 API
  /// call) + 730 h × 12 warm-ups = 10,760 requests × 0.2 s = 2,152 s; at 1 GB that is 2,152 GB-s
  /// × $0.0000166667 = $0.0358667384, and doubling the memory adds exactly as much again.
  @Test("a MemorySize change in a template moves exactly the Lambda duration line in billcast diff")
  func memorySizeDiff() throws {
    let dir = try Self.exampleCopies()
    let run = try CLI.run(
      ["diff", "old/profile.yaml", "new/profile.yaml", "--format", "json", "--pricing", TestSupport.testPricingPath],
      in: dir)
    #expect(run.status == 0, "\(run.stderr)")
    let json = try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let lines = try #require(json["lines"] as? [[String: Any]])
    #expect(lines.count == 3)  // one per scenario
    for line in lines {
      #expect(line["component"] as? String == "NuxtLambdaFunction")
      #expect(line["meter"] as? String == "duration")
      #expect(line["percent"] as? String == "100")
    }
    let minimum = try #require(lines.first { $0["scenario"] as? String == "minimum" })
    #expect((minimum["change"] as? [String: String])?["low"] == "0.0358667384")
  }

  @Test("the example prices the reference document's templates with every resource accounted for")
  func example() throws {
    let run = try CLI.run(["estimate", "examples/job-posting-analyzer-cloudformation.yaml", "--scenario", "minimum"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(
      run.stdout.contains(
        "Read from 5 CloudFormation templates: 18 resources, 8 priced, 0 part of another, 10 free, 0 not priced, 0 not created"
      ))
    // The templates' redirect-to-https makes CloudFront's requests HTTPS; the hand-written example keeps the document's HTTP rate.
    #expect(run.stdout.contains("$0.01/10K https requests"))
    // The compare CSV lists the resources that are not components of their own.
    let csv = try CLI.run([
      "compare", "examples/job-posting-analyzer-cloudformation.yaml", "--scenario", "minimum", "--format", "csv",
    ])
    #expect(csv.status == 0, "\(csv.stderr)")
    #expect(
      csv.stdout.contains("minimum,lambda-cloudfront,LambdaExecutionRole (AWS::IAM::Role),free,0,0,2.5202,4.615,"))
    #expect(csv.stdout.split(separator: "\n").filter { $0.contains(",free,0,0,") }.count == 10)
  }

  @Test(
    "redirect-to-https on every cache behaviour rules out HTTP requests; PriceClass_100 rules out Asia's rates and requests"
  )
  func cloudFrontTemplateValues() throws {
    let dir = try Self.workspace([:])
    try FileManager.default.copyItem(
      atPath: TestSupport.path("examples/cloudformation"), toPath: dir.appendingPathComponent("cloudformation").path)
    var profile = try String(
      contentsOfFile: TestSupport.path("examples/job-posting-analyzer-cloudformation.yaml"), encoding: .utf8)
    profile = profile.replacingOccurrences(
      of: "        transfer_out_gb: page_views * page_weight_mb / 1024\n",
      with:
        "        transfer_out_gb: page_views * page_weight_mb / 1024\n        http_requests: page_views\n        transfer_out_gb_japan: 1\n        https_requests_japan: 1\n"
    )
    try profile.write(to: dir.appendingPathComponent("profile.yaml"), atomically: true, encoding: .utf8)
    let run = try CLI.run(["estimate", "profile.yaml", "--pricing", TestSupport.testPricingPath], in: dir)
    #expect(run.status == 2)
    #expect(
      run.stderr.contains(
        "usage.CloudFrontDistribution.http_requests: http_requests is set by the template: ViewerProtocolPolicy = 0 at cloudformation/cloudfront-distribution.yml:"
      ), "\(run.stderr)")
    #expect(
      run.stderr.contains(
        "usage.CloudFrontDistribution.transfer_out_gb_japan: transfer_out_gb_japan does not apply to CloudFrontDistribution: PriceClass_100"
      ), "\(run.stderr)")
    // Japan's requests too (issue 25: each edge group's requests have their own inputs).
    #expect(
      run.stderr.contains(
        "usage.CloudFrontDistribution.https_requests_japan: https_requests_japan does not apply to CloudFrontDistribution: PriceClass_100"
      ), "\(run.stderr)")
  }

  @Test("billcast init writes a starter profile whose estimate names every usage input still to fill in")
  func initFromTemplates() throws {
    let dir = try Self.workspace([:])
    try FileManager.default.copyItem(
      atPath: TestSupport.path("examples/cloudformation"), toPath: dir.appendingPathComponent("cloudformation").path)
    let written = try CLI.run(
      [
        "init", "--cloudformation", "cloudformation/lambda-function.yml", "--output", "starter.yaml", "--pricing",
        TestSupport.testPricingPath,
      ], in: dir)
    #expect(written.status == 0, "\(written.stderr)")
    let text = try String(contentsOf: dir.appendingPathComponent("starter.yaml"), encoding: .utf8)
    #expect(text.contains("cloudformation: [cloudformation/lambda-function.yml]"))
    #expect(text.contains("requests: ~   # requests/month — Invocations per month"))
    let run = try CLI.run(["estimate", "starter.yaml", "--pricing", TestSupport.testPricingPath], in: dir)
    #expect(run.status == 2)
    #expect(run.stdout.isEmpty)
    for input in [
      "NuxtLambdaFunction.requests", "NuxtLambdaFunction.duration_ms", "LambdaLogGroup.log_ingest_gb",
      "LambdaLogGroup.log_storage_gb",
    ] {
      #expect(
        run.stderr.contains(
          "error: architectures.main.usage.\(input): \(input.split(separator: ".")[1]) is not filled in yet"),
        "\(input): \(run.stderr)")
    }
  }
}
