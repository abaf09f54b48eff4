import BillcastBuiltIn
import BillcastCore
@testable import BillcastPricing
import BillcastTestSupport
import Foundation
import Testing

/// The tables' SKUs and rates agree with a real AWS bill: the FinOps Foundation's FOCUS 1.0 sample
/// (`Tests/Fixtures/bills/focus-1.0-sample.csv`, CC BY 4.0; its README names the source).
///
/// Every AWS row whose `SkuId` a rates entry names (`sku:`) must be in that entry's region (any
/// region for the global table's: the bill gives CloudFront's rows the edge's region), and its
/// `ListUnitPrice`, converted to the meter's unit (× the identity's `scale` × the price's `per`,
/// exactly), must be one of the rates of the ladder in force on the row's `ChargePeriodStart`
/// (an earlier `before:` price for a date before it ended). A bill price of $0 agrees with a
/// meter that draws on a free-tier pool: AWS writes that allowance as the SKU's free first range,
/// billcast as the pool. The live tables are read (the built-in copy of `pricing/`): this checks
/// the data, as validation does, and asserts no rate of its own.
@Suite struct FOCUSSampleAgreementTests {
  /// The sample, relative to the repository's root.
  static let samplePath = "Tests/Fixtures/bills/focus-1.0-sample.csv"

  /// One AWS row of the bill: the columns the check reads.
  struct BillRow {
    var id: String
    var sku: String
    /// `RegionId`, with NULL read as `global`.
    var region: String
    var listUnitPrice: String
    var pricingUnit: String
    var date: CalendarDate
    var description: String
  }

  /// One rates entry that names a SKU: its table, meter and ladder.
  struct SKUEntry {
    var table: PricingTable
    var key: MeterKey
    var meterUnit: String
    var ladder: TierLadder
  }

  /// The AWS rows of the sample, read with the offer reader's CSV records (RFC 4180); every record
  /// must have the header's field count.
  static func awsRows() throws -> [BillRow] {
    let path = TestSupport.path(samplePath)
    var csv = CSVRecords(input: try ByteReader(path: path))
    defer { csv.input.close() }
    guard try csv.next() else { throw SampleError("\(path) is empty") }
    let header = (0..<csv.count).map { csv.text($0) }
    let wanted = [
      "Id", "ProviderName", "SkuId", "RegionId", "ListUnitPrice", "PricingUnit", "ChargePeriodStart",
      "ChargeDescription",
    ]
    var column: [String: Int] = [:]
    for name in wanted {
      guard let i = header.firstIndex(of: name) else { throw SampleError("the sample has no column \(name)") }
      column[name] = i
    }
    func field(_ name: String) -> String { csv.text(column[name]!) }
    var rows: [BillRow] = []
    while try csv.next() {
      guard csv.count == header.count else {
        throw SampleError("a record has \(csv.count) fields; the header has \(header.count)")
      }
      guard field("ProviderName") == "AWS" else { continue }
      let start = field("ChargePeriodStart")
      guard let date = CalendarDate(String(start.prefix(10))) else {
        throw SampleError("row \(field("Id")): ChargePeriodStart '\(start)' is not a date")
      }
      let region = field("RegionId")
      rows.append(
        BillRow(
          id: field("Id"), sku: field("SkuId"), region: region == "NULL" ? "global" : region,
          listUnitPrice: field("ListUnitPrice"), pricingUnit: field("PricingUnit"), date: date,
          description: field("ChargeDescription")))
    }
    return rows
  }

  /// Every ladder of the AWS tables that names a SKU, by SKU.
  static func skuEntries(_ catalog: PricingCatalog) -> [String: [SKUEntry]] {
    var entries: [String: [SKUEntry]] = [:]
    for table in catalog.tables where table.provider == "aws" {
      for service in table.services {
        for meter in service.meters {
          guard case .price(let price) = meter.billing else { continue }
          var ladders: [(String?, TierLadder)] = []
          switch price {
          case .ladder(let l): ladders = [(nil, l)]
          case .keyed(_, let byValue): ladders = byValue.keys.sorted().map { ($0, byValue[$0]!) }
          }
          for (value, ladder) in ladders {
            guard let sku = ladder.sku else { continue }
            let key = MeterKey(service: service.id, meter: meter.name, key: value)
            entries[sku, default: []].append(
              SKUEntry(table: table, key: key, meterUnit: meter.unit, ladder: ladder))
          }
        }
      }
    }
    return entries
  }

  /// Why a bill row disagrees with a rates entry naming its SKU, or nil when it agrees.
  static func disagreement(_ row: BillRow, _ entry: SKUEntry) -> String? {
    let what =
      "SKU \(row.sku) (row \(row.id), \(row.region), \(row.date), \"\(row.description)\"), meter \(entry.key) in \(entry.table.id)"
    // A global table's SKU (CloudFront, Route 53) is billed with the edge's region or none.
    guard entry.table.region == row.region || entry.table.region == "global" else {
      return "\(what): the bill has the SKU in \(row.region), the table in \(entry.table.region)"
    }
    guard let price = ExactDecimal(row.listUnitPrice) else {
      return "\(what): the bill's ListUnitPrice '\(row.listUnitPrice)' is not a decimal"
    }
    let inForce = entry.ladder.on(row.date)
    let scale = entry.ladder.priceList?.scale ?? .one
    let (perUnit, o1, r1) = price.multipliedTrackingRounding(by: scale)
    let (rate, o2, r2) = perUnit.multipliedTrackingRounding(by: inForce.per)
    let rates = inForce.tiers.map(\.rate)
    let shown = rates.map(\.description).joined(separator: ", ")
    let converted = "bill \(row.listUnitPrice) per \(row.pricingUnit) = \(rate) per \(inForce.per) \(entry.meterUnit)"
    guard !o1, !o2, !r1, !r2 else { return "\(what): \(converted) does not convert exactly" }
    if rates.contains(rate) { return nil }
    let pools = entry.table.freeTier.filter { $0.draws.contains(entry.key) && $0.isInForce(on: row.date) }
    if rate == .zero && !pools.isEmpty { return nil }
    return "\(what): \(converted); the table's rates on \(row.date): \(shown)"
  }

  @Test("every AWS row whose SKU the tables name shows the table's rate for that meter")
  func everySharedSKUCarriesTheBillsListPrice() throws {
    let rows = try Self.awsRows()
    let entries = Self.skuEntries(try BuiltInPricing.catalog())
    // The sample's AWS part: 942 rows, 237 distinct SKUs (Python's csv module, ProviderName == "AWS").
    #expect(rows.count == 942)
    #expect(Set(rows.map(\.sku)).count == 237)
    var failures: [String] = []
    var pairs = Set<String>()
    for row in rows {
      guard let named = entries[row.sku] else { continue }
      pairs.insert("\(row.sku) \(row.listUnitPrice)")
      failures += named.compactMap { Self.disagreement(row, $0) }
    }
    // Counted by a script apart from this test (docs/research/focus-sample-skus.md): the SKUs named
    // by `sku:` in pricing/aws/rates/*.yaml (1,565 distinct, 1,625 entries) met with the sample's
    // AWS rows: 182 rows, 37 SKUs; 38 (SKU, ListUnitPrice) pairs, since us-west-2's data transfer
    // out (5M4327XEUKBBTWAT) shows two tiers, $0.09 and $0.085. A renamed or dropped SKU lowers
    // the count; a SKU added to the tables that the sample has raises it: check the new pair
    // agrees, then update the figures here and in the research note.
    #expect(Set(pairs.map { $0.split(separator: " ")[0] }).count == 37, "SKUs shared with the sample")
    #expect(pairs.count == 38, "(SKU, list price) pairs shared with the sample")
    let disagreements = failures.count
    #expect(disagreements == 0, "\(disagreements) disagreements:\n\(failures.joined(separator: "\n"))")
  }

  @Test("a rate that differs from the bill's, or a SKU moved to another region, is reported")
  func aChangedRateIsCaught() throws {
    // S3 PUT requests in us-west-2: the bill's $0.000005 per request × 1,000 = $0.005 per 1,000.
    let row = BillRow(
      id: "1", sku: "D4PMUVH6F64HK2D6", region: "us-west-2", listUnitPrice: "0.000005", pricingUnit: "Requests",
      date: CalendarDate("2024-09-25")!, description: "$0.005 per 1,000 PUT, COPY, POST, or LIST requests")
    let catalog = try BuiltInPricing.catalog(regions: { ["us-west-2"] })
    var entry = try #require(Self.skuEntries(catalog)[row.sku]?.first)
    #expect(Self.disagreement(row, entry) == nil)
    entry.ladder.tiers[0].rate = TestSupport.d("0.0054")
    let message = try #require(Self.disagreement(row, entry))
    #expect(message.contains("bill 0.000005 per Requests = 0.005 per 1000 requests"), "\(message)")
    #expect(message.contains("aws.s3/put-requests") && message.contains("0.0054"), "\(message)")
    var moved = row
    moved.region = "us-east-1"
    #expect(Self.disagreement(moved, entry)?.contains("the bill has the SKU in us-east-1") == true)
  }

  @Test("a global table's SKU is matched in the edge's region the bill gives it, and a $0 row by its free tier")
  func aGlobalSKUIsMatchedInAnyRegion() throws {
    // CloudFront HTTPS requests in Canada (the sample's SKU ZG984ETY8SNCPH2B, row region
    // ca-central-1): $0.000001 per request × 10,000 = $0.01 per 10,000, the global table's rate. No
    // table names this SKU; the entry here is given it to try the rule.
    let catalog = try BuiltInPricing.catalog(regions: { [] })
    let global = try #require(catalog.tables.first { $0.id == "aws/global" })
    let meter = try #require(global.service("aws.cloudfront")?.meter("https-requests"))
    guard case .price(.ladder(var ladder)) = meter.billing else {
      Issue.record("aws.cloudfront/https-requests has no ladder of its own")
      return
    }
    ladder.sku = "ZG984ETY8SNCPH2B"
    let entry = SKUEntry(
      table: global, key: MeterKey(service: "aws.cloudfront", meter: "https-requests"), meterUnit: meter.unit,
      ladder: ladder)
    var row = BillRow(
      id: "2", sku: "ZG984ETY8SNCPH2B", region: "ca-central-1", listUnitPrice: "0.000001", pricingUnit: "Requests",
      date: CalendarDate("2024-09-10")!, description: "$0.0100 per 10,000 HTTPS Requests (Canada)")
    #expect(Self.disagreement(row, entry) == nil)
    // The free first range ("$0.000 per request - HTTP or HTTPS under the global monthly free tier")
    // is the table's CloudFront request pool.
    row.listUnitPrice = "0"
    #expect(Self.disagreement(row, entry) == nil)
    row.listUnitPrice = "0.00000075"
    #expect(Self.disagreement(row, entry)?.contains("= 0.0075 per 10000") == true)
  }
}

/// A problem with the sample file itself.
private struct SampleError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
