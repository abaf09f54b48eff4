import BillcastBill
import BillcastCore
import BillcastPricing
import BillcastReport
import BillcastTestSupport
import Foundation
import Testing

@testable import BillcastEngine

/// The reconcile reports in every format, from a reconciliation built by hand whose figures add up.
///
/// Two months, two services. Lambda requests: $0.20 per 1M (0.0000002 a request), 1M free a month.
/// DynamoDB write request units: the table says $1.25 per 1M (0.00000125), the bill charges
/// $1.50 per 1M (0.0000015). The estimate of each month is the same:
/// - Lambda: 2M–3M requests, 1M free, 1M–2M billable × 0.0000002 = $0.20–$0.40;
/// - DynamoDB: 4M WRU × 0.00000125 = $5.00;
/// - total $5.20–$5.40.
///
/// 2026-09 (720 hours): Lambda 6M requests, 1M free at $0, 5M × 0.0000002 = $1.00 (2 rows): ×2 the
/// estimate's high end of 3M, explained by `api.requests_per_month` 2M–3M → 6M; DynamoDB 4M ×
/// 0.0000015 = $6.00 (1 row), rate ×1.2 (0.0000015 ÷ 0.00000125), effect (0.0000015 −
/// 0.00000125) × 4M = $1.00. Matched $7.00 in 3 rows. Unknown: CloudWatch metrics $3.00 (1 row).
/// A credit −$2.00 (list 0) and tax $0.80. The whole bill: 7.00 + 3.00 − 2.00 + 0.80 = $8.80
/// billed and effective, list 7.00 + 3.00 + 0 + 0.80 = $10.80, 6 rows. Difference to the
/// estimate's high end: 8.80 − 5.40 = +$3.40 (3.40 ÷ 5.40 = 62.96…% → +63.0%), which the causes
/// add up to: unknown 3.00 + rate 1.00 + quantity (1.00 − 0.40) 0.60 − credit 2.00 + tax 0.80.
///
/// 2026-10 (744 hours): Lambda 3M requests, none free on the bill, 3M × 0.0000002 = $0.60 (1 row)
/// while billcast drew 1M from the free tier: the free-tier difference, 1M × 0.0000002 = $0.20.
/// DynamoDB as in September ($6.00, effect $1.00). Matched $6.60 in 2 rows; a credit −$2.00.
/// The whole bill: 6.60 − 2.00 = $4.60 (list $6.60), 3 rows; below the estimate's low end:
/// 4.60 − 5.20 = −$0.60 (−0.60 ÷ 5.20 = −11.54% → −11.5%).
@Suite("Reconcile reports")
struct ReconcileReportTests {
  static func d(_ text: String) -> ExactDecimal { TestSupport.d(text) }

  static func amounts(_ billed: String, _ effective: String, _ list: String, rows: Int) -> BillAmounts {
    var a = BillAmounts()
    a.billed = d(billed)
    a.effective = d(effective)
    a.list = d(list)
    a.rows = rows
    return a
  }

  static let requests = MeterKey(service: "aws.lambda", meter: "requests")
  static let writes = MeterKey(service: "aws.dynamodb", meter: "write-request-units")

  /// Lambda requests in a month: `billed` requests of which `free` at $0, the rest at 0.0000002.
  static func lambda(billed: String, free: String, cost: String, rows: Int, drift: QuantityDrift?)
    -> ServiceReconciliation
  {
    let meter = MeterReconciliation(
      meter: requests, unit: "requests", estimateQuantity: Interval(d("2000000"), d("3000000")),
      billQuantity: d(billed), billFreeQuantity: d(free), billCommittedQuantity: .zero,
      estimateFreeTier: Interval(d("1000000")), estimateCost: Interval(d("0.2"), d("0.4")),
      bill: amounts(cost, cost, cost, rows: rows), tableRates: [d("0.0000002")],
      billRates: [(rate: d("0.0000002"), quantity: d(billed) - d(free))], skus: ["8KGHE4AMEZSEH7DA"],
      usageTypes: ["USE1-Request"], quantityDrift: drift, rateDrift: nil)
    return ServiceReconciliation(
      service: "aws.lambda", name: "AWS Lambda", estimate: Interval(d("0.2"), d("0.4")), bill: meter.bill,
      meters: [meter])
  }

  /// DynamoDB writes in a month: 4M at 0.0000015 = $6.00 against the table's 0.00000125.
  static func dynamodb() -> ServiceReconciliation {
    let meter = MeterReconciliation(
      meter: writes, unit: "WRU", estimateQuantity: Interval(d("4000000")), billQuantity: d("4000000"),
      billFreeQuantity: .zero, billCommittedQuantity: .zero, estimateFreeTier: Interval(ExactDecimal.zero),
      estimateCost: Interval(d("5")), bill: amounts("6", "6", "6", rows: 1), tableRates: [d("0.00000125")],
      billRates: [(rate: d("0.0000015"), quantity: d("4000000"))], skus: ["A3J6XWJ2BZ8Z6K3M"],
      usageTypes: ["USE1-WriteRequestUnits"], quantityDrift: nil,
      rateDrift: RateDrift(billRate: d("0.0000015"), tableRate: d("0.00000125"), factor: d("1.2"), effect: d("1")))
    return ServiceReconciliation(
      service: "aws.dynamodb", name: "Amazon DynamoDB", estimate: Interval(d("5")), bill: meter.bill, meters: [meter])
  }

  static let measured = CalibratedInput.Value(
    component: "api", input: "requests_per_month", profile: Interval(d("2000000"), d("3000000")),
    measured: d("6000000"), meter: requests)

  static func september() -> MonthReconciliation {
    let cloudwatch = UnknownCharge(
      reason: "no component or meter of the profile bills this usage type", component: nil,
      serviceCode: "AmazonCloudWatch", serviceName: "AmazonCloudWatch", usageType: "USE1-CW:MetricMonitorUsage",
      region: "us-east-1", account: "111122223333", quantity: d("10"), unit: "Metrics",
      amounts: amounts("3", "3", "3", rows: 1), firstRow: "bills/2026-q3.csv:7")
    return MonthReconciliation(
      month: "2026-09", hours: d("720"), estimate: Interval(d("5.2"), d("5.4")),
      bill: amounts("8.8", "8.8", "10.8", rows: 6), matched: amounts("7", "7", "7", rows: 3),
      services: [
        lambda(
          billed: "6000000", free: "1000000", cost: "1", rows: 2,
          drift: QuantityDrift(factor: d("2"), explanation: measured)),
        dynamodb(),
      ], unknown: [cloudwatch],
      charges: [
        ChargeTotal(kind: "credit", amounts: amounts("-2", "-2", "0", rows: 1)),
        ChargeTotal(kind: "tax", amounts: amounts("0.8", "0.8", "0.8", rows: 1)),
      ], estimateCredits: nil)
  }

  static func october() -> MonthReconciliation {
    MonthReconciliation(
      month: "2026-10", hours: d("744"), estimate: Interval(d("5.2"), d("5.4")),
      bill: amounts("4.6", "4.6", "6.6", rows: 3), matched: amounts("6.6", "6.6", "6.6", rows: 2),
      services: [lambda(billed: "3000000", free: "0", cost: "0.6", rows: 1, drift: nil), dynamodb()], unknown: [],
      charges: [ChargeTotal(kind: "credit", amounts: amounts("-2", "-2", "0", rows: 1))], estimateCredits: nil)
  }

  /// The findings, largest effect first: credits −4.00 (2 × −2.00), unknown 3.00, rate 2.00
  /// (1.00 a month), quantity 0.60 (1.00 − 0.40), free tier 0.20.
  static let findings = [
    ReconcileFinding(
      kind: .credit, months: ["2026-09", "2026-10"], subject: "credits",
      message: "Credits took $4.00 off the bill; the estimate assumed none.", effect: d("-4"), factor: nil),
    ReconcileFinding(
      kind: .unknown, months: ["2026-09"], subject: "AmazonCloudWatch USE1-CW:MetricMonitorUsage",
      message: "10 Metrics the profile does not know cost $3.00.", effect: d("3"), factor: nil),
    ReconcileFinding(
      kind: .rate, months: ["2026-09", "2026-10"], subject: "aws.dynamodb/write-request-units",
      message: "The bill prices a WRU at $0.0000015, the table at $0.00000125.", effect: d("2"), factor: d("1.2")),
    ReconcileFinding(
      kind: .quantity, months: ["2026-09"], subject: "api.requests_per_month",
      message: "The bill measured 6,000,000 requests, twice the estimate's 3,000,000 at most.", effect: d("0.6"),
      factor: d("2")),
    ReconcileFinding(
      kind: .freeTier, months: ["2026-10"], subject: "aws.lambda/requests",
      message: "The bill charged the 1,000,000 requests billcast drew from the free tier.", effect: d("0.2"),
      factor: nil),
  ]

  static func reconciliation() -> Reconciliation {
    Reconciliation(
      profileName: "shop", profilePath: "examples/shop.yaml", architecture: "serverless", scenario: "typical",
      region: "us-east-1",
      tables: [
        TableReference(
          id: "aws/us-east-1", effective: CalendarDate("2026-11-01")!, sha256: String(repeating: "ab", count: 32),
          path: PricingCatalog.builtInPathPrefix + "aws/us-east-1")
      ],
      bills: [
        BillSummary(
          path: "bills/2026-q3.csv", format: .focus(version: "1.2"), rows: 9, months: ["2026-09", "2026-10"],
          accounts: ["111122223333"], currencies: ["USD"])
      ], months: [september(), october()], findings: findings,
      calibration: [
        CalibratedInput(
          component: "api", input: "requests_per_month", written: "requests_per_month: 2000000-3000000",
          variable: nil, values: [(month: "2026-09", value: d("6000000")), (month: "2026-10", value: d("3000000"))],
          meter: requests)
      ])
  }

  @Test func everyFormatMatchesItsGoldenFile() throws {
    let r = Self.reconciliation()
    try ReconcileGolden.check(ReconcileText.render(r, detail: false), "reconcile/reconcile.txt")
    try ReconcileGolden.check(ReconcileText.render(r, detail: true), "reconcile/reconcile-detail.txt")
    try ReconcileGolden.check(ReconcileMarkdown.render(r, detail: true), "reconcile/reconcile-detail.md")
    try ReconcileGolden.check(ReconcileJSON.render(r), "reconcile/reconcile.json")
    try ReconcileGolden.check(ReconcileCSV.render(r), "reconcile/reconcile.csv")
    try ReconcileGolden.check(ReconcileHTML.render(r), "reconcile/reconcile.html")
  }

  /// The figures worked out above, read back from the text and the JSON.
  @Test func theReportsShowTheFiguresWorkedOutByHand() throws {
    let r = Self.reconciliation()
    let text = ReconcileText.render(r, detail: true)
    // September: 8.80 billed against 5.20–5.40: +3.40, +63.0%; October 4.60: −0.60, −11.5%.
    #expect(text.contains("2026-09  $5.20–$5.40   $8.80      $8.80  $10.80          $7.00      +$3.40  +63.0%"))
    #expect(text.contains("-$0.60  -11.5%"))
    // Findings come before the months, the credit (largest effect) first.
    let findings = try #require(text.range(of: "1. [credit] credits"))
    #expect(findings.lowerBound < text.range(of: "Month 2026-09")!.lowerBound)
    #expect(text.contains("quantity ×2 (api.requests_per_month: profile 2,000,000–3,000,000 → measured 6,000,000)"))
    #expect(text.contains("rate ×1.2: bill $0.0000015 against table $0.00000125, effect +$1.00"))
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(ReconcileJSON.render(r).utf8)) as? [String: Any])
    #expect(json["schema"] as? String == "billcast.reconcile/1")
    let months = try #require(json["months"] as? [[String: Any]])
    #expect(months.map { $0["difference"] as? String } == ["3.4", "-0.6"])
    let lambda = try #require((months[0]["services"] as? [[String: Any]])?.first)
    // Lambda in September: 1.00 billed − 0.40 = 0.60.
    #expect(lambda["difference"] as? String == "0.6")
  }

  @Test func aFormulaInABillsServiceNameIsNeutralisedInCSV() {
    var r = Self.reconciliation()
    r.months[0].unknown[0].serviceName = "=HYPERLINK(\"http://evil\",\"x\")"
    r.months[0].services[1].name = "@SUM(A1:A9)"
    let csv = ReconcileCSV.render(r)
    #expect(csv.contains(",\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\","))
    #expect(csv.contains(",'@SUM(A1:A9),"))
    #expect(!csv.contains(",=HYPERLINK") && !csv.contains(",@SUM"))
    // Negative figures stay numbers: the credit's −2.
    #expect(csv.contains("charge,2026-09,") && csv.contains(",-2,-2,0,1,"))
  }

  @Test func controlCharactersFromABillAreEscapedInTextAndMarkdown() {
    var r = Self.reconciliation()
    r.months[0].unknown[0].usageType = "USE1-\u{1B}[31mRED"
    r.months[0].unknown[0].firstRow = "bills/\u{07}q3.csv:7"
    r.months[0].services[0].name = "Lambda\rforged"
    r.bills[0].path = "bills/\u{1B}]0;title\u{07}.csv"
    for report in [ReconcileText.render(r, detail: true), ReconcileMarkdown.render(r, detail: true)] {
      #expect(!report.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
      #expect(report.contains("USE1-\\u{1B}[31mRED") || report.contains("USE1-\\u{1B}\\[31mRED"))
      #expect(report.contains("\\u{7}q3.csv:7"))
    }
  }

  /// A meter with no rows and nothing estimated is left out of the detail for people, not of
  /// the JSON; an unknown charge without a billed service name (CUR) shows its offer code.
  @Test func detailLeavesOutEmptyMetersAndNamesUnknownServicesByCode() throws {
    var r = Self.reconciliation()
    var idle = r.months[0].services[0].meters[0]
    idle.meter = MeterKey(service: "aws.lambda", meter: "provisioned-concurrency", key: "x86_64")
    idle.estimateQuantity = Interval(ExactDecimal.zero)
    idle.estimateCost = Interval(ExactDecimal.zero)
    idle.billQuantity = .zero
    idle.billFreeQuantity = .zero
    idle.estimateFreeTier = Interval(ExactDecimal.zero)
    idle.bill = BillAmounts()
    r.months[0].services[0].meters.append(idle)
    r.months[0].unknown[0].serviceName = ""
    let text = ReconcileText.render(r, detail: true)
    #expect(!text.contains("provisioned-concurrency"))
    #expect(!ReconcileMarkdown.render(r, detail: true).contains("provisioned-concurrency"))
    #expect(!ReconcileHTML.render(r).contains("provisioned-concurrency"))
    #expect(ReconcileJSON.render(r).contains("\"aws.lambda/provisioned-concurrency[x86_64]\""))
    #expect(text.contains("2026-09  AmazonCloudWatch  USE1-CW:MetricMonitorUsage"))
  }
}
