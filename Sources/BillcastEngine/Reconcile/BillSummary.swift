import BillcastBill

/// One bill file read: its format and what it holds.
public struct BillSummary: Sendable {
  /// The file's path as given.
  public var path: String
  /// Its format, from its header.
  public var format: BillFormat
  /// Its rows.
  public var rows: Int
  /// The billing months it has rows for, `YYYY-MM`, in order.
  public var months: [String]
  /// The accounts it has rows for, in order.
  public var accounts: [String]
  /// The currencies it is in.
  public var currencies: [String]
}
