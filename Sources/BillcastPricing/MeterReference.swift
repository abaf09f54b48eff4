import BillcastCore

/// A service's meter named as `service/meter`, for `billed_as`.
public struct MeterReference: Sendable, Hashable, CustomStringConvertible {
  /// The service id, like `aws.data-transfer`.
  public var service: String
  /// The meter's name within that service, like `internet-out`.
  public var meter: String
  /// The reference as written: `service/meter`.
  public var description: String { "\(service)/\(meter)" }
}
