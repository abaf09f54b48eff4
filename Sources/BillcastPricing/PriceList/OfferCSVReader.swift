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

/// CSV records (RFC 4180: fields quoted with `"`, `""` for a quote, line breaks inside quotes)
/// read one at a time; a field's text is decoded only when asked for.
struct CSVRecords {
  var input: ByteReader
  /// The current record's bytes.
  private var record: ArraySlice<UInt8> = []
  /// Each field's range within the record (relative) and whether it was quoted.
  private var fields: [(start: Int, end: Int, quoted: Bool)] = []

  init(input: ByteReader) { self.input = input }

  /// The number of fields in the current record.
  var count: Int { fields.count }

  /// Reads the next record; false at the end of the file.
  mutating func next() throws(DiagnosticError) -> Bool {
    fields.removeAll(keepingCapacity: true)
    guard try input.peek() != nil else { return false }
    let startOffset = input.offset
    let captured = input.beginCapture()
    var relative = 0
    var fieldStart = 0, quoted = false, inQuotes = false
    func finish(_ end: Int) { fields.append((fieldStart, end, quoted)) }
    loop: while true {
      guard let b = try input.peek() else {
        if inQuotes { throw input.failure("the file ends inside a quoted field: it is truncated", at: startOffset) }
        finish(relative)
        break loop
      }
      input.index += 1
      relative += 1
      if inQuotes {
        if b == 0x22 {
          if try input.peek() == 0x22 {
            input.index += 1
            relative += 1
          } else {
            inQuotes = false
          }
        }
        continue
      }
      switch b {
      case 0x22:
        if relative - 1 == fieldStart {
          inQuotes = true
          quoted = true
        }
      case 0x2C:
        finish(relative - 1)
        fieldStart = relative
        quoted = false
      case 0x0A:
        finish(relative - 1)
        break loop
      default:
        break
      }
    }
    record = input.endCapture(captured)
    // A CR before the line break belongs to the line ending, not the last field.
    if let last = fields.last, last.end > last.start, record[record.startIndex + last.end - 1] == 0x0D {
      fields[fields.count - 1].end -= 1
    }
    return true
  }

  /// The text of a field (quotes removed, `""` read as `"`).
  func text(_ i: Int) -> String {
    guard i < fields.count else { return "" }
    let f = fields[i]
    var s = record.startIndex + f.start, e = record.startIndex + f.end
    if f.quoted && e - s >= 2 {
      s += 1
      e -= 1
      let bytes = record[s..<e]
      if !bytes.contains(0x22) { return String(decoding: bytes, as: UTF8.self) }
      var out: [UInt8] = []
      var i = s
      while i < e {
        out.append(record[i])
        i += record[i] == 0x22 && i + 1 < e && record[i + 1] == 0x22 ? 2 : 1
      }
      return String(decoding: out, as: UTF8.self)
    }
    return String(decoding: record[s..<e], as: UTF8.self)
  }
}

/// `aws pricing get-products` output: one JSON document per line, each one product with its terms.
enum OfferLinesReader {
  static func read(_ input: ByteReader, needs: OfferNeeds) throws(DiagnosticError) -> Offer {
    var input = input
    var products: [OfferProduct] = []
    var offerCode: String?, version: String?, published: String?
    while try input.peek() != nil {
      let offset = input.offset
      let captured = input.beginCapture()
      while let b = try input.peek(), b != 0x0A { input.index += 1 }
      var line = Array(input.endCapture(captured))
      if try input.peek() == 0x0A { input.index += 1 }
      if line.last == 0x0D { line.removeLast() }
      if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
      let node: JSONNode
      do {
        node = try JSONDocument.parse(line, path: input.path)
      } catch {
        throw input.failure(
          "this line is not a whole JSON document (\(error.diagnostics.first?.message ?? "invalid JSON")): the file is truncated or not get-products output",
          at: offset)
      }
      guard let code = node["serviceCode"]?.string, let v = node["version"]?.string,
        let p = node["publicationDate"]?.string,
        let sku = node["product"]?["sku"]?.string, case .object(let members, _)? = node["product"]?["attributes"]
      else {
        throw input.failure(
          "a get-products line needs serviceCode, version, publicationDate and product.sku/attributes", at: offset)
      }
      if let offerCode, offerCode != code {
        throw input.failure("this line is for \(code), earlier lines for \(offerCode): one offer per file", at: offset)
      }
      offerCode = code
      if version == nil || v > version! {
        version = v
        published = p
      }
      var attributes: [(String, String)] = []
      for (k, v) in members { if let text = v.string { attributes.append((k, text)) } }
      var product = OfferReader.product(sku: sku, rawAttributes: attributes, offset: offset)
      guard
        needs.wants(offer: code, usageType: attributes.first { $0.0 == "usagetype" }?.1 ?? "", region: product.region)
      else { continue }
      if case .object(let terms, _)? = node["terms"]?["OnDemand"] {
        try OfferReader.apply(terms, sku: sku, to: &product, at: offset, input: input)
      }
      products.append(product)
    }
    guard let offerCode, let version, let published else { throw input.failure("the file has no products", at: 0) }
    return try OfferReader.checked(
      Offer(
        path: input.path, layout: .getProducts, offerCode: offerCode, version: version, publicationDate: published,
        products: products),
      input: input)
  }
}
