import BillcastCore
import BillcastPricing
import BillcastProfile

/// Something that happens in a month and moves the bill.
public struct ForecastEvent: Sendable, Hashable {
  /// The month (1-based) it happens in.
  public var month: Int
  /// The architectures it concerns, comma-separated; nil when it concerns every one.
  public var architecture: String?
  /// What kind of event it is.
  public var kind: Kind
  /// The event in words.
  public var message: String

  /// Creates an event.
  public init(month: Int, architecture: String?, kind: Kind, message: String) {
    self.month = month
    self.architecture = architecture
    self.kind = kind
    self.message = message
  }

  /// The kinds of event a forecast reports.
  public enum Kind: Sendable, Hashable {
    /// The calendar switches to another scenario.
    case scenario
    /// An architecture cannot be priced from this month (a service retired or not yet launched).
    case unavailable
    /// A legacy account's 12-month free-tier offers end.
    case freeTierEnds
    /// A price changes (a dated history entry).
    case pricingChange
    /// A service takes no new customers from this month.
    case closedToNewCustomers
    /// A credit-based account's credits run out.
    case creditsSpent
    /// A credit-based account's unspent credits expire.
    case creditsExpire
    /// Another architecture becomes the cheapest, by monthly bill or by cumulative total.
    case cheapest(ForecastCrossover.Kind)

    /// The kind's code in reports: `free-tier-ends`, `cheapest-monthly`, ….
    public var code: String {
      switch self {
      case .scenario: return "scenario"
      case .unavailable: return "unavailable"
      case .freeTierEnds: return "free-tier-ends"
      case .pricingChange: return "pricing-change"
      case .closedToNewCustomers: return "closed-to-new-customers"
      case .creditsSpent: return "credits-spent"
      case .creditsExpire: return "credits-expire"
      case .cheapest(let kind): return "cheapest-\(kind.rawValue)"
      }
    }

    /// Whether the event is a change of the cheapest architecture (reported in its own section).
    public var isCrossover: Bool { if case .cheapest = self { return true } else { return false } }
  }

  /// The event's kind as its code in reports, like `free-tier-ends`.
  public var code: String { kind.code }
}
