import BillcastCore
import BillcastPricing
import BillcastTestSupport
import Foundation
import Testing

/// ByteReader reads a gzip file (one starting with 1f 8b) as its decompressed bytes: CSV records,
/// offsets and error positions are those of the plain file.
@Suite struct GzipByteReaderTests {
  static func records(_ relative: String, chunk: Int = 1 << 20) throws -> [[String]] {
    var csv = CSVRecords(input: try ByteReader(path: TestSupport.path(relative), kind: "bill", chunk: chunk))
    defer { csv.input.close() }
    var rows: [[String]] = []
    while try csv.next() { rows.append((0..<csv.count).map { csv.text($0) }) }
    return rows
  }

  @Test("the same CSV plain and gzipped (one member, two members) reads the same records")
  func sameRecords() throws {
    let plain = try Self.records("Tests/Fixtures/gzip/text.csv")
    // 120 rows of 7 fields; row 7: "7,aws,AmazonS3,us-east-1,259.07,Requests-Tier1,"PUT, COPY"" (7 × 37 = 259).
    #expect(plain.count == 120)
    #expect(plain[7] == ["7", "aws", "AmazonS3", "us-east-1", "259.07", "Requests-Tier1", "PUT, COPY"])
    #expect(try Self.records("Tests/Fixtures/gzip/level9.csv.gz") == plain)
    #expect(try Self.records("Tests/Fixtures/gzip/two-members.csv.gz") == plain)
    // A 64-byte buffer: many refills, each inflating a little.
    #expect(try Self.records("Tests/Fixtures/gzip/level1.csv.gz", chunk: 64) == plain)
  }

  @Test("an error inside a gzipped file is at the same line:column as in the plain one")
  func errorPosition() throws {
    func message(_ relative: String) -> String? {
      do {
        _ = try Self.records(relative)
        return nil
      } catch let error as DiagnosticError {
        return error.diagnostics.first.map { "\($0.line ?? 0):\($0.column ?? 0) \($0.message)" }
      } catch { return "\(error)" }
    }
    // unterminated.csv: 3,000 bytes of text.csv (50 whole lines and the start of line 51), then a
    // field whose quote never closes: the record that starts at line 51, column 1.
    let plain = message("Tests/Fixtures/gzip/unterminated.csv")
    #expect(plain == "51:1 the file ends inside a quoted field: it is truncated")
    #expect(message("Tests/Fixtures/gzip/unterminated.csv.gz") == plain)
  }

  @Test("a corrupt gzip file: a diagnostic naming the file, at the end of the data decoded")
  func corruptFile() throws {
    var data = Array(try Data(contentsOf: URL(fileURLWithPath: TestSupport.path("Tests/Fixtures/gzip/level9.csv.gz"))))
    data[data.count - 8] ^= 1  // the CRC-32
    let path = NSTemporaryDirectory() + "billcast-gzip-\(ProcessInfo.processInfo.processIdentifier).csv.gz"
    try Data(data).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    var csv = CSVRecords(input: try ByteReader(path: path, kind: "bill"))
    defer { csv.input.close() }
    let error = #expect(throws: DiagnosticError.self) { while try csv.next() {} }
    let d = try #require(error?.diagnostics.first)
    #expect(d.file == path)
    // All 120 lines decoded (7,198 bytes ending in a line break): line 121, column 1.
    #expect(d.line == 121 && d.column == 1)
    #expect(d.message == "CRC-32 mismatch at byte \(data.count - 8): the data is corrupt")
  }

  @Test("a gzipped offer CSV reads as the plain one: same layout, version, products and prices")
  func gzippedOffer() throws {
    let needs = OfferNeeds(try TestSupport.testCatalog().tables.flatMap(\.regionalPrices))
    let plain = try OfferReader.read(
      path: TestSupport.path("Tests/BillcastCLITests/Fixtures/offers/AWSLambda-us-east-1.csv"), needs: needs)
    var shares: [Double] = []
    let gzipped = try OfferReader.read(
      path: TestSupport.path("Tests/Fixtures/gzip/AWSLambda-us-east-1.csv.gz"), needs: needs
    ) { shares.append($0) }
    #expect(gzipped.layout == .csv && plain.layout == .csv)
    #expect(gzipped.offerCode == "AWSLambda" && gzipped.version == plain.version)
    #expect(!plain.products.isEmpty)
    let summary = { (o: Offer) in
      o.products.map { "\($0.sku) \($0.usageType) \($0.attributes.sorted { $0.key < $1.key }) \($0.dimensions)" }
    }
    #expect(summary(gzipped) == summary(plain))
    // Progress is the share of the compressed file read: all 962 bytes in one read.
    #expect(shares == [1.0])
  }
}
