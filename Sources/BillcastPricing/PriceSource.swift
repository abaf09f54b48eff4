import BillcastCore

/// A public page a price was read from, and when.
public struct PriceSource: Sendable, Hashable {
  /// The source's id, which prices cite.
  public var id: String
  /// The page's web address.
  public var url: String
  /// The date the page was read.
  public var read: CalendarDate
  /// How direct the source is: P (the provider's page), PL (its price list), S (secondary).
  public var grade: String
  /// Free-text remarks about the source, if any.
  public var note: String?
  /// Where the source's `read` date is written, for errors about it.
  public var readLocation: SourceLocation? = nil
}
