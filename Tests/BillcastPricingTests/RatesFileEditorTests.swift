import BillcastCore
import Testing

@testable import BillcastPricing

/// The rates-file editor's YAML: strings from an offer read back as themselves, and a text that
/// says more than the edits made is caught before it is written (issue 24, round 2, item 10).
@Suite("Rates file editor")
struct RatesFileEditorTests {
  static let file = """
    format: billcast.rates/1
    id: aws/us-east-1
    provider: aws
    region: us-east-1
    effective: 2026-11-30
    sources:
      lambda-pricing: {url: https://aws.amazon.com/lambda/pricing/, read: 2026-11-30, grade: P}
    rates:
      aws.lambda/requests: {rate: 0.20, source: lambda-pricing}

    """

  @Test("a string that is not plain-safe is double-quoted with escapes and reads back as itself")
  func scalarsReadBack() throws {
    #expect(RatesFileEditor.scalar("GU2ZS9HVP6QTQ7KE") == "GU2ZS9HVP6QTQ7KE")
    #expect(
      RatesFileEditor.scalar("https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AWSLambda/1/us-east-1/index.json")
        == "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AWSLambda/1/us-east-1/index.json")
    #expect(RatesFileEditor.scalar("true") == "\"true\"")
    #expect(RatesFileEditor.scalar("12345") == "\"12345\"")
    let hostile = "A}\n  aws.ec2/instance-hours[t3.micro]: {rate: 0, source: \"x\\y\"\u{1B}[2J"
    let quoted = RatesFileEditor.scalar(hostile)
    #expect(quoted == "\"A}\\n  aws.ec2/instance-hours[t3.micro]: {rate: 0, source: \\\"x\\\\y\\\"\\u001B[2J\"")
    var editor = try RatesFileEditor(text: Self.file, path: "r.yaml")
    editor.set(
      MeterKey("aws.lambda/requests")!, tiers: [RateTier(upto: nil, rate: ExactDecimal("0.3")!)],
      source: "lambda-pricing", sku: hostile)
    let reread = try RatesFileEditor(text: editor.text, path: "r.yaml")
    #expect(reread.current[MeterKey("aws.lambda/requests")!]?.sku == hostile)
    #expect(reread.current.count == 1)
    #expect(try RatesFileEditor.unintendedChanges(in: editor.text, path: "r.yaml", intended: editor) == [])
  }

  @Test("a text that adds an entry, a source or a date the edits did not make is named, key by key")
  func unintendedChangesAreNamed() throws {
    var editor = try RatesFileEditor(text: Self.file, path: "r.yaml")
    editor.set(
      MeterKey("aws.lambda/requests")!, tiers: [RateTier(upto: nil, rate: ExactDecimal("0.3")!)],
      source: "lambda-pricing", sku: "GU2ZS9HVP6QTQ7KE")
    let smuggled =
      editor.text.replacingOccurrences(of: "effective: 2026-11-30", with: "effective: 2027-01-01")
      + "  aws.ec2/instance-hours[t3.micro]: {rate: 0, source: lambda-pricing}\n"
    #expect(
      try RatesFileEditor.unintendedChanges(in: smuggled, path: "r.yaml", intended: editor) == [
        "effective", "rates.aws.ec2/instance-hours[t3.micro]",
      ])
    let changedRate = editor.text.replacingOccurrences(of: "rate: 0.3", with: "rate: 0.03")
    #expect(
      try RatesFileEditor.unintendedChanges(in: changedRate, path: "r.yaml", intended: editor) == [
        "rates.aws.lambda/requests"
      ])
  }

  @Test("an entry's own usage_type survives an import that rewrites its rate, in flow and block style")
  func usageTypeIsKept() throws {
    let text = Self.file.replacingOccurrences(
      of: "  aws.lambda/requests: {rate: 0.20, source: lambda-pricing}",
      with:
        "  aws.secretsmanager/api-calls: {rate: 0.05, source: lambda-pricing, usage_type: AWSSecretsManager-APIRequests}"
    )
    let key = MeterKey("aws.secretsmanager/api-calls")!
    var editor = try RatesFileEditor(text: text, path: "r.yaml")
    #expect(editor.current[key]?.usageType == "AWSSecretsManager-APIRequests")
    editor.set(
      key, tiers: [RateTier(upto: nil, rate: ExactDecimal("0.06")!)], source: "lambda-pricing", sku: "EGBHGCHDFAQWM4B6")
    #expect(
      editor.text.contains(
        "  aws.secretsmanager/api-calls: {rate: 0.06, source: lambda-pricing, sku: EGBHGCHDFAQWM4B6, usage_type: AWSSecretsManager-APIRequests}"
      ), "\(editor.text)")
    // Tiers are written in block style, the usage type after the SKU.
    editor.set(
      key,
      tiers: [RateTier(upto: ExactDecimal("100")!, rate: ExactDecimal("0.06")!), RateTier(upto: nil, rate: .zero)],
      source: "lambda-pricing", sku: nil)
    #expect(
      editor.text.contains("    source: lambda-pricing\n    usage_type: AWSSecretsManager-APIRequests\n    tiers:"))
    #expect(try RatesFileEditor.unintendedChanges(in: editor.text, path: "r.yaml", intended: editor) == [])
  }
}
