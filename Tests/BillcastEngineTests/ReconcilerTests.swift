import BillcastBill
import BillcastCore
import BillcastEngine
import BillcastPricing
import BillcastProfile
import BillcastTestSupport
import Foundation
import Testing

/// Reconciling the shop profile with the bills scripts/generate-fixture-bills.sh wrote from it
/// (Tests/Fixtures/reconcile; each bill's `.manifest.json` lists the causes injected).
///
/// The bills were priced with the frozen test catalog, as these tests are. The shop's estimate
/// is $77.44937 a month (the manifests' `estimate_total`).
@Suite struct ReconcilerTests {
  static let folder = "Tests/Fixtures/reconcile/"

  /// The reconciliation of the shop profile with some of the fixture bills.
  static func reconcile(_ bills: [String], options: ReconcileOptions? = nil) throws -> Reconciliation {
    let profile = try Profile.reading(path: TestSupport.path(folder + "shop.yaml")).profile!
    let resolved = try ResolvedProfile.resolve(profile, catalog: try TestSupport.testCatalog())
    return try Reconciler.reconcile(
      resolved, bills: bills.map { TestSupport.path(folder + $0) },
      options: options ?? ReconcileOptions(today: CalendarDate("2026-12-06")!))
  }

  /// The finding of a kind about a subject.
  static func finding(_ r: Reconciliation, _ kind: ReconcileFinding.Kind, _ subject: String) -> ReconcileFinding? {
    r.findings.first { $0.kind == kind && $0.subject == subject }
  }

  /// A bill with no drift: every meter's bill equals its estimate, and nothing is found.
  @Test(arguments: ["exact-focus-1.2.csv", "exact-cur2.csv.gz"])
  func exactBill(_ bill: String) throws {
    let r = try Self.reconcile([bill])
    #expect(r.months.map(\.month) == ["2026-09", "2026-10"])
    #expect(r.findings.isEmpty)
    for month in r.months {
      #expect(month.estimate == Interval(TestSupport.d("77.44937")))
      #expect(month.bill.billed == TestSupport.d("77.44937"))
      #expect(month.matched.list == TestSupport.d("77.44937"))
      #expect(month.unknown.isEmpty)
    }
  }

  /// The drift bills: every injected cause is named, with its size (drift-focus-1.0.manifest.json).
  @Test(arguments: ["drift-focus-1.0.csv", "drift-cur2.csv"])
  func driftIsFound(_ bill: String) throws {
    let r = try Self.reconcile([bill])
    // A doubled duration: api's 5,000,000 requests × 400 ms × 1 GB = 2,000,000 GB-s, plus the worker's
    // 1,000,000 × 1 s × 0.5 GB = 500,000: 2,500,000 GB-s billed against 1,500,000 estimated
    // (×1.6667); at $0.0000166667 the extra 1,000,000 GB-s cost $16.6667.
    let duration = try #require(Self.finding(r, .quantity, "api.duration_ms"))
    #expect(duration.effect == TestSupport.d("16.6667"))
    #expect(duration.factor == TestSupport.d("2500000") / TestSupport.d("1500000"))
    let value = try #require(r.calibration.first { $0.component == "api" && $0.input == "duration_ms" })
    #expect(value.values.map(\.value) == [400])
    // Aurora's ACU-hour at ×1.1: $0.132 instead of $0.12, on 0.5 ACU × 730 h = 365 ACU-hours: +$4.38.
    let rate = try #require(Self.finding(r, .rate, "aws.aurora-serverless-v2/capacity[standard]"))
    #expect(rate.factor == TestSupport.d("1.1") && rate.effect == TestSupport.d("4.38"))
    // The forgotten NAT gateway: 730 h × $0.045 = $32.85, matched to nothing.
    let nat = try #require(Self.finding(r, .unknown, "AmazonEC2 USE1-NatGateway-Hours"))
    #expect(nat.effect == TestSupport.d("32.85"))
    // The $25 credit.
    #expect(Self.finding(r, .credit, "credit")?.effect == TestSupport.d("-25"))
    // Nothing else drifted: no other meter has a quantity or rate finding.
    #expect(r.findings.filter { $0.kind == .quantity || $0.kind == .rate }.count == 2)
  }

  /// The CUR drift bill's Savings Plan covers 80% of the billable duration at 72% of on-demand:
  /// 2,500,000 GB-s − 400,000 free = 2,100,000 billable; × 0.8 = 1,680,000 GB-s covered, which cost
  /// 1,680,000 × $0.0000166667 = $28.000056 on demand and 28.000056 × 0.72 = $20.16004032 on the plan.
  @Test func savingsPlanIsKeptApart() throws {
    let r = try Self.reconcile(["drift-cur2.csv"])
    let meter = try #require(
      r.months[0].services.flatMap(\.meters).first { $0.meter.description == "aws.lambda/duration[x86_64]" })
    #expect(meter.billCommittedQuantity == 1_680_000)
    let commitment = try #require(Self.finding(r, .commitment, "aws.lambda/duration[x86_64]"))
    // Effective − on-demand on the meter: the covered part is $7.84001568 cheaper.
    #expect(commitment.effect == TestSupport.d("-7.84001568"))
  }

  /// A non-USD bill needs its rate.
  @Test func currencyNeedsARate() throws {
    #expect(throws: DiagnosticError.self) { try Self.reconcile(["eur-focus-1.2.csv"]) }
    let options = ReconcileOptions(
      today: CalendarDate("2026-12-06")!, read: BillReadOptions(exchangeRates: ["EUR": TestSupport.d("1.25")]))
    let r = try Self.reconcile(["eur-focus-1.2.csv"], options: options)
    // €71.2534204 (the manifest's bill total) × 1.25 = $89.0667755.
    #expect(r.months[0].bill.billed == TestSupport.d("89.0667755"))
  }

  /// A month the bills lack is an error naming the months they have.
  @Test func missingMonth() throws {
    let options = ReconcileOptions(months: ["2026-08"], today: CalendarDate("2026-12-06")!)
    do {
      _ = try Self.reconcile(["exact-focus-1.2.csv"], options: options)
      Issue.record("no error")
    } catch let error as DiagnosticError {
      #expect(
        error.diagnostics.map(\.message) == [
          "--month 2026-08: the bills have no rows in that month (they cover 2026-09, 2026-10)"
        ])
    }
  }

  /// The FinOps Foundation's FOCUS 1.0 sample, against a us-west-2 profile of the services whose
  /// SKUs the live tables name (Tests/Fixtures/reconcile/focus-sample.yaml): every one of its 1,000
  /// rows is matched, listed as unknown or counted as another charge, and every matched rate agrees.
  ///
  /// 147 rows are matched: the sample's usage rows whose SkuId is one of the 19 us-west-2 SKUs
  /// of the profile's meters in docs/research/focus-sample-skus.md (counted with Python's csv
  /// module: 68 data transfer out, 41 log storage, 5 ALB hours, 5 NAT gateway hours, …).
  @Test func focusSample() throws {
    let profile = try #require(Profile.reading(path: TestSupport.path(Self.folder + "focus-sample.yaml")).profile)
    let catalog = try PricingCatalog.load(directory: TestSupport.path("pricing"))
    let r = try Reconciler.reconcile(
      try ResolvedProfile.resolve(profile, catalog: catalog),
      bills: [TestSupport.path("Tests/Fixtures/bills/focus-1.0-sample.csv")],
      options: ReconcileOptions(today: CalendarDate("2026-12-06")!))
    var rows = 0, matched = 0
    for month in r.months {
      let unknown = month.unknown.reduce(0) { $0 + $1.amounts.rows }
      let charges = month.charges.reduce(0) { $0 + $1.amounts.rows }
      #expect(month.matched.rows + unknown + charges == month.bill.rows)
      rows += month.bill.rows
      matched += month.matched.rows
    }
    #expect(rows == 1000 && matched == 147)
    #expect(r.findings.filter { $0.kind == .rate }.isEmpty)
  }

  /// The profile's own rules: `reconcile.tags` keeps rows to the architecture, a component is found
  /// by its resource ID, and data transfer billed under the service that sent it (`AmazonS3`, not
  /// `AWSDataTransfer`) still finds the one meter with its usage type.
  @Test func profileRules() throws {
    let shop = try String(contentsOfFile: TestSupport.path(Self.folder + "shop.yaml"), encoding: .utf8)
    let profileText =
      shop + """
            reconcile:
              tags: {app: shop}
              components:
                api: {resources: ["api-function"]}

        """
    let bill = """
      BillingPeriodStart,ChargePeriodStart,ChargeCategory,BilledCost,EffectiveCost,ListCost,ListUnitPrice,PricingQuantity,PricingUnit,BillingCurrency,ServiceName,x_ServiceCode,RegionId,x_UsageType,ResourceId,Tags
      2026-09-01T00:00:00Z,2026-09-01T00:00:00Z,Usage,1,1,1,0.0000166667,60000,Lambda-GB-Second,USD,AWS Lambda,AWSLambda,us-east-1,USE1-Lambda-GB-Second,arn:aws:lambda:us-east-1:111122223333:function:api-function,"{""user:app"":""shop""}"
      2026-09-01T00:00:00Z,2026-09-01T00:00:00Z,Usage,0.9,0.9,0.9,0.09,10,GB,USD,Amazon S3,AmazonS3,us-east-1,USE1-DataTransfer-Out-Bytes,assets,"{""user:app"":""shop""}"
      2026-09-01T00:00:00Z,2026-09-01T00:00:00Z,Usage,2,2,2,0.0000166667,120000,Lambda-GB-Second,USD,AWS Lambda,AWSLambda,us-east-1,USE1-Lambda-GB-Second,other,"{""user:app"":""blog""}"

      """
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("billcast-rules-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    try profileText.write(to: dir.appendingPathComponent("shop.yaml"), atomically: true, encoding: .utf8)
    try bill.write(to: dir.appendingPathComponent("bill.csv"), atomically: true, encoding: .utf8)
    let profile = try #require(Profile.reading(path: dir.appendingPathComponent("shop.yaml").path).profile)
    let r = try Reconciler.reconcile(
      try ResolvedProfile.resolve(profile, catalog: try TestSupport.testCatalog()),
      bills: [dir.appendingPathComponent("bill.csv").path],
      options: ReconcileOptions(today: CalendarDate("2026-12-06")!))
    let meters = r.months[0].services.flatMap(\.meters)
    // The first row is api's by its resource: 60,000 GB-s, all of the duration meter's rows.
    #expect(meters.first { $0.meter.description == "aws.lambda/duration[x86_64]" }?.billQuantity == 60_000)
    // The S3 row's 10 GB out is the data-transfer meter's, which the estimate has at 0 GB.
    #expect(meters.first { $0.meter.description == "aws.data-transfer/internet-out" }?.billQuantity == 10)
    // The blog's row carries app=blog: not this architecture's.
    let unknown = try #require(r.months[0].unknown.first)
    #expect(r.months[0].unknown.count == 1 && unknown.amounts.billed == 2)
    #expect(unknown.reason == "not this architecture's: without the tag app=shop of reconcile.tags")
  }

  /// A profile read from CloudFormation templates: the bill's `aws:cloudformation:logical-id` tags
  /// name its components (Tests/Fixtures/reconcile/template-cur2.csv, 20,000 page views where the
  /// minimum scenario assumes 1,000–5,000), and Firebase Auth, which no AWS bill shows, is left out.
  @Test func templateComponentsByLogicalID() throws {
    let profile = try #require(
      Profile.reading(path: TestSupport.path("examples/job-posting-analyzer-cloudformation.yaml")).profile)
    let r = try Reconciler.reconcile(
      try ResolvedProfile.resolve(profile, catalog: try TestSupport.testCatalog()),
      bills: [TestSupport.path(Self.folder + "template-cur2.csv")],
      options: ReconcileOptions(
        architecture: "lambda-cloudfront", scenario: "minimum", today: CalendarDate("2026-12-06")!))
    // The API's requests: 20,000 views × (1 + 1 API call) = 40,000 (the generator's low end).
    let api = try #require(r.calibration.first { $0.component == "HttpApi" && $0.input == "requests" })
    #expect(api.values.map(\.value) == [40_000])
    // The function's: 40,000, plus the warm-up rule's 12 an hour over the generator's 730-hour
    // month (8,760) = 48,760; billcast estimates October with its 744 hours, so its low end is
    // 1,000 × 2 + 744 × 12 = 10,928.
    let function = try #require(Self.finding(r, .quantity, "NuxtLambdaFunction.requests"))
    #expect(function.factor == TestSupport.d("48760") / TestSupport.d("28928"))
    #expect(!r.months[0].services.contains { $0.service.hasPrefix("firebase.") })
    #expect(r.months[0].unknown.isEmpty)
  }
}
