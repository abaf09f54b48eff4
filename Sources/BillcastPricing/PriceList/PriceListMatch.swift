import BillcastCore

/// Matching offer products to the regional prices of the models, by their Price List identities.
package struct PriceListMatch: Sendable {
  /// The rates found, by region, in model order.
  package var rates: [OfferedRate] = []
  /// The rates of the offers' services that the offers lack, in model order.
  package var lacking: [LackingRate] = []

  /// Matches every regional price whose offer was read against the offers' products, each
  /// offer on its own (two offers of one region are two dated facts, not one ambiguous pool),
  /// in the order their rates apply: by the term's effective date, then by publication.
  /// `usageTypes` gives, by region and meter, a rates entry's own usage type where the region's
  /// differs from the identity's (eu-west-1's `EU-AWSSecretsManager-APIRequests`).
  package init(offers: [Offer], prices: [RegionalPrice], usageTypes: [String: [MeterKey: String]] = [:]) {
    for offer in offers {
      let byRegion = Dictionary(grouping: offer.products.filter { $0.region != nil }, by: { $0.region! })
      for (region, products) in byRegion.sorted(by: { $0.key < $1.key }) {
        for price in prices {
          guard let identity = price.priceList, identity.offer == offer.offerCode else { continue }
          var regional = identity
          if let own = usageTypes[region]?[price.key] { regional.usageType = own }
          match(price, regional, among: products, region: region, offer: offer)
        }
      }
    }
    // A rate one offer lacks that another gives is not lacking; each lack is reported once.
    let given = Set(rates.map { "\($0.region) \($0.key)" })
    var reported = Set<String>()
    lacking = lacking.filter { lack in
      (lack.unreadable || !given.contains("\(lack.region) \(lack.key)"))
        && reported.insert("\(lack.region) \(lack.key) \(lack.reason)").inserted
    }
    rates = rates.enumerated().sorted { a, b in
      let x = a.element, y = b.element
      if x.effective != y.effective {
        return (x.effective?.daysSince1970 ?? Int.min) < (y.effective?.daysSince1970 ?? Int.min)
      }
      if x.offer.publicationDate != y.offer.publicationDate { return x.offer.publicationDate < y.offer.publicationDate }
      return a.offset < b.offset
    }.map(\.element)
  }

  mutating func match(
    _ price: RegionalPrice, _ identity: PriceListIdentity, among products: [OfferProduct], region: String, offer: Offer
  ) {
    let wanted = identity.attributes.map { (PriceListRegions.normalised($0.key), $0.value) }
    let candidates = products.filter { p in
      p.usageType == identity.usageType && wanted.allSatisfy { p.attributes[$0.0] == $0.1 }
    }
    guard !candidates.isEmpty else {
      lacking.append(
        LackingRate(
          region: region, key: price.key,
          reason:
            "no on-demand product with usage type \(identity.usageType)\(wanted.isEmpty ? "" : " and " + identity.attributes.sorted { $0.key < $1.key }.map { "\($0.key) = \($0.value)" }.joined(separator: ", ")) in \(offer.offerCode) for \(region)"
        ))
      return
    }
    var converted: [(OfferProduct, [RateTier])] = []
    for product in candidates.sorted(by: { $0.sku < $1.sku }) {
      switch Self.tiers(of: product, for: price, identity) {
      case .success(let tiers): converted.append((product, tiers))
      case .failure(let reason):
        lacking.append(
          LackingRate(region: region, key: price.key, reason: "SKU \(product.sku): \(reason.text)", unreadable: true))
        return
      }
    }
    if let other = converted.first(where: { $0.1 != converted[0].1 }) {
      // Not guessed: the rate is left as it is and reported.
      lacking.append(
        LackingRate(
          region: region, key: price.key,
          reason:
            "ambiguous: SKUs \(converted[0].0.sku) and \(other.0.sku) both match usage type \(identity.usageType) with different prices; the model's price_list needs an attribute that tells them apart",
          unreadable: true))
      return
    }
    rates.append(
      OfferedRate(
        key: price.key, region: region, tiers: converted[0].1, sku: converted[0].0.sku, offer: offer,
        effective: converted[0].0.effective))
  }

  /// Why a product's dimensions do not make a rates entry.
  struct Reason: Error { var text: String }

  /// A product's dimensions as tiers in the meter's unit and per the model's `per`.
  static func tiers(of product: OfferProduct, for price: RegionalPrice, _ identity: PriceListIdentity) -> Result<
    [RateTier], Reason
  > {
    let dimensions = product.dimensions.sorted { $0.begin < $1.begin }
    guard !dimensions.isEmpty else { return .failure(Reason(text: "no on-demand price dimensions")) }
    var tiers: [RateTier] = []
    var expectedBegin = ExactDecimal.zero
    for (i, d) in dimensions.enumerated() {
      guard d.unit.lowercased() == identity.unit.lowercased() else {
        return .failure(Reason(text: "the offer's unit is '\(d.unit)', the model's price_list says '\(identity.unit)'"))
      }
      guard d.begin == expectedBegin else {
        return .failure(
          Reason(text: "its ranges do not follow on: one begins at \(d.begin) where \(expectedBegin) was expected"))
      }
      let isLast = i == dimensions.count - 1
      guard (d.end == nil) == isLast else { return .failure(Reason(text: "only its last range may end at Inf")) }
      // rate per `per` meter units = USD per AWS unit × AWS units per meter unit × per.
      let (perUnit, o1, r1) = d.usd.multipliedTrackingRounding(by: identity.scale)
      let (rate, o2, r2) = perUnit.multipliedTrackingRounding(by: price.per)
      guard !o1, !o2, !r1, !r2 else {
        return .failure(Reason(text: "\(d.usd) per \(d.unit) does not convert exactly to the meter's unit"))
      }
      var upto: ExactDecimal?
      if let end = d.end, end <= d.begin {
        return .failure(Reason(text: "its range from \(d.begin) to \(end) is empty: a range must end after it begins"))
      }
      if let end = d.end {
        guard let bound = end.multiplied(by: .one, dividedBy: identity.scale),
          bound.multiplied(by: identity.scale, dividedBy: .one) == end
        else {
          return .failure(Reason(text: "the range end \(end) does not convert exactly to the meter's unit"))
        }
        upto = bound
        expectedBegin = end
      }
      tiers.append(RateTier(upto: upto, rate: rate))
    }
    return .success(tiers)
  }
}
