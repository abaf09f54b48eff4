import BillcastCore

/// The products an import needs, to keep only those while reading.
package struct OfferNeeds: Sendable {
  /// Usage types (without region prefix) wanted, by offer code.
  var usageTypes: [String: Set<String>]

  /// The needs of every identity in a list of regional prices, and of the rates entries that
  /// name their region's own usage type (`usageTypes`, by region and meter).
  package init(_ prices: [RegionalPrice], usageTypes regional: [String: [MeterKey: String]] = [:]) {
    var wanted: [String: Set<String>] = [:]
    var offers: [MeterKey: String] = [:]
    for price in prices {
      guard let id = price.priceList else { continue }
      wanted[id.offer, default: []].insert(id.usageType)
      offers[price.key] = id.offer
    }
    for (key, usageType) in regional.values.flatMap({ $0 }) {
      if let offer = offers[key] { wanted[offer, default: []].insert(usageType) }
    }
    usageTypes = wanted
  }

  /// Whether a raw usage type (with whatever prefix) might be needed, before the product's
  /// region is known: it is a wanted usage type, or one with a `CODE-` prefix.
  func mightWant(offer: String, usageType: String) -> Bool {
    guard let set = usageTypes[offer] else { return false }
    if set.contains(usageType) { return true }
    let bytes = usageType.utf8
    guard let dash = bytes.firstIndex(of: 0x2D) else { return false }
    return set.contains(String(Substring(bytes[bytes.index(after: dash)...])))
  }

  /// Whether a product of an offer with this raw usage type might be needed.
  func wants(offer: String, usageType: String, region: String?) -> Bool {
    guard let set = usageTypes[offer] else { return false }
    return set.contains(PriceListRegions.strip(usageType, region: region))
  }
}
