import BillcastTestSupport
import Foundation
import Testing

/// Findings of the third adversarial run: Provisioned Concurrency configs added up and linked by
/// name, a provisioned Lambda function's hours, long labels, Price List offers with a $0 price or
/// conflicting terms, and workload variables' units.
@Suite("Hostile inputs, round 3")
struct HostileRound3Tests {
  typealias TF = HostileTerraformTests

  static func function(_ address: String, name: String) -> TF.Planned {
    (address, "aws_lambda_function", "{\"function_name\": \"\(name)\", \"memory_size\": 1024}")
  }

  static func config(_ address: String, function: String, executions: Int = 10) -> TF.Planned {
    (
      address, "aws_lambda_provisioned_concurrency_config",
      "{\"function_name\": \"\(function)\", \"qualifier\": \"live\", \"provisioned_concurrent_executions\": \(executions)}"
    )
  }

  static func reference(_ address: String) -> (String, String, String) {
    (
      address, "aws_lambda_provisioned_concurrency_config",
      "{\"function_name\": {\"references\": [\"aws_lambda_function.f.function_name\", \"aws_lambda_function.f\"]}}"
    )
  }

  // MARK: Terraform Provisioned Concurrency

  /// Two configs (aliases `live` and `beta`, 10 executions each) on one 1,024 MB function, no
  /// requests: 20 × 1 GB × 730 h × 3,600 s = 52,560,000 GB-s × $0.0000041667 (us-east-1
  /// aws.lambda/provisioned-concurrency[x86_64]) = $219.001752. One config alone would be
  /// 26,280,000 GB-s, $109.500876.
  @Test("every Provisioned Concurrency config of a Terraform function adds its executions")
  func provisionedConfigsAddUp() throws {
    let plan = TF.plan(
      [
        Self.function("aws_lambda_function.f", name: "f"),
        Self.config("aws_lambda_provisioned_concurrency_config.live", function: "f"),
        Self.config("aws_lambda_provisioned_concurrency_config.beta", function: "f"),
      ],
      config: [
        Self.reference("aws_lambda_provisioned_concurrency_config.live"),
        Self.reference("aws_lambda_provisioned_concurrency_config.beta"),
      ])
    let dir = try TF.workspace(plan: plan, usage: "aws_lambda_function.f: {requests: 0, duration_ms: 100}")
    let result = try TF.estimate(dir)
    #expect(TemplateTests.componentCost(result, "aws_lambda_function.f") == "219.001752")
    #expect(TF.owners(result)["aws_lambda_provisioned_concurrency_config.beta"] == "aws_lambda_function.f")
  }

  /// A config naming its function by the literal `function_name` "orders" (no reference): linked
  /// by the function's planned name, 10 × 1 GB × 730 h × 3,600 s = 26,280,000 GB-s ×
  /// $0.0000041667 = $109.500876. A config naming no function of the plan is not priced, with a
  /// warning, never free.
  @Test("a Terraform Provisioned Concurrency config names its function by its planned name, or is not priced")
  func provisionedConfigByName() throws {
    let plan = TF.plan([
      Self.function("aws_lambda_function.f", name: "orders"),
      Self.config("aws_lambda_provisioned_concurrency_config.live", function: "orders"),
      Self.config("aws_lambda_provisioned_concurrency_config.lost", function: "elsewhere"),
    ])
    let dir = try TF.workspace(plan: plan, usage: "aws_lambda_function.f: {requests: 0, duration_ms: 100}")
    let result = try TF.estimate(dir)
    #expect(TemplateTests.componentCost(result, "aws_lambda_function.f") == "109.500876")
    let statuses = try TemplateTests.statuses(result)
    #expect(statuses["aws_lambda_provisioned_concurrency_config.live"] == "part-of")
    #expect(statuses["aws_lambda_provisioned_concurrency_config.lost"] == "not-priced")
    let warnings = TF.warnings(result)
    #expect(warnings.contains { $0.contains("aws_lambda_provisioned_concurrency_config.lost") }, "\(warnings)")
  }
}

extension HostileRound3Tests {
  // MARK: Provisioned hours

  /// A hand-written function with `provisioned: "yes"` and 10 executions but no
  /// `provisioned_hours`: Provisioned Concurrency is kept the whole month (us-east-1 rates):
  /// - PC: 10 × 1 GB × 730 h × 3,600 s = 26,280,000 GB-s × $0.0000041667 = $109.500876.
  /// - Duration: 1,000,000 × 1 s × 1 GB = 1,000,000 GB-s × $0.0000097222 = $9.7222.
  /// - Requests: 1,000,000 × $0.20 / 1M = $0.20.
  /// Total $119.423076 (it was $9.9222: the hours silently 0).
  @Test("a provisioned Lambda function without provisioned_hours is provisioned the whole month")
  func provisionedHoursDefault() throws {
    let profile = """
      format: billcast.profile/1
      name: t
      region: us-east-1
      as_of: 2026-11-30
      account: {free_tier: none}
      architectures:
        a:
          components:
            f:
              service: aws.lambda
              inputs:
                requests: 1000000
                duration_ms: 1000
                memory_mb: 1024
                provisioned: "yes"
                provisioned_concurrency: 10
      """
    let dir = try TemplateTests.workspace(["profile.yaml": profile])
    let result = try #require(TemplateTests.results(try TemplateTests.estimateJSON(dir)).first)
    #expect((result["total"] as? [String: String])?["low"] == "119.423076")
  }
}

extension HostileRound3Tests {
  // MARK: Long labels

  /// A 200 KB unbroken label in a table fitted to 40 columns: the cell shows its first 1,999
  /// characters and `…`, wrapped, not 200,000 characters in 5,000 lines.
  @Test("a table cell shows at most 2,000 characters of a long label, ending in …")
  func longLabelIsCut() throws {
    let label = String(repeating: "x", count: 200_000)
    let profile = """
      format: billcast.profile/1
      name: t
      region: us-east-1
      as_of: 2026-11-30
      account: {free_tier: none}
      architectures:
        a:
          components:
            f: {service: aws.lambda, label: "\(label)", inputs: {requests: 1000000, duration_ms: 100}}
      """
    let dir = try TemplateTests.workspace(["profile.yaml": profile])
    // A short pricing path: the header wraps at spaces, and an absolute path may be longer than 40.
    try FileManager.default.copyItem(atPath: TestSupport.testPricingPath, toPath: dir.appendingPathComponent("p").path)
    let run = try CLI.run(["estimate", "profile.yaml", "--width", "40", "--pricing", "p"], in: dir)
    #expect(run.status == 0, "\(run.stderr)")
    let shown = run.stdout.filter { $0 == "x" }.count
    #expect(shown > 0 && shown <= 2 * 1999, "\(shown) characters of the label shown")
    #expect(run.stdout.contains("…"))
    #expect(!run.stdout.split(separator: "\n").contains { $0.count > 40 })
  }
}

extension HostileRound3Tests {
  // MARK: Price List offers

  /// `pricing import` in a fresh copy of the frozen test catalog of an offer written as `name`.
  static func importOffer(_ offer: OfferFixture, name: String = "offer.json") throws -> CLIRun {
    let dir = try PriceListCommandTests.workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    try offer.write(name, in: dir)
    return try CLI.run(["pricing", "import", name, "--pricing", "after", "--dry-run"], in: dir)
  }

  /// Lambda's requests at "0.0000000000" a request: the tables' $0.20 per million falls to $0.
  /// Imported (an offer may make a meter free), with a warning in the report naming the meter.
  @Test("pricing import warns when a paid rate falls to $0")
  func zeroPriceWarns() throws {
    let offer = OfferFixture(products: [.requests(usd: "0.0000000000")])
    let run = try Self.importOffer(offer)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(
      run.stdout.contains("warning    aws.lambda/requests: a paid rate falls to $0 (SKU GU2ZS9HVP6QTQ7KE)"),
      "\(run.stdout)")
  }

  /// Two on-demand terms of the requests SKU, both effective 2026-11-01, at $0.20 and $0.90 per
  /// million: which one AWS bills cannot be told, so the offer is refused where the terms are.
  @Test("pricing import refuses a SKU with conflicting on-demand terms of one date")
  func conflictingTerms() throws {
    let offer = OfferFixture(products: [.requests()])
    let term = "\"GU2ZS9HVP6QTQ7KE.JRTCKXETXF\": {"
    let second =
      "\"GU2ZS9HVP6QTQ7KE.ZZZ\": {\"sku\": \"GU2ZS9HVP6QTQ7KE\", \"effectiveDate\": \"2026-11-01T00:00:00Z\", \"priceDimensions\": {\"GU2ZS9HVP6QTQ7KE.ZZZ.1\": {\"rateCode\": \"GU2ZS9HVP6QTQ7KE.ZZZ.1\", \"beginRange\": \"0\", \"endRange\": \"Inf\", \"unit\": \"Requests\", \"pricePerUnit\": {\"USD\": \"0.0000009\"}}}}, "
    var text = offer.json
    let at = try #require(text.range(of: term, options: .backwards))
    text.insert(contentsOf: second, at: at.lowerBound)
    let dir = try PriceListCommandTests.workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    try text.write(to: dir.appendingPathComponent("offer.json"), atomically: true, encoding: .utf8)
    let run = try CLI.run(["pricing", "import", "offer.json", "--pricing", "after", "--dry-run"], in: dir)
    #expect(run.status == 2 && run.stdout.isEmpty, "\(run.stdout)")
    #expect(
      run.stderr.hasPrefix(
        "offer.json:10:25: error: SKU GU2ZS9HVP6QTQ7KE has conflicting on-demand terms effective 2026-11-01T00:00:00Z"),
      "\(run.stderr)")
  }
}

extension HostileRound3Tests {
  // MARK: Workload units

  /// `size: {value: 500, unit: MB}` given to S3's `storage_gb` (GB-month) is priced as 500 GB, so the
  /// estimate warns, naming both units; `gb: {value: 5, unit: GB}` given to the same input, and a
  /// variable in `requests` given to Lambda's `requests` (requests/month), do not warn.
  @Test("a workload variable given directly to an input in another unit is warned about")
  func workloadUnitMismatch() throws {
    let profile = """
      format: billcast.profile/1
      name: t
      region: us-east-1
      as_of: 2026-11-30
      account: {free_tier: none}
      workload:
        size: {value: 500, unit: MB}
        gb: {value: 5, unit: GB}
        calls: {value: 1000, unit: requests}
      architectures:
        a:
          components:
            s: {service: aws.s3, inputs: {storage_gb: size, put_requests: 0, get_requests: 0}}
            t: {service: aws.s3, inputs: {storage_gb: gb, put_requests: 0, get_requests: 0}}
            f: {service: aws.lambda, inputs: {requests: calls, duration_ms: 100}}
      """
    let dir = try TemplateTests.workspace(["profile.yaml": profile])
    let result = try #require(TemplateTests.results(try TemplateTests.estimateJSON(dir)).first)
    let warnings = HostileTerraformTests.warnings(result).filter { $0.hasPrefix("unit-mismatch") }
    #expect(
      warnings == [
        "unit-mismatch: s: storage_gb is measured in GB-month, but the workload variable size it is given is in MB; billcast does not convert units, so its value is taken as GB-month"
      ], "\(warnings)")
  }
}
