/// What a bill row charges for, as billcast reconciles it.
///
/// Usage a commitment (a Savings Plan or a Reserved Instance) covered is kept apart from
/// on-demand usage: its quantity is usage like any other, but its cost is the commitment's.
public enum BillChargeKind: String, Sendable, Hashable, CaseIterable, Comparable {
  /// On-demand usage at a price.
  case usage
  /// Usage that cost nothing: drawn from a free tier.
  case freeTier = "free-tier"
  /// Usage a Savings Plan or Reserved Instance covered.
  case committedUsage = "committed-usage"
  /// A Savings Plan negation (CUR): the on-demand cost of covered usage taken back.
  case commitmentNegation = "commitment-negation"
  /// A commitment's fee: a Savings Plan's recurring or upfront fee, a Reserved Instance fee.
  case commitmentFee = "commitment-fee"
  /// A commitment's unused part (FOCUS `CommitmentDiscountStatus` Unused).
  case unusedCommitment = "unused-commitment"
  /// A one-time purchase that is not a commitment (a domain, a Marketplace subscription).
  case purchase
  /// A credit (promotional, service).
  case credit
  /// A refund.
  case refund
  /// Tax.
  case tax
  /// AWS Support.
  case support
  /// A discount (bundled, EDP, private rate).
  case discount
  /// Another adjustment or correction.
  case adjustment

  /// Whether the row is usage of a meter (its quantity is compared with the profile's).
  public var isUsage: Bool { self == .usage || self == .freeTier || self == .committedUsage }

  /// Orders kinds as declared.
  public static func < (a: Self, b: Self) -> Bool {
    allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
  }
}
