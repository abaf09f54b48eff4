import BillcastCore

/// Every rate whose table value differs from the offers': what `pricing verify` reports.
package struct PriceListVerification: Sendable {
  /// One rate that differs (or that the table lacks).
  package struct Difference: Sendable {
    /// The region.
    package var region: String
    /// The meter (and key).
    package var key: MeterKey
    /// The table's tiers; nil if the table has no rate for it.
    package var table: [RateTier]?
    /// The offer's tiers.
    package var offered: [RateTier]
    /// The SKU.
    package var sku: String
    /// The offer's publication date.
    package var published: String
  }

  /// The rates that differ, in region and model order.
  package var differences: [Difference] = []
  /// The number of rates that match.
  package var matching = 0
  /// What the models need that the offers lack.
  package var lacking: [LackingRate] = []
  /// The rates the offers have whose prices cannot be read (ambiguous, or not convertible):
  /// not confirmed, so verify fails on them as on a difference.
  package var unreadable: [LackingRate] { lacking.filter(\.unreadable) }
  /// Whether every rate compared matches and every offered price could be read.
  package var passes: Bool { differences.isEmpty && unreadable.isEmpty }

  /// Compares the offers with the rates files (through an import plan that is not written).
  /// An offer that gives no rate to compare (empty, another service, another provider's
  /// regions) is an error: a verification that compared nothing must not pass.
  package init(offers: [Offer], catalog: PricingCatalog, directory: String) throws(DiagnosticError) {
    let plan = try PriceListImport(offers: offers, catalog: catalog, directory: directory)
    lacking = plan.lacking
    let compared = Set(plan.changes.map(\.offerPath))
    let unreadableFrom = Set(plan.lacking.filter(\.unreadable).map(\.region))
    let idle = offers.filter { offer in
      !compared.contains(offer.path) && !offer.products.contains { unreadableFrom.contains($0.region ?? "") }
    }
    if !idle.isEmpty {
      throw DiagnosticError(
        idle.map { offer in
          Diagnostic(
            file: offer.path,
            message:
              "the offer (\(TerminalText.excerpt(offer.offerCode)), \(offer.products.count) products kept) gives no rate the pricing tables hold: nothing was compared (an empty offer, or one for a service or region the models do not price from the Price List)"
          )
        })
    }
    for change in plan.changes {
      if change.kind == .unchanged {
        matching += 1
      } else {
        differences.append(
          Difference(
            region: change.region, key: change.key, table: change.old, offered: change.new, sku: change.sku,
            published: change.published))
      }
    }
  }
}
