import BillcastCore

/// The kinds of free-tier allowance.
public enum FreeTierKind: String, Sendable, CaseIterable {
  /// Every account, every month.
  case alwaysFree = "always-free"
  /// Accounts created before 2025-07-15, in their first 12 months.
  case legacy12Month = "legacy-12-month"
}
