import BillcastCore

/// A monthly budget for some scenario × architecture results, optionally per service.
public struct Budget: Sendable {
  /// The architecture it applies to (nil: every one).
  public var architecture: String?
  /// The scenario it applies to (nil: every one).
  public var scenario: String?
  /// The most the monthly total may be.
  public var monthly: ExactDecimal?
  /// The most each named service may cost a month.
  public var services: [(service: String, limit: ExactDecimal)]
  /// Where the budget is in the profile, for errors.
  public var location: SourceLocation

  /// A short name: `lambda-cloudfront × active-development`, `every architecture × every scenario`.
  public var name: String {
    "\(architecture ?? "every architecture") × \(scenario ?? "every scenario")"
  }
}
