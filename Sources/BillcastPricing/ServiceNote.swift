import BillcastCore

/// A fact a user must see when a service is used.
public struct ServiceNote: Sendable {
  /// How serious a note is: `warning` notes appear in estimates, `info` notes only in pricing listings.
  public enum Severity: String, Sendable { case warning, info }
  /// The note's short id, like `lambda-vpc-nat`, used as the code of the warning it raises.
  public var code: String
  /// How serious the note is.
  public var severity: Severity
  /// What the user must know.
  public var message: String
  /// The id of the source the note cites, if any.
  public var source: String?
  /// The choice-input values the note applies to (empty: always).
  public var when: ChoiceCondition
  /// The note applies only on and after this date (nil: always).
  public var from: CalendarDate?
  /// The note applies only before this date (nil: always).
  public var until: CalendarDate?
}
