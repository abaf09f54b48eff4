import BillcastCore

/// `aws pricing get-products` output: one JSON document per line, each one product with its terms.
enum OfferLinesReader {
  static func read(_ input: ByteReader, needs: OfferNeeds) throws(DiagnosticError) -> Offer {
    var input = input
    var products: [OfferProduct] = []
    var offerCode: String?, version: String?, published: String?
    var source: Offer.Source?
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
      // billcast's own field, written by converters of AWS data that is not a Price List offer.
      if let url = node["billcastSource"]?["url"]?.string, let note = node["billcastSource"]?["note"]?.string {
        source = Offer.Source(url: url, note: note)
      }
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
        products: products, source: source),
      input: input)
  }
}
