import BillcastCore
import BillcastPricing
import BillcastProfile

/// The free-tier situation applied to a run.
public struct FreeTierSituation: Sendable, Hashable {
  /// The account's free-tier setting applied: none, always-free, legacy or credits.
  public var account: Account.FreeTier
  /// The allowance kinds applied.
  public var kinds: [FreeTierKind]
  /// The credits available in the month priced (credit-based accounts).
  public var credits: ExactDecimal?
  /// In words, like "legacy account, month 3 of its 12-month offers".
  public var summary: String
}
