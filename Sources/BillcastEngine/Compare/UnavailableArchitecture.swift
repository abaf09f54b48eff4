import BillcastCore
import BillcastPricing
import BillcastProfile

/// An architecture left out of the comparison or flagged in it, and why.
public struct UnavailableArchitecture: Sendable, Hashable {
  /// The architecture's name.
  public var architecture: String
  /// Why: the component, its service and the retirement, launch or closing date.
  public var status: ArchitectureStatus

  /// Why, in words.
  public var reason: String {
    switch status {
    case .retired(let component, let service, let until, let replacement):
      return "\(component): \(service) was retired on \(until)\(replacement.map { "; use \($0)" } ?? "")"
    case .notLaunched(let component, let service, let from):
      return "\(component): \(service) is available from \(from)"
    case .closedToNewCustomers(let component, let service, let since, let replacement):
      return
        "\(component): \(service) takes no new customers after \(since)\(replacement.map { "; AWS recommends \($0)" } ?? "")"
    case .available:
      return "available"
    }
  }
}
