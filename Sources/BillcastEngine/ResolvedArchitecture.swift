import BillcastCore
import BillcastPricing
import BillcastProfile

/// An architecture whose components are resolved.
public struct ResolvedArchitecture: Sendable {
  /// The architecture as written in the profile.
  public var architecture: Architecture
  /// Its components, resolved, in profile order.
  public var components: [ResolvedComponent]
}

extension ResolvedArchitecture {
  /// The architecture's status on a date: a retired or not-yet-launched service blocks it
  /// (the first one found wins over a service closed to new customers).
  public func status(on date: CalendarDate) -> ArchitectureStatus {
    var closed: ArchitectureStatus = .available
    for c in components {
      guard let a = c.service.availability else { continue }
      if let until = a.until, date > until {
        return .retired(component: c.component.name, service: c.service.name, until: until, replacement: a.replacement)
      }
      if let from = a.from, date < from {
        return .notLaunched(component: c.component.name, service: c.service.name, from: from)
      }
      if let (what, from) = c.launch(after: date) {
        return .notLaunched(component: c.component.name, service: what, from: from)
      }
      if let newUntil = a.newUntil, date > newUntil, closed == .available {
        closed = .closedToNewCustomers(
          component: c.component.name, service: c.service.name, since: newUntil, replacement: a.replacement)
      }
    }
    return closed
  }
}
