import BillcastCore
import BillcastPricing
import BillcastProfile

/// A pricing table a report used: id, effective date and content hash.
public struct TableReference: Sendable, Hashable {
  /// The table's id, like `aws/us-east-1`.
  public var id: String
  /// The date the table was last checked against its sources.
  public var effective: CalendarDate
  /// The SHA-256 of the table's file, in lower-case hex.
  public var sha256: String
  /// The file the table was read from.
  public var path: String
  /// Why the table's figures may be out of date on the date priced (``staleness(effective:on:)``), if they may.
  public var warning: String? = nil
  /// The pricing directory the table was read from (`--pricing`, found above the profile, …);
  /// nil for the tables built into billcast.
  public var directory: String? = nil

  /// How many days after a table's last confirmation its prices are taken as current.
  public static let freshForDays = 120

  /// A warning when `date` is more than ``freshForDays`` days after the table was last
  /// confirmed against its sources: AWS may have changed a price since.
  public static func staleness(id: String, effective: CalendarDate, on date: CalendarDate) -> String? {
    let days = date.daysSince1970 - effective.daysSince1970
    guard days > freshForDays else { return nil }
    return
      "\(id) was last confirmed on \(effective), \(ExactDecimal(days).formatted(fractionDigits: 0, grouping: true)) days before \(date); prices may have changed since (refresh the table, or price an earlier date)"
  }
}
