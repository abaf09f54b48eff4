import BillcastCore

/// A pricing table: one provider's prices for one region, each price sourced and dated.
public struct PricingTable: Sendable {
  /// The table's id, like `aws/us-east-1`.
  public var id: String
  /// The provider, like `aws`.
  public var provider: String
  /// The region, or `global` for region-less services.
  public var region: String
  /// The currency the prices are in, like `USD`.
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
  /// Where the table's `id` is written, for errors about it.
  public var idLocation: SourceLocation?
  /// The files the table was composed from: its models and its rates file, or the table's own file.
  public var files: [String] = []
  /// Every price the models leave to each region, in model order, present here or not: what a
  /// rates file for this provider fills in, and what `pricing import` looks for in offer files.
  package var regionalPrices: [RegionalPrice] = []

  /// The service with this id.
  public func service(_ id: String) -> Service? { services.first { $0.id == id } }
}

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

/// A billable product: its inputs, meters, notes and availability.
public struct Service: Sendable {
  /// The service id, like `aws.lambda`.
  public var id: String
  /// The display name, like `AWS Lambda`.
  public var name: String
  /// The heading reports group this service under, like `API Gateway`.
  public var group: String
  /// The inputs a component of the service accepts, in file order.
  public var inputs: [ServiceInput]
  /// What the provider bills for the service, in file order.
  public var meters: [Meter]
  /// Facts shown when the service is used, in file order.
  public var notes: [ServiceNote]
  /// When the service can be used; nil if the table sets no dates.
  public var availability: Availability?
  /// The combinations of numeric inputs the service accepts, if it restricts them.
  public var combinations: Combinations?
  /// The id of the table that holds the service.
  public var tableID: String
  /// Where the service is written in its table, for errors about it.
  public var location: SourceLocation?
  /// The rates the region's rates file lacks: a component that needs one cannot be priced here.
  public var unpriced: [UnpricedRate] = []

  /// The input with this name.
  public func input(_ name: String) -> ServiceInput? { inputs.first { $0.name == name } }
  /// The meter with this name.
  public func meter(_ name: String) -> Meter? { meters.first { $0.name == name } }
}

/// A usage parameter a component of a service accepts.
public struct ServiceInput: Sendable {
  /// What an input takes: a number with a unit, or one of a set of words.
  public enum Kind: Sendable {
    /// A number (an interval in a profile), with its unit.
    case numeric(unit: String)
    /// One of a fixed set of words.
    case choice(values: [String])
  }

  /// The input's name, as components and formulas use it.
  public var name: String
  /// Whether the input is numeric (with its unit) or a choice (with its values).
  public var kind: Kind
  /// What the input means, like `Invocations per month`, if given.
  public var description: String?
  /// The value used when a component does not give one: a formula over built-in names
  /// (`month_hours`), usually a plain number, or a choice.
  public var defaultNumber: Formula?
  /// The default value of a choice input; nil if a component must give one.
  public var defaultChoice: String?
  /// Impossible values: an error.
  public var hardMinimum: ExactDecimal?
  /// The largest value allowed; a value whose high end is above it is an error.
  public var hardMaximum: ExactDecimal?
  /// Service rules: a warning that cites the rule.
  public var softRules: [SoftRule]
  /// For a choice input, the date each value launched, if later than the service (arm64 Lambda:
  /// 2021-09-29): pricing a value before its date is like pricing the service before its launch.
  public var launched: [String: CalendarDate] = [:]

  /// Whether this input is numeric.
  public var isNumeric: Bool { if case .numeric = kind { return true } else { return false } }
}

/// A condition on choice inputs: every named input has one of the listed values.
public typealias ChoiceCondition = [String: [String]]

/// A service rule on a numeric input, checked with a warning.
public struct SoftRule: Sendable {
  /// The choice-input values the rule applies to (empty: always).
  public var when: ChoiceCondition
  /// The least value the rule allows.
  public var minimum: ExactDecimal?
  /// The greatest value the rule allows.
  public var maximum: ExactDecimal?
  /// The only values the rule allows.
  public var oneOf: [ExactDecimal]?
  /// The rule allows only multiples of this step.
  public var step: ExactDecimal?
  /// Explains the rule; the warning shows it when a value breaks the rule.
  public var message: String
  /// The id of the source the rule was read from, if any.
  public var source: String?
  /// The rule applies only on and after this date (nil: always).
  public var from: CalendarDate?
  /// The rule applies only before this date (nil: always).
  public var until: CalendarDate?
  /// Whether breaking the rule is an error (inputs that cannot be combined) rather than a warning.
  public var isError = false
}

/// What a provider bills: a quantity formula over the service's inputs, and its price.
public struct Meter: Sendable {
  /// How a meter is priced: by its own price, or with another service's meter.
  public enum Billing: Sendable {
    /// Priced by this meter.
    case price(Price)
    /// Aggregated and priced with another service's meter (account-wide data transfer, say).
    case billedAs(MeterReference)
  }

  /// The meter's name, like `duration`.
  public var name: String
  /// The unit the quantity is measured in, like `GB-s`.
  public var unit: String
  /// What the meter bills, in words, if given.
  public var description: String?
  /// The current quantity formula, over the service's numeric inputs and `month_hours`.
  public var quantity: Formula
  /// Earlier billing rules: the quantity formula in force before each date, dates ascending.
  public var quantityBefore: [(until: CalendarDate, quantity: Formula)] = []
  /// The choice-input values the meter applies to (empty: always).
  public var when: ChoiceCondition
  /// The meter bills only on and after this date (nil: always).
  public var from: CalendarDate?
  /// The meter bills only before this date (nil: always).
  public var until: CalendarDate?
  /// How the meter is priced: its own price, or another service's meter (`billed_as`).
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
  /// The service id, like `aws.data-transfer`.
  public var service: String
  /// The meter's name within that service, like `internet-out`.
  public var meter: String
  /// The reference as written: `service/meter`.
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
  /// The tiers, `upto` ascending; the last tier has no `upto`.
  public var tiers: [Tier]
  /// Earlier prices: the ladder in force before each date, dates ascending.
  public var before: [DatedLadder] = []
  /// Where the rates are in AWS's Price List, if the table says.
  public var priceList: PriceListIdentity?
  /// The Price List SKU the current rates were read from, if the table says.
  public var sku: String?

  /// Creates a ladder from its unit count, its tiers and its earlier prices.
  public init(
    per: ExactDecimal, tiers: [Tier], before: [DatedLadder] = [], priceList: PriceListIdentity? = nil,
    sku: String? = nil
  ) {
    self.per = per
    self.tiers = tiers
    self.before = before
    self.priceList = priceList
    self.sku = sku
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
  /// The ladder applies to dates before this one.
  public var until: CalendarDate
  /// The number of units a rate is quoted for.
  public var per: ExactDecimal
  /// The ladder's tiers, `upto` ascending; the last tier has no `upto`.
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

/// An allowance that meters draw from, in the stated order.
public struct FreeTierPool: Sendable {
  /// The pool's id, like `lambda-requests`.
  public var id: String
  /// Which accounts get the allowance, and when.
  public var kind: FreeTierKind
  /// The free quantity per month, in the pool's unit, shared by the meters that draw on it.
  public var allowance: ExactDecimal
  /// The allowance's unit, like `GB-s`.
  public var unit: String
  /// The id of the source the allowance was read from.
  public var source: String
  /// The meters that draw on the pool, in drawing order.
  public var draws: [MeterKey]
  /// The pool is in force only on and after this date (nil: always).
  public var from: CalendarDate?
  /// The pool is in force only before this date (nil: always).
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
  /// How serious a note is: `warning` notes appear in estimates, `info` notes only in pricing listings.
  public enum Severity: String, Sendable { case warning, info }
  /// The note's short id, like `lambda-vpc-nat`, used as the code of the warning it raises.
  public var code: String
  /// How serious the note is.
  public var severity: Severity
  /// What the user must know.
  public var message: String
  /// The id of the source the note cites, if any.
  public var source: String?
  /// The choice-input values the note applies to (empty: always).
  public var when: ChoiceCondition
  /// The note applies only on and after this date (nil: always).
  public var from: CalendarDate?
  /// The note applies only before this date (nil: always).
  public var until: CalendarDate?
}

/// The combinations of numeric inputs a service accepts, like App Runner's vCPU/memory sizes.
public struct Combinations: Sendable {
  /// The inputs constrained together, in order.
  public var inputs: [String]
  /// Each allowed combination: for each input, the values allowed with the others.
  public var allowed: [[String: [ExactDecimal]]]
  /// The explanation the error for a disallowed combination shows.
  public var message: String
  /// The id of the source that lists the combinations, if any.
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
  /// The id of the source the availability was read from.
  public var source: String?
}
