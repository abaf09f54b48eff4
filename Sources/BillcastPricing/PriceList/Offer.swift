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
  /// Where the data really comes from, when it is not a Price List offer but AWS data converted
  /// to get-products lines (a line's `billcastSource: {url, note}`, like EC2's price map).
  package var source: Source?

  /// A converted offer's origin: the address of the data read and a note on what was read.
  package struct Source: Sendable {
    /// The address of the data read.
    package var url: String
    /// What was read, and how it was converted.
    package var note: String
  }

  /// An offer read from a file.
  package init(
    path: String, layout: Layout, offerCode: String, version: String, publicationDate: String,
    products: [OfferProduct], source: Source? = nil
  ) {
    self.path = path
    self.layout = layout
    self.offerCode = offerCode
    self.version = version
    self.publicationDate = publicationDate
    self.products = products
    self.source = source
  }

  /// The publication date as a calendar date, if it reads as one.
  package var publishedOn: CalendarDate? { CalendarDate(String(publicationDate.prefix(10))) }

  /// The offer's public address for a region, as `pricing import` records it in a source.
  package func url(region: String) -> String {
    if let source { return source.url }
    return "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/\(offerCode)/\(version)/\(region)/index.json"
  }
}
