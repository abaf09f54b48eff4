import BillcastCore

/// A meter of a service, optionally one key of a keyed price: `aws.lambda/duration[x86_64]`.
public struct MeterKey: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The service id, like `aws.lambda`.
  public var service: String
  /// The meter's name within the service, like `duration`.
  public var meter: String
  /// The choice value a keyed price is keyed by, like `x86_64`; nil for an unkeyed meter.
  public var key: String?

  /// Creates a key for a service's meter, optionally one key of a keyed price.
  public init(service: String, meter: String, key: String? = nil) {
    self.service = service
    self.meter = meter
    self.key = key
  }

  /// The key as written: `service/meter` or `service/meter[key]`.
  public var description: String { "\(service)/\(meter)" + (key.map { "[\($0)]" } ?? "") }

  /// Orders keys by their written form.
  public static func < (a: Self, b: Self) -> Bool { a.description < b.description }

  /// Parses `service/meter` or `service/meter[key]`.
  public init?(_ text: String) {
    var body = Substring(text)
    var key: String?
    if body.hasSuffix("]"), let open = body.firstIndex(of: "[") {
      key = String(body[body.index(after: open)..<body.index(before: body.endIndex)])
      body = body[..<open]
      if key!.isEmpty { return nil }
    }
    let parts = body.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
    self.init(service: String(parts[0]), meter: String(parts[1]), key: key)
  }
}
