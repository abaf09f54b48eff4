import BillcastCore

/// The account's free-tier situation.
public struct Account: Sendable, Equatable {
  /// How AWS's free tier applies to the account.
  public enum FreeTier: String, Sendable, CaseIterable {
    /// No free tier at all: list prices (what AWS's calculator shows).
    case none
    /// Only the always-free offers (any account past its first year).
    case alwaysFree = "always-free"
    /// An account created before 2025-07-15: always-free, plus the 12-month offers in its first 12 months.
    case legacy
    /// An account created on or after 2025-07-15: always-free plus credits.
    case credits
  }

  /// The plan of a credit-based account.
  public enum Plan: String, Sendable, CaseIterable {
    /// Credits only; the account closes after 6 months or when credits run out.
    case free
    /// Credits first, then pay as you go.
    case paid
  }

  /// How the free tier applies to the account.
  public var freeTier: FreeTier
  /// The day the account was opened (required for legacy and credits).
  public var opened: CalendarDate?
  /// The credits a credit-based account has (up to $200).
  public var credits: ExactDecimal?
  /// The plan of a credit-based account (paid unless given); nil for other accounts.
  public var plan: Plan?
  /// Where the `account` section is in the profile; nil when there is none.
  public var location: SourceLocation?

  /// Creates an account's free-tier situation.
  public init(
    freeTier: FreeTier, opened: CalendarDate? = nil, credits: ExactDecimal? = nil, plan: Plan? = nil,
    location: SourceLocation? = nil
  ) {
    self.freeTier = freeTier
    self.opened = opened
    self.credits = credits
    self.plan = plan
    self.location = location
  }

  /// The date the credit-based free-tier program began.
  public static let creditProgramStart = CalendarDate("2025-07-15")!
}
