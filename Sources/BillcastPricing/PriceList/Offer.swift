import BillcastCore

/// What billcast keeps of an AWS Price List offer file: its header and the on-demand products
/// the models need (every other product is read past, not kept).
package struct Offer: Sendable {
  /// The layouts AWS publishes.
  package enum Layout: String, Sendable {
    /// The Bulk API's `index.json`.
    case bulkJSON = "bulk JSON"
    /// The Bulk API's `index.csv`.
    case csv = "CSV"
    /// The JSON documents `aws pricing get-products` prints, one per line.
    case getProducts = "get-products JSON lines"
  }

  /// The file read.
  package var path: String
  /// Its layout.
  package var layout: Layout
  /// The offer code, like `AWSLambda`.
  package var offerCode: String
  /// The offer's version, like `20261101000000`.
  package var version: String
  /// The offer's publication time, like `2026-11-01T00:00:00Z`.
  package var publicationDate: String
  /// The products kept, in file order.
  package var products: [OfferProduct]

  /// The publication date as a calendar date, if it reads as one.
  package var publishedOn: CalendarDate? { CalendarDate(String(publicationDate.prefix(10))) }

  /// The offer's public address for a region, as `pricing import` records it in a source.
  package func url(region: String) -> String {
    "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/\(offerCode)/\(version)/\(region)/index.json"
  }
}

/// One product of an offer with its on-demand price dimensions.
package struct OfferProduct: Sendable {
  /// The SKU.
  package var sku: String
  /// The region code the product is in (from `regionCode`, `fromRegionCode` or `location`), if any.
  package var region: String?
  /// The usage type without its region prefix (`Lambda-GB-Second` for `EU-Lambda-GB-Second`).
  package var usageType: String
  /// The attributes, by normalised name (lower case, letters and digits only), so that the
  /// JSON's `transferType` and the CSV's `Transfer Type` are one attribute.
  package var attributes: [String: String]
  /// The on-demand price dimensions, in the offer's order.
  package var dimensions: [OfferDimension]
  /// The date the on-demand term took effect, if the offer says (`effectiveDate`, `EffectiveDate`).
  package var effective: CalendarDate? = nil
  /// The file offset of the product, for messages.
  package var offset: Int = 0
}

/// One price dimension: a rate for a range of usage.
package struct OfferDimension: Sendable {
  /// The rate code.
  package var rateCode: String
  /// Where the range begins, in AWS's unit.
  package var begin: ExactDecimal
  /// Where it ends; nil for `Inf`.
  package var end: ExactDecimal?
  /// AWS's unit, like `GB-Mo`.
  package var unit: String
  /// The price per unit in USD.
  package var usd: ExactDecimal
}

/// Region codes, their Price List location names and their usage-type prefixes.
enum PriceListRegions {
  /// Location names as the Price List writes them, by region code.
  static let locations: [String: String] = [
    "US East (N. Virginia)": "us-east-1", "US East (Ohio)": "us-east-2", "US West (N. California)": "us-west-1",
    "US West (Oregon)": "us-west-2", "Canada (Central)": "ca-central-1", "EU (Ireland)": "eu-west-1",
    "EU (London)": "eu-west-2", "EU (Paris)": "eu-west-3", "EU (Frankfurt)": "eu-central-1",
    "EU (Stockholm)": "eu-north-1", "EU (Milan)": "eu-south-1", "Asia Pacific (Tokyo)": "ap-northeast-1",
    "Asia Pacific (Seoul)": "ap-northeast-2", "Asia Pacific (Osaka)": "ap-northeast-3",
    "Asia Pacific (Singapore)": "ap-southeast-1", "Asia Pacific (Sydney)": "ap-southeast-2",
    "Asia Pacific (Mumbai)": "ap-south-1", "South America (Sao Paulo)": "sa-east-1",
  ]

  /// Usage-type prefixes by region code (AWS's "Region billing codes"; eu-west-1's is `EU`).
  static let prefixes: [String: String] = [
    "us-east-1": "USE1", "us-east-2": "USE2", "us-west-1": "USW1", "us-west-2": "USW2", "ca-central-1": "CAN1",
    "eu-west-1": "EU", "eu-west-2": "EUW2", "eu-west-3": "EUW3", "eu-central-1": "EUC1", "eu-north-1": "EUN1",
    "eu-south-1": "EUS1", "ap-northeast-1": "APN1", "ap-northeast-2": "APN2", "ap-northeast-3": "APN3",
    "ap-southeast-1": "APS1", "ap-southeast-2": "APS2", "ap-south-1": "APS3", "sa-east-1": "SAE1",
  ]

  /// The region of a product, from its normalised attributes.
  static func region(of attributes: [String: String]) -> String? {
    if let code = attributes["regioncode"], !code.isEmpty { return code }
    if let code = attributes["fromregioncode"], !code.isEmpty { return code }
    if let name = attributes["location"], let code = locations[name] { return code }
    if let name = attributes["fromlocation"], let code = locations[name] { return code }
    return nil
  }

  /// A usage type without the region's own prefix: only `CODE-` where CODE is that region's
  /// billing code is removed (`Global-` and CloudFront's edge groups are part of the identity).
  static func strip(_ usageType: String, region: String?) -> String {
    guard let region, let code = prefixes[region], usageType.hasPrefix(code + "-") else { return usageType }
    return String(usageType.dropFirst(code.count + 1))
  }

  /// An attribute name normalised: lower case letters and digits only.
  static func normalised(_ name: String) -> String {
    String(
      String.UnicodeScalarView(
        name.lowercased().unicodeScalars.filter { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") }))
  }
}

/// The products an import needs, to keep only those while reading.
package struct OfferNeeds: Sendable {
  /// Usage types (without region prefix) wanted, by offer code.
  var usageTypes: [String: Set<String>]

  /// The needs of every identity in a list of regional prices.
  package init(_ prices: [RegionalPrice]) {
    var wanted: [String: Set<String>] = [:]
    for price in prices {
      if let id = price.priceList { wanted[id.offer, default: []].insert(id.usageType) }
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
