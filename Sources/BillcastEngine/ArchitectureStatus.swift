import BillcastCore
import BillcastPricing
import BillcastProfile

/// Whether an architecture can be built on a date, judged by its services' availability.
public enum ArchitectureStatus: Sendable, Hashable {
  case available
  /// A service it uses had not launched yet.
  case notLaunched(component: String, service: String, from: CalendarDate)
  /// A service it uses was retired.
  case retired(component: String, service: String, until: CalendarDate, replacement: String?)
  /// A service it uses takes no new customers (it can still be priced).
  case closedToNewCustomers(component: String, service: String, since: CalendarDate, replacement: String?)

  /// Whether the architecture cannot be priced on the date.
  public var blocksPricing: Bool {
    switch self {
    case .notLaunched, .retired: return true
    case .available, .closedToNewCustomers: return false
    }
  }
}
