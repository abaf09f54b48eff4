import BillcastCore

/// A pricing table: one provider's prices for one region, each price sourced and dated.
public struct PricingTable: Sendable {
  /// The table's id, like `aws/us-east-1`.
  public var id: String
  public var provider: String
  /// The region, or `global` for region-less services.
  public var region: String
  public var currency: String
  /// The date the table was last checked against its sources.
  public var effective: CalendarDate
  /// The pages the prices were read from, by id.
  public var sources: [String: PriceSource]
  /// The free-tier pools, in file order.
  public var freeTier: [FreeTierPool]
  /// The services, in file order.
  public var services: [Service]
  /// The file the table was read from.
  public var path: String
  /// The SHA-256 of the file's bytes, in lower-case hex.
  public var sha256: String

  /// The service with this id.
  public func service(_ id: String) -> Service? { services.first { $0.id == id } }
}

/// A public page a price was read from, and when.
public struct PriceSource: Sendable, Hashable {
  public var id: String
  public var url: String
  /// The date the page was read.
  public var read: CalendarDate
  /// How direct the source is: P (the provider's page), PL (its price list), S (secondary).
  public var grade: String
  public var note: String?
}

/// A billable product: its inputs, meters, notes and availability.
public struct Service: Sendable {
  /// The service id, like `aws.lambda`.
  public var id: String
  public var name: String
  /// The heading reports group this service under, like `API Gateway`.
  public var group: String
  public var inputs: [ServiceInput]
  public var meters: [Meter]
  public var notes: [ServiceNote]
  public var availability: Availability?
  /// The combinations of numeric inputs the service accepts, if it restricts them.
  public var combinations: Combinations?
  /// The id of the table that holds the service.
  public var tableID: String

  /// The input with this name.
  public func input(_ name: String) -> ServiceInput? { inputs.first { $0.name == name } }
  /// The meter with this name.
  public func meter(_ name: String) -> Meter? { meters.first { $0.name == name } }
}

/// A usage parameter a component of a service accepts.
public struct ServiceInput: Sendable {
  public enum Kind: Sendable {
    /// A number (an interval in a profile), with its unit.
    case numeric(unit: String)
    /// One of a fixed set of words.
    case choice(values: [String])
  }

  public var name: String
  public var kind: Kind
  public var description: String?
  /// The value used when a component does not give one: a formula over built-in names
  /// (`month_hours`), usually a plain number, or a choice.
  public var defaultNumber: Formula?
  public var defaultChoice: String?
  /// Impossible values: an error.
  public var hardMinimum: ExactDecimal?
  public var hardMaximum: ExactDecimal?
  /// Service rules: a warning that cites the rule.
  public var softRules: [SoftRule]

  /// Whether this input is numeric.
  public var isNumeric: Bool { if case .numeric = kind { return true } else { return false } }
}

/// A condition on choice inputs: every named input has one of the listed values.
public typealias ChoiceCondition = [String: [String]]

/// A service rule on a numeric input, checked with a warning.
public struct SoftRule: Sendable {
  public var when: ChoiceCondition
  public var minimum: ExactDecimal?
  public var maximum: ExactDecimal?
  public var oneOf: [ExactDecimal]?
  public var step: ExactDecimal?
  public var message: String
  public var source: String?
  public var from: CalendarDate?
  public var until: CalendarDate?
}

/// What a provider bills: a quantity formula over the service's inputs, and its price.
public struct Meter: Sendable {
  public enum Billing: Sendable {
    /// Priced by this meter.
    case price(Price)
    /// Aggregated and priced with another service's meter (account-wide data transfer, say).
    case billedAs(MeterReference)
  }

  public var name: String
  public var unit: String
  public var description: String?
  public var quantity: Formula
  /// Earlier billing rules: the quantity formula in force before each date, dates ascending.
  public var quantityBefore: [(until: CalendarDate, quantity: Formula)] = []
  public var when: ChoiceCondition
  /// The meter bills only on and after this date (nil: always).
  public var from: CalendarDate?
  /// The meter bills only before this date (nil: always).
  public var until: CalendarDate?
  public var billing: Billing

  /// The quantity formula in force on a date.
  public func quantity(on date: CalendarDate) -> Formula {
    quantityBefore.first { date < $0.until }?.quantity ?? quantity
  }

  /// Whether the meter bills on a date.
  public func isInForce(on date: CalendarDate) -> Bool {
    if let from, date < from { return false }
    if let until, date >= until { return false }
    return true
  }
}

/// A service's meter named as `service/meter`, for `billed_as`.
public struct MeterReference: Sendable, Hashable, CustomStringConvertible {
  public var service: String
  public var meter: String
  public var description: String { "\(service)/\(meter)" }
}

/// A price: one tier ladder, or one ladder per value of a choice input.
public enum Price: Sendable {
  case ladder(TierLadder)
  case keyed(by: String, [String: TierLadder])

  /// The ladder for a key (nil key for an unkeyed price).
  public func ladder(for key: String?) -> TierLadder? {
    switch self {
    case .ladder(let l): return l
    case .keyed(_, let ladders): return key.flatMap { ladders[$0] }
    }
  }
}

/// Marginal tiers: each tier's rate applies to the quantity between the previous `upto` and its own.
public struct TierLadder: Sendable, Hashable {
  /// The number of units a rate is quoted for (1,000,000 for "$0.20 per 1M requests").
  public var per: ExactDecimal
  public var tiers: [Tier]
  /// Earlier prices: the ladder in force before each date, dates ascending.
  public var before: [DatedLadder] = []

  public init(per: ExactDecimal, tiers: [Tier], before: [DatedLadder] = []) {
    self.per = per
    self.tiers = tiers
    self.before = before
  }

  /// The ladder in force on a date.
  public func on(_ date: CalendarDate) -> TierLadder {
    guard let earlier = before.first(where: { date < $0.until }) else { return self }
    return TierLadder(per: earlier.per, tiers: earlier.tiers)
  }

  /// Whether the ladder has a single rate.
  public var isFlat: Bool { tiers.count == 1 }
}

/// A ladder that was in force until a date.
public struct DatedLadder: Sendable, Hashable {
  public var until: CalendarDate
  public var per: ExactDecimal
  public var tiers: [Tier]
}

/// One tier of a ladder.
public struct Tier: Sendable, Hashable {
  /// The cumulative quantity where the tier ends; nil for the last tier.
  public var upto: ExactDecimal?
  /// The price per `per` units.
  public var rate: ExactDecimal
  /// The source id the rate was read from.
  public var source: String
}

/// The kinds of free-tier allowance.
public enum FreeTierKind: String, Sendable, CaseIterable {
  /// Every account, every month.
  case alwaysFree = "always-free"
  /// Accounts created before 2025-07-15, in their first 12 months.
  case legacy12Month = "legacy-12-month"
}

/// A meter of a service, optionally one key of a keyed price: `aws.lambda/duration[x86_64]`.
public struct MeterKey: Sendable, Hashable, Comparable, CustomStringConvertible {
  public var service: String
  public var meter: String
  public var key: String?

  public init(service: String, meter: String, key: String? = nil) {
    self.service = service
    self.meter = meter
    self.key = key
  }

  public var description: String { "\(service)/\(meter)" + (key.map { "[\($0)]" } ?? "") }

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

/// An allowance that meters draw from, in the stated order.
public struct FreeTierPool: Sendable {
  public var id: String
  public var kind: FreeTierKind
  public var allowance: ExactDecimal
  public var unit: String
  public var source: String
  public var draws: [MeterKey]
  public var from: CalendarDate?
  public var until: CalendarDate?
  /// The id of the table that holds the pool.
  public var tableID: String

  /// Whether the pool is in force on a date.
  public func isInForce(on date: CalendarDate) -> Bool {
    if let from, date < from { return false }
    if let until, date >= until { return false }
    return true
  }
}

/// A fact a user must see when a service is used.
public struct ServiceNote: Sendable {
  public enum Severity: String, Sendable { case warning, info }
  public var code: String
  public var severity: Severity
  public var message: String
  public var source: String?
  public var when: ChoiceCondition
  public var from: CalendarDate?
  public var until: CalendarDate?
}

/// The combinations of numeric inputs a service accepts, like App Runner's vCPU/memory sizes.
public struct Combinations: Sendable {
  /// The inputs constrained together, in order.
  public var inputs: [String]
  /// Each allowed combination: for each input, the values allowed with the others.
  public var allowed: [[String: [ExactDecimal]]]
  public var message: String
  public var source: String?

  /// Whether the values (one per input) form an allowed combination.
  public func allows(_ values: [String: ExactDecimal]) -> Bool {
    allowed.contains { combination in
      inputs.allSatisfy { name in values[name].map { combination[name]?.contains($0) ?? false } ?? false }
    }
  }

  /// The combinations in words: `vcpu 0.25 with memory_gb 0.5 or 1; …`.
  public var summary: String {
    allowed.map { c in
      inputs.map { "\($0) \((c[$0] ?? []).map(\.description).joined(separator: " or "))" }.joined(separator: " with ")
    }.joined(separator: "; ")
  }
}

/// When a service can be used.
public struct Availability: Sendable {
  /// Launched: pricing before this date is an error.
  public var from: CalendarDate?
  /// No new resources after this date.
  public var newUntil: CalendarDate?
  /// Retired: no pricing after this date.
  public var until: CalendarDate?
  /// The service that replaces it.
  public var replacement: String?
  public var source: String?
}
