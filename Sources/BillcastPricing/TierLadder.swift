import BillcastCore

/// Marginal tiers: each tier's rate applies to the quantity between the previous `upto` and its own.
public struct TierLadder: Sendable, Hashable {
  /// The number of units a rate is quoted for (1,000,000 for "$0.20 per 1M requests").
  public var per: ExactDecimal
  /// The tiers, `upto` ascending; the last tier has no `upto`.
  public var tiers: [Tier]
  /// Earlier prices: the ladder in force before each date, dates ascending.
  public var before: [DatedLadder] = []
  /// Where the rates are in AWS's Price List, if the table says.
  public var priceList: PriceListIdentity?
  /// The Price List SKU the current rates were read from, if the table says.
  public var sku: String?
  /// The region's Price List usage type (without its region prefix) where it differs from the
  /// model's identity, like `AWSSecretsManager-APIRequests` for eu-west-1's irregular
  /// `EU-AWSSecretsManager-APIRequests`; nil when the identity's applies.
  public var usageType: String?

  /// Creates a ladder from its unit count, its tiers and its earlier prices.
  public init(
    per: ExactDecimal, tiers: [Tier], before: [DatedLadder] = [], priceList: PriceListIdentity? = nil,
    sku: String? = nil, usageType: String? = nil
  ) {
    self.per = per
    self.tiers = tiers
    self.before = before
    self.priceList = priceList
    self.sku = sku
    self.usageType = usageType
  }

  /// The ladder in force on a date; an earlier ladder keeps the Price List identity (the product is the same)
  /// but not the SKU the current rates were read from.
  public func on(_ date: CalendarDate) -> TierLadder {
    guard let earlier = before.first(where: { date < $0.until }) else { return self }
    return TierLadder(per: earlier.per, tiers: earlier.tiers, priceList: priceList, usageType: usageType)
  }

  /// Whether the ladder has a single rate.
  public var isFlat: Bool { tiers.count == 1 }
}
