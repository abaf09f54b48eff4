import BillcastCore

/// Reads AWS Price List offer files (Bulk JSON, CSV, or get-products JSON lines), keeping only
/// the on-demand products an import needs. Memory stays bounded by what is kept, however large
/// the file: everything else is read past.
package enum OfferReader {
  /// Reads one offer file; a truncated or invalid file is a located error.
  ///
  /// `progress`, if given, is called after each megabyte with the share of the file read (0 to 1).
  package static func read(path: String, needs: OfferNeeds, progress: ((Double) -> Void)? = nil) throws(DiagnosticError)
    -> Offer
  {
    var input = try ByteReader(path: path)
    InputFiles.record(path)
    if let progress, case .success(let status) = FileStatus.of(path), status.size > 0 {
      let size = Double(status.size)
      input.progress = { progress(min(1, Double($0) / size)) }
    }
    defer { input.close() }
    var first: UInt8?
    while let b = try input.peek() {
      if b == 0xEF || b == 0xBB || b == 0xBF || b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 {
        input.index += 1
        continue
      }
      first = b
      break
    }
    switch first {
    case 0x7B?:
      if try looksLikeLines(&input) { return try OfferLinesReader.read(input, needs: needs) }
      return try BulkJSONReader.read(input, needs: needs)
    case 0x22?, 0x46?:
      return try OfferCSVReader.read(input, needs: needs)
    case nil:
      throw input.failure("the offer file is empty")
    default:
      throw input.failure(
        "not an AWS Price List offer file: expected a JSON object or the CSV's \"FormatVersion\" line")
    }
  }

  /// Whether a JSON file is get-products output (a product per line) rather than a Bulk offer:
  /// its first line (within the first chunk read) is a whole object with a `product` member.
  static func looksLikeLines(_ input: inout ByteReader) throws(DiagnosticError) -> Bool {
    let window = input.buffer[input.index..<input.end]
    let line =
      window.firstIndex(of: 0x0A).map { window[..<$0] }
      ?? (input.atEOF || input.end < input.buffer.count ? window : nil)
    guard let line, line.count < 8 << 20 else { return false }
    return (try? JSONDocument.parse(Array(line), path: input.path))?["product"] != nil
  }

  /// The on-demand price dimensions of one term object (`{…, priceDimensions: {rateCode: {…}}}`).
  static func dimensions(of term: JSONNode, at offset: Int, input: ByteReader) throws(DiagnosticError)
    -> [OfferDimension]
  {
    guard case .object(let members, _)? = term["priceDimensions"] else {
      throw input.failure("a term without 'priceDimensions'", at: offset)
    }
    var result: [OfferDimension] = []
    for (rateCode, dimension) in members {
      func text(_ key: String) throws(DiagnosticError) -> String {
        guard let s = dimension[key]?.string else {
          throw input.failure("price dimension \(rateCode) has no '\(key)' string", at: offset)
        }
        return s
      }
      guard let usd = dimension["pricePerUnit"]?["USD"]?.string else {
        throw input.failure("price dimension \(rateCode) has no pricePerUnit.USD", at: offset)
      }
      result.append(
        try Self.dimension(
          rateCode: rateCode, begin: try text("beginRange"), end: try text("endRange"), unit: try text("unit"),
          usd: usd, at: offset, input: input))
    }
    return result
  }

  /// Sets a product's dimensions and effective date from its on-demand terms. One on-demand term
  /// per SKU in every offer seen; with several, the latest applies, and several latest ones that
  /// price differently are an error (which one AWS bills cannot be told).
  static func apply(
    _ terms: [(key: String, value: JSONNode)], sku: String, to product: inout OfferProduct, at offset: Int,
    input: ByteReader
  ) throws(DiagnosticError) {
    func date(_ term: JSONNode) -> String { term["effectiveDate"]?.string ?? "" }
    guard let latest = terms.map({ date($0.value) }).max() else { return }
    let chosen = terms.filter { date($0.value) == latest }
    let dimensions = try dimensions(of: chosen[0].value, at: offset, input: input)
    func prices(_ d: [OfferDimension]) -> [String] {
      d.map { "\($0.begin) \($0.end?.description ?? "Inf") \($0.unit) \($0.usd)" }.sorted()
    }
    for other in chosen.dropFirst() {
      guard prices(try Self.dimensions(of: other.value, at: offset, input: input)) == prices(dimensions) else {
        throw input.failure(
          "SKU \(TerminalText.excerpt(sku)) has conflicting on-demand terms effective \(TerminalText.excerpt(latest)): \(TerminalText.excerpt(chosen[0].key)) and \(TerminalText.excerpt(other.key)) price it differently, and which one applies cannot be told",
          at: offset)
      }
    }
    product.dimensions = dimensions
    product.effective = CalendarDate(String(latest.prefix(10)))
  }

  /// One dimension from its texts, numbers read with billcast's strict grammar.
  static func dimension(
    rateCode: String, begin: String, end: String, unit: String, usd: String, at offset: Int, input: ByteReader
  ) throws(DiagnosticError) -> OfferDimension {
    func number(_ text: String, _ what: String) throws(DiagnosticError) -> ExactDecimal {
      switch ExactDecimal.parse(text) {
      case .success(let v):
        guard !v.isNegative else {
          throw input.failure(
            "\(what) of \(TerminalText.excerpt(rateCode)) is \(v): it must not be negative", at: offset)
        }
        return v
      case .failure(let problem):
        throw input.failure("\(what) of \(TerminalText.excerpt(rateCode)): \(problem)", at: offset)
      }
    }
    return OfferDimension(
      rateCode: rateCode, begin: try number(begin, "beginRange"), end: end == "Inf" ? nil : try number(end, "endRange"),
      unit: unit, usd: try number(usd, "pricePerUnit.USD"))
  }

  /// A product's attributes, normalised, with its region and stripped usage type.
  static func product(sku: String, rawAttributes: [(String, String)], offset: Int) -> OfferProduct {
    var attributes: [String: String] = [:]
    for (k, v) in rawAttributes { attributes[PriceListRegions.normalised(k)] = v }
    let region = PriceListRegions.region(of: attributes)
    let usageType = PriceListRegions.strip(attributes["usagetype"] ?? "", region: region)
    return OfferProduct(
      sku: sku, region: region, usageType: usageType, attributes: attributes, dimensions: [], offset: offset)
  }
}

/// The Bulk API's `index.json`: header, `products`, then `terms.OnDemand`.
private enum BulkJSONReader {
  /// Streams the offer: the header's strings, the products the models need, then their on-demand terms.
  static func read(_ input: ByteReader, needs: OfferNeeds) throws(DiagnosticError) -> Offer {
    var scanner = JSONScanner(input)
    var header: [String: String] = [:]
    var products: [String: OfferProduct] = [:]
    var order: [String] = []
    var sawTerms = false
    try scanner.object { (s: inout JSONScanner, key: String) throws(DiagnosticError) in
      switch key {
      case "formatVersion", "offerCode", "version", "publicationDate":
        guard try s.next("a string") == 0x22 else { throw s.input.failure("'\(key)' must be a string") }
        header[key] = try s.string()
      case "products":
        guard let offer = header["offerCode"] else {
          throw s.input.failure("'products' comes before 'offerCode': not an AWS offer file")
        }
        try readProducts(&s, offer: offer, needs: needs, into: &products, order: &order)
      case "terms":
        sawTerms = true
        try readTerms(&s, into: &products)
      default:
        try s.skipValue(depth: 1)
      }
    }
    try scanner.expectEnd()
    for key in ["offerCode", "version", "publicationDate"] where header[key] == nil {
      throw scanner.input.failure("the offer has no '\(key)': not a complete AWS Price List offer file", at: 0)
    }
    if !sawTerms {
      throw scanner.input.failure("the offer has no 'terms': it is truncated or not an offer file", at: 0)
    }
    return try OfferReader.checked(
      Offer(
        path: scanner.input.path, layout: .bulkJSON, offerCode: header["offerCode"]!, version: header["version"]!,
        publicationDate: header["publicationDate"]!, products: order.compactMap { products[$0] }),
      input: scanner.input)
  }

  /// The `products` object: each product the models might want is parsed and kept, in file order.
  static func readProducts(
    _ s: inout JSONScanner, offer: String, needs: OfferNeeds, into products: inout [String: OfferProduct],
    order: inout [String]
  ) throws(DiagnosticError) {
    try s.object { (s: inout JSONScanner, sku: String) throws(DiagnosticError) in
      _ = try s.next("a product")
      let offset = s.input.offset
      let captured = s.input.beginCapture()
      try s.skipValue(depth: 2)
      let bytes = s.input.endCapture(captured)
      // Most products of a large offer are not needed: look at the usage type before building a tree.
      if let raw = JSONScanner.quickString(bytes, key: "usagetype"), !needs.mightWant(offer: offer, usageType: raw) {
        return
      }
      let node = try s.parse(Array(bytes), at: offset)
      guard case .object(let members, _)? = node["attributes"] else {
        throw s.input.failure("product \(sku) has no 'attributes'", at: offset)
      }
      var attributes: [(String, String)] = []
      for (k, v) in members { if let text = v.string { attributes.append((k, text)) } }
      let product = OfferReader.product(sku: sku, rawAttributes: attributes, offset: offset)
      let raw = attributes.first { $0.0 == "usagetype" }?.1 ?? ""
      if needs.wants(offer: offer, usageType: raw, region: product.region) {
        products[sku] = product
        order.append(sku)
      }
    }
  }

  /// The `terms` object: the on-demand price dimensions of each product kept.
  static func readTerms(_ s: inout JSONScanner, into products: inout [String: OfferProduct]) throws(DiagnosticError) {
    try s.object { (s: inout JSONScanner, kind: String) throws(DiagnosticError) in
      guard kind == "OnDemand" else { return try s.skipValue(depth: 2) }
      try s.object { (s: inout JSONScanner, sku: String) throws(DiagnosticError) in
        guard products[sku] != nil else { return try s.skipValue(depth: 3) }
        _ = try s.next("the terms of \(sku)")
        let offset = s.input.offset
        guard case .object(let terms, _) = try s.tree() else {
          throw s.input.failure("the terms of \(sku) are not an object", at: offset)
        }
        try OfferReader.apply(terms, sku: sku, to: &products[sku]!, at: offset, input: s.input)
      }
    }
  }
}
