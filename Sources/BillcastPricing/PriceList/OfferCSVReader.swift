import BillcastCore

/// The Bulk API's `index.csv`: five metadata lines, a header, then one row per price dimension.
/// Only the columns needed to decide whether a row matters are decoded for every row.
enum OfferCSVReader {
  /// Streams the offer: metadata → header → each on-demand row the models need, folded into products.
  static func read(_ input: ByteReader, needs: OfferNeeds) throws(DiagnosticError) -> Offer {
    var csv = CSVRecords(input: input)
    let metadata = try readMetadata(&csv)
    let header = try Header(&csv)
    let offer = metadata["OfferCode"] ?? ""
    var products: [String: OfferProduct] = [:]
    var order: [String] = []
    var latest: [String: (date: String, term: String)] = [:]
    while true {
      let offset = csv.input.offset
      guard try csv.next() else { break }
      if csv.count == 1 && csv.text(0).isEmpty { continue }
      guard csv.count == header.names.count else {
        throw csv.input.failure(
          "this row has \(csv.count) fields; the header has \(header.names.count) (a truncated or damaged file)",
          at: offset)
      }
      guard csv.text(header["TermType"]) == "OnDemand" else { continue }
      var regionAttributes: [String: String] = [:]
      for c in header.regionColumns { regionAttributes[header.normalised[c]] = csv.text(c) }
      let region = PriceListRegions.region(of: regionAttributes)
      guard needs.wants(offer: offer, usageType: csv.text(header.usageColumn), region: region) else { continue }
      let sku = csv.text(header["SKU"])
      if products[sku] == nil {
        var attributes: [(String, String)] = []
        for (i, name) in header.names.enumerated() where !Header.pricing.contains(name) {
          attributes.append((name, csv.text(i)))
        }
        products[sku] = OfferReader.product(sku: sku, rawAttributes: attributes, offset: offset)
        order.append(sku)
      }
      guard csv.text(header["Currency"]) == "USD" else { continue }
      // Several on-demand terms for one SKU: the latest applies.
      let date = csv.text(header["EffectiveDate"]), term = csv.text(header["OfferTermCode"])
      if let seen = latest[sku], seen.term != term {
        if date < seen.date { continue }
        products[sku]!.dimensions = []
      }
      latest[sku] = (date, term)
      products[sku]!.effective = CalendarDate(String(date.prefix(10)))
      products[sku]!.dimensions.append(
        try OfferReader.dimension(
          rateCode: csv.text(header["RateCode"]), begin: csv.text(header["StartingRange"]),
          end: csv.text(header["EndingRange"]),
          unit: csv.text(header["Unit"]), usd: csv.text(header["PricePerUnit"]), at: offset, input: csv.input))
    }
    guard let version = metadata["Version"], let published = metadata["Publication Date"], !offer.isEmpty else {
      throw csv.input.failure("the metadata lines lack the offer code, version or publication date", at: 0)
    }
    return try OfferReader.checked(
      Offer(
        path: csv.input.path, layout: .csv, offerCode: offer, version: version, publicationDate: published,
        products: order.compactMap { products[$0] }),
      input: csv.input)
  }

  /// The five metadata lines, `"Name","value"`, in their fixed order.
  static func readMetadata(_ csv: inout CSVRecords) throws(DiagnosticError) -> [String: String] {
    var metadata: [String: String] = [:]
    for name in ["FormatVersion", "Disclaimer", "Publication Date", "Version", "OfferCode"] {
      let offset = csv.input.offset
      guard try csv.next(), csv.count >= 2 else {
        throw csv.input.failure(
          "expected the metadata line \"\(name)\",…: the CSV offer starts with five metadata lines", at: offset)
      }
      guard csv.text(0) == name else {
        throw csv.input.failure(
          "expected the metadata line \"\(name)\", found \"\(TerminalText.excerpt(csv.text(0)))\"", at: offset)
      }
      metadata[name] = csv.text(1)
    }
    return metadata
  }

  /// The header line: each column's index, the usage-type and region columns, checked complete.
  struct Header {
    static let required = [
      "SKU", "OfferTermCode", "RateCode", "TermType", "EffectiveDate", "StartingRange", "EndingRange", "Unit",
      "PricePerUnit", "Currency",
    ]
    /// The columns that price a row rather than describe its product.
    static let pricing = Set(
      required + ["PriceDescription", "RelatedTo", "LeaseContractLength", "PurchaseOption", "OfferingClass"])
    let names: [String]
    let normalised: [String]
    let column: [String: Int]
    let usageColumn: Int
    let regionColumns: [Int]

    init(_ csv: inout CSVRecords) throws(DiagnosticError) {
      let headerOffset = csv.input.offset
      guard try csv.next() else { throw csv.input.failure("the CSV offer has no header line: it is truncated") }
      names = (0..<csv.count).map { csv.text($0) }
      var column: [String: Int] = [:]
      for (i, name) in names.enumerated() where column[name] == nil { column[name] = i }
      for name in Self.required where column[name] == nil {
        throw csv.input.failure("the header has no '\(name)' column: not an AWS Price List CSV", at: headerOffset)
      }
      self.column = column
      let normalised = names.map(PriceListRegions.normalised)
      guard let usageColumn = normalised.firstIndex(of: "usagetype") else {
        throw csv.input.failure("the header has no 'usageType' column", at: headerOffset)
      }
      self.normalised = normalised
      self.usageColumn = usageColumn
      regionColumns = ["regioncode", "fromregioncode", "location", "fromlocation"].compactMap {
        normalised.firstIndex(of: $0)
      }
    }

    /// The index of a required column.
    subscript(_ name: String) -> Int { column[name]! }
  }
}
