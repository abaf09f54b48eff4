import BillcastBill
import BillcastCore
import BillcastTestSupport
import Testing

/// Reading real and hand-written bills: formats, kinds of charge, amounts, and located errors.
@Suite struct BillReaderTests {
  /// Every row of a bill, or the reader's errors.
  static func read(_ path: String, options: BillReadOptions = BillReadOptions()) throws(DiagnosticError) -> (
    BillFormat, [BillRow]
  ) {
    var reader = try BillReader(path: path, options: options)
    var rows: [BillRow] = []
    while let row = try reader.next() { rows.append(row) }
    try reader.finish()
    return (reader.format, rows)
  }

  /// The messages of a bill's errors, as printed.
  static func errors(_ text: String, options: BillReadOptions = BillReadOptions()) -> [String] {
    let file = BillFile(text)
    do throws(DiagnosticError) {
      _ = try read(file.path, options: options)
      return []
    } catch {
      return error.diagnostics.map { $0.description.replacingOccurrences(of: file.path, with: "bill.csv") }
    }
  }

  /// The FinOps Foundation's FOCUS 1.0 sample (Tests/Fixtures/bills/README.md) reads without an error.
  ///
  /// The expected figures were added up from the file with Python's `csv` and `decimal` modules:
  /// 1,000 rows; BilledCost sums to 20.52022672899 over all rows (942 AWS rows: 18.00663861840).
  /// By kind: 686 usage rows (22.86192672899), 307 usage rows at $0 with a PricingQuantity above 0
  /// (free tier; a row whose PricingQuantity is 0 is not, whatever its ConsumedQuantity), 4 covered
  /// by a commitment (`CommitmentDiscountId` neither empty nor NULL; BilledCost 0), 1 credit
  /// (−2.6137) and 2 adjustments (0.272). 22.86192672899 − 2.6137 + 0.272 = 20.52022672899.
  @Test func focusSampleReads() throws {
    let (format, rows) = try Self.read(TestSupport.path("Tests/Fixtures/bills/focus-1.0-sample.csv"))
    #expect(format == .focus(version: "1.0"))
    #expect(rows.count == 1000)
    #expect(rows.reduce(ExactDecimal.zero) { $0 + $1.billedCost } == ExactDecimal("20.52022672899")!)
    let aws = rows.filter { $0.provider == "AWS" }
    #expect(aws.count == 942)
    #expect(aws.reduce(ExactDecimal.zero) { $0 + $1.billedCost } == ExactDecimal("18.00663861840")!)
    func kind(_ k: BillChargeKind) -> (Int, ExactDecimal) {
      let matching = rows.filter { $0.kind == k }
      return (matching.count, matching.reduce(.zero) { $0 + $1.billedCost })
    }
    #expect(kind(.usage) == (686, ExactDecimal("22.86192672899")!))
    #expect(kind(.freeTier) == (307, .zero))
    #expect(kind(.committedUsage) == (4, .zero))
    #expect(kind(.credit) == (1, ExactDecimal("-2.6137")!))
    #expect(kind(.adjustment) == (2, ExactDecimal("0.272")!))
    // The first data row (line 2): SQS requests in us-west-2, 2 requests at $0.0000004.
    #expect(rows[0].line == 2 && rows[0].region == "us-west-2" && rows[0].sku == "G95FST5FTYV3JSRX")
    #expect(rows[0].quantity == 2 && rows[0].listUnitPrice == ExactDecimal("0.0000004")!)
    #expect(rows[0].month == "2024-09" && rows[0].serviceName == "Amazon Simple Queue Service")
    // The second row's tags, a JSON object in a quoted field.
    #expect(rows[1].tags["application"] == "BrightLensMatrix")
  }

  /// CUR 2.0 rows: each line item type's kind and amortized cost, as AWS's Cloud Intelligence
  /// Dashboards compute it (docs/research/bill-formats.md, section 4).
  @Test func curLineItemTypes() throws {
    let header =
      "bill_billing_period_start_date,line_item_usage_start_date,line_item_line_item_type,line_item_product_code,line_item_usage_type,line_item_usage_amount,line_item_unblended_cost,line_item_currency_code,line_item_usage_account_id,pricing_public_on_demand_rate,pricing_public_on_demand_cost,savings_plan_savings_plan_effective_cost,savings_plan_total_commitment_to_date,savings_plan_used_commitment,reservation_effective_cost,reservation_reservation_a_r_n,resource_tags"
    let rows = [
      // Usage: 3,600,000 GB-s × $0.0000166667 = 60.00012.
      "2026-10-01T00:00:00Z,2026-10-01T00:00:00Z,Usage,AWSLambda,USE1-Lambda-GB-Second,3600000,60.00012,USD,111122223333,0.0000166667,60.00012,0,0,0,0,,\"{\"\"user_app\"\": \"\"jobs\"\"}\"",
      // Covered by a Savings Plan: billed at on-demand 10, effective 7.2 (the plan's rate).
      "2026-10-01T00:00:00Z,2026-10-01T00:00:00Z,SavingsPlanCoveredUsage,AWSLambda,USE1-Lambda-GB-Second,600000,10,USD,111122223333,0.0000166667,10,7.2,0,0,0,,",
      // Its negation: −10 billed, 0 effective.
      "2026-10-01T00:00:00Z,2026-10-01T00:00:00Z,SavingsPlanNegation,AWSLambda,USE1-Lambda-GB-Second,0,-10,USD,111122223333,,,0,0,0,0,,",
      // The plan's recurring fee: 8 billed; effective = commitment to date 8 − used 7.2 = 0.8 unused.
      "2026-10-01T00:00:00Z,2026-10-01T00:00:00Z,SavingsPlanRecurringFee,ComputeSavingsPlans,ComputeSP:1yrNoUpfront,1,8,USD,111122223333,,,0,8,7.2,0,,",
      // An RI's upfront fee: billed 100, effective 0 (amortized into its usage).
      "2026-10-01T00:00:00Z,2026-10-01T00:00:00Z,Fee,AmazonRDS,USE1-HeavyUsage:db.t3.micro,1,100,USD,111122223333,,,0,0,0,0,arn:aws:rds:us-east-1:111122223333:ri:x,",
      "2026-10-01T00:00:00Z,2026-10-01T00:00:00Z,Credit,AWSLambda,,0,-25,USD,111122223333,,,0,0,0,0,,",
      "2026-10-01T00:00:00Z,2026-10-01T00:00:00Z,Tax,AWSLambda,,0,4.5,USD,111122223333,,,0,0,0,0,,",
      "2026-10-01T00:00:00Z,2026-10-01T00:00:00Z,Refund,AWSLambda,,0,-1,USD,111122223333,,,0,0,0,0,,",
    ]
    let file = BillFile(([header] + rows).joined(separator: "\n") + "\n")
    let (format, read) = try Self.read(file.path)
    #expect(format == .cur(legacy: false))
    #expect(
      read.map(\.kind) == [
        .usage, .committedUsage, .commitmentNegation, .commitmentFee, .purchase, .credit, .tax, .refund,
      ])
    #expect(read.map(\.billedCost) == [ExactDecimal("60.00012")!, 10, -10, 8, 100, -25, ExactDecimal("4.5")!, -1])
    #expect(
      read.map(\.effectiveCost) == [
        ExactDecimal("60.00012")!, ExactDecimal("7.2")!, 0, ExactDecimal("0.8")!, 0, -25, ExactDecimal("4.5")!, -1,
      ])
    #expect(read[0].tags == ["user_app": "jobs"] && read[0].usageType == "USE1-Lambda-GB-Second")
    #expect(read[0].quantity == 3_600_000 && read[0].serviceCode == "AWSLambda")
  }

  /// The legacy CUR's names (`lineItem/UsageType`) are read as CUR 2.0's, its tag columns as tags.
  @Test func legacyCUR() throws {
    let file = BillFile(
      """
      bill/BillingPeriodStartDate,lineItem/UsageStartDate,lineItem/LineItemType,lineItem/ProductCode,lineItem/UsageType,lineItem/UsageAmount,lineItem/UnblendedCost,lineItem/CurrencyCode,resourceTags/aws:cloudformation:logical-id
      2026-09-01T00:00:00Z,2026-09-03T00:00:00Z,Usage,AmazonS3,TimedStorage-ByteHrs,12.5,0.2875,USD,UploadsBucket

      """)
    let (format, rows) = try Self.read(file.path)
    #expect(format == .cur(legacy: true))
    #expect(rows.count == 1 && rows[0].usageType == "TimedStorage-ByteHrs" && rows[0].quantity == ExactDecimal("12.5")!)
    #expect(rows[0].tags == ["aws:cloudformation:logical-id": "UploadsBucket"] && rows[0].month == "2026-09")
  }

  /// A non-USD bill needs its rate; with it, every amount is converted (12.5 EUR × 1.08 = 13.5 USD).
  @Test func currencies() throws {
    let text = """
      BillingPeriodStart,ChargePeriodStart,ChargeCategory,BilledCost,EffectiveCost,BillingCurrency,ServiceName
      2026-09-01T00:00:00Z,2026-09-01T00:00:00Z,Usage,12.5,12.5,EUR,AWS Lambda
      2026-09-01T00:00:00Z,2026-09-02T00:00:00Z,Usage,1,1,EUR,AWS Lambda

      """
    #expect(
      Self.errors(text) == [
        "bill.csv:2:59: error: the bill is in EUR, and billcast's tables are in USD: give its rate with --exchange-rate EUR=<USD per unit>"
      ])
    let file = BillFile(text)
    let (_, rows) = try Self.read(file.path, options: BillReadOptions(exchangeRates: ["EUR": ExactDecimal("1.08")!]))
    #expect(rows.map(\.billedCost) == [ExactDecimal("13.5")!, ExactDecimal("1.08")!])
  }

  /// Every bad row is reported at once, located at its field, and nothing is returned.
  @Test func badRowsAreLocated() {
    let text = """
      BillingPeriodStart,ChargePeriodStart,ChargeCategory,BilledCost,BillingCurrency,ServiceName
      2026-09-01T00:00:00Z,2026-09-01T00:00:00Z,Usage,12abc,USD,AWS Lambda
      2026-09-01T00:00:00Z,2026-09-01T00:00:00Z,Usage,1_000,USD,AWS Lambda
      yesterday,2026-09-01T00:00:00Z,Usage,1,USD,AWS Lambda
      2026-09-01T00:00:00Z,2026-09-01T00:00:00Z,Usage,1,USD
      2026-09-01T00:00:00Z,2026-09-01T00:00:00Z,Usage,,USD,AWS Lambda

      """
    #expect(
      Self.errors(text) == [
        "bill.csv:2:49: error: BilledCost: '12abc' is not a number",
        "bill.csv:3:49: error: BilledCost: '1_000' is not a number",
        "bill.csv:4:1: error: BillingPeriodStart: 'yesterday' is not a date (YYYY-MM-DD…)",
        "bill.csv:5:1: error: a row has 5 fields; the header has 6",
        "bill.csv:6:49: error: BilledCost: the cost is empty",
      ])
  }

  /// A file that is not a bill, or lacks a column billcast needs, is refused at its header.
  @Test func headers() {
    #expect(
      Self.errors("a,b\n1,2\n").first?.hasPrefix(
        "bill.csv:1:1: error: this is not a bill billcast reads: its header has neither FOCUS's BilledCost nor CUR's line_item_unblended_cost"
      ) == true)
    #expect(
      Self.errors("BilledCost,ServiceName\n1,x\n") == [
        "bill.csv:1:1: error: the FOCUS 1.0 header lacks required columns: ChargeCategory, BillingCurrency, ChargePeriodStart"
      ])
    #expect(Self.errors("") == ["bill.csv:1:1: error: the bill is empty: it has no header"])
    // Both of a header's problems at once.
    #expect(
      Self.errors("BilledCost,BilledCost,ServiceName\n1,1,x\n") == [
        "bill.csv:1:1: error: the header names BilledCost more than once: which column is meant is ambiguous",
        "bill.csv:1:1: error: the FOCUS 1.0 header lacks required columns: ChargeCategory, BillingCurrency, ChargePeriodStart",
      ])
  }

  /// A row longer than the limit is refused, not kept: a hostile file cannot grow memory.
  @Test func hugeRowIsRefused() {
    let huge = String(repeating: "x", count: 3 << 20)
    let text =
      "BilledCost,ChargeCategory,BillingCurrency,ChargePeriodStart,ServiceName\n1,Usage,USD,2026-09-01,\"\(huge)\"\n"
    let errors = Self.errors(text)
    #expect(
      errors.count == 1 && errors[0].contains("one value is larger than 1 MB; this is not a bill billcast can read"))
  }

  /// Spreadsheet formulas in a bill are text: a cell is never evaluated, only read.
  @Test func formulaLookingCellsAreText() throws {
    let file = BillFile(
      """
      BilledCost,ChargeCategory,BillingCurrency,ChargePeriodStart,ServiceName,ChargeDescription
      1,Usage,USD,2026-09-01,"=HYPERLINK(""http://x"")",@SUM(A1)

      """)
    let (_, rows) = try Self.read(file.path)
    #expect(rows[0].serviceName == "=HYPERLINK(\"http://x\")" && rows[0].description == "@SUM(A1)")
  }

  /// Bill numbers: exponents are exact; beyond 18 fractional digits they are rounded, not refused.
  @Test func numbers() throws {
    let file = BillFile(
      """
      BilledCost,ChargeCategory,BillingCurrency,ChargePeriodStart,ServiceName
      1.6666667E-5,Usage,USD,2026-09-01,a
      2.5E-21,Usage,USD,2026-09-01,b
      0.0000000000000000015,Usage,USD,2026-09-01,c
      -3e2,Usage,USD,2026-09-01,d

      """)
    let (_, rows) = try Self.read(file.path)
    // 1.6666667E-5 = 0.000016666667; 2.5E-21 rounds to 0; 1.5E-18 rounds half up to 2E-18; −3e2 = −300.
    #expect(
      rows.map(\.billedCost) == [ExactDecimal("0.000016666667")!, .zero, ExactDecimal(raw: 2), ExactDecimal(-300)])
  }

  /// Tag keys compare in one form across FOCUS, CUR 2.0 and the legacy CUR.
  @Test func tagKeys() {
    #expect(BillTags.normalised("aws:cloudformation:logical-id") == "aws_cloudformation_logical_id")
    #expect(BillTags.normalised("aws_cloudformation_logical_id") == "aws_cloudformation_logical_id")
    #expect(BillTags.normalised("user:App") == "app" && BillTags.normalised("user_app") == "app")
    #expect(BillTags.normalised("resourceTags/user:app") == "app")
  }
}
