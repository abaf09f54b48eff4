import BillcastCore

/// What a set of bill rows cost: invoiced, amortized and at public on-demand prices.
public struct BillAmounts: Sendable, Hashable {
  /// What was invoiced (FOCUS `BilledCost`, CUR unblended).
  public var billed: ExactDecimal = .zero
  /// The amortized cost after commitments (FOCUS `EffectiveCost`).
  public var effective: ExactDecimal = .zero
  /// The cost at public on-demand prices (FOCUS `ListCost`); for rows without it, their billed cost.
  public var list: ExactDecimal = .zero
  /// The number of rows.
  public var rows: Int = 0

  /// No rows.
  public init() {}

  /// Adds one row's amounts; false if a sum would pass billcast's limit (10^15 dollars).
  mutating func add(billed: ExactDecimal, effective: ExactDecimal, list: ExactDecimal) -> Bool {
    let b = self.billed.addingReportingOverflow(billed), e = self.effective.addingReportingOverflow(effective)
    let l = self.list.addingReportingOverflow(list)
    guard !b.overflow, !e.overflow, !l.overflow,
      [b.partialValue, e.partialValue, l.partialValue].allSatisfy({
        $0.magnitude <= ExactDecimal.parseLimit
      })
    else { return false }
    self.billed = b.partialValue
    self.effective = e.partialValue
    self.list = l.partialValue
    rows += 1
    return true
  }

  /// Adds another set's amounts (within the limit: each part was).
  mutating func add(_ other: BillAmounts) {
    billed += other.billed
    effective += other.effective
    list += other.list
    rows += other.rows
  }
}
