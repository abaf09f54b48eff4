import BillcastCore

/// What an offer may carry into a rates file. Every string an import writes (the offer code,
/// version and publication date, each kept product's SKU and region) is held to a strict
/// grammar here, so that no offer can write YAML of its own (a SKU ending a flow mapping and
/// opening an entry for another service) or drive a terminal; and every kept product's term
/// must be dated, since the date places its rate in the entry's history.
extension OfferReader {
  /// The offer, if its strings and every kept product pass; otherwise every problem at once,
  /// located in the offer file (the header's at its start, a product's where it begins).
  static func checked(_ offer: Offer, input: ByteReader) throws(DiagnosticError) -> Offer {
    var problems: [Diagnostic] = []
    func fail(_ message: String, at offset: Int) {
      problems += input.failure(message, at: offset).diagnostics
    }
    if !Self.isTimestamp(offer.publicationDate) {
      fail(
        "publicationDate '\(TerminalText.excerpt(offer.publicationDate))' is not a date (expected YYYY-MM-DDThh:mm:ssZ)",
        at: 0)
    }
    if !Self.isWord(offer.offerCode, extra: []) {
      fail(
        "the offer code '\(TerminalText.excerpt(offer.offerCode))' is not an AWS offer code (letters and digits)", at: 0
      )
    }
    if !Self.isWord(offer.version, extra: [UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_")]) {
      fail(
        "the offer's version '\(TerminalText.excerpt(offer.version))' is not a version (letters, digits, '.', '-' and '_')",
        at: 0)
    }
    for product in offer.products {
      // An empty SKU is a converted offer's (AWS data without SKUs): no SKU is written.
      if !product.sku.isEmpty && !Self.isWord(product.sku, extra: []) {
        fail(
          "the SKU '\(TerminalText.excerpt(product.sku))' is not an AWS SKU (letters and digits only)",
          at: product.offset)
      }
      if let region = product.region, !Self.isWord(region, extra: [UInt8(ascii: "-")]) {
        fail(
          "the region '\(TerminalText.excerpt(region))' of SKU \(TerminalText.excerpt(product.sku)) is not a region code (like us-east-1)",
          at: product.offset)
      }
      if !product.dimensions.isEmpty && product.effective == nil {
        fail(
          "the on-demand term of SKU \(TerminalText.excerpt(product.sku)) has no effectiveDate: without it the rate cannot be placed in the entry's history",
          at: product.offset)
      }
    }
    if !problems.isEmpty { throw DiagnosticError(problems) }
    return offer
  }

  /// 1 to 64 ASCII letters and digits, and the bytes of `extra`.
  static func isWord(_ text: String, extra: [UInt8]) -> Bool {
    let bytes = text.utf8
    return (1...64).contains(bytes.count)
      && bytes.allSatisfy { b in
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || extra.contains(b)
      }
  }

  /// `YYYY-MM-DDThh:mm:ssZ` (seconds may have a fraction) whose date is a calendar date.
  static func isTimestamp(_ text: String) -> Bool {
    let b = Array(text.utf8)
    func digits(_ range: Range<Int>) -> Bool { range.allSatisfy { $0 < b.count && b[$0] >= 0x30 && b[$0] <= 0x39 } }
    guard b.count >= 20, digits(0..<4), b[4] == 0x2D, digits(5..<7), b[7] == 0x2D, digits(8..<10), b[10] == 0x54,
      digits(11..<13), b[13] == 0x3A, digits(14..<16), b[16] == 0x3A, digits(17..<19), b.last == 0x5A,
      CalendarDate(String(text.prefix(10))) != nil
    else { return false }
    if b.count == 20 { return true }
    return b[19] == 0x2E && b.count > 21 && digits(20..<(b.count - 1))
  }
}
