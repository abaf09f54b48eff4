import BillcastCore
import BillcastEngine
import BillcastPricing

/// Renders an estimate as JSON, schema `billcast.estimate/1`: amounts are strings of exact decimals.
public enum EstimateJSON {
  /// The schema name the report carries: `billcast.estimate/1`.
  public static let schema = "billcast.estimate/1"

  /// The estimate as JSON text.
  public static func render(_ estimate: Estimate) -> String { value(estimate).rendered() }

  static func range(_ low: ExactDecimal, _ high: ExactDecimal) -> JSONValue {
    .object([("low", .string(low.description)), ("high", .string(high.description))])
  }
  static func range(_ i: Interval) -> JSONValue { range(i.low, i.high) }
  static func range(_ s: Span) -> JSONValue { range(s.low, s.high) }

  /// The estimate as a JSON value, for reports that extend it.
  package static func value(_ estimate: Estimate) -> JSONValue {
    .object([
      ("schema", .string(schema)),
      ("currency", .string(estimate.currency)),
      (
        "profile",
        .object([
          ("name", .string(estimate.profileName)),
          ("path", .string(estimate.profilePath)),
          ("sha256", .string(estimate.profileSHA256)),
        ])
      ),
      ("region", .string(estimate.region)),
      ("as_of", .string(estimate.asOf.description)),
      ("free_tier", freeTier(estimate.freeTier)),
      (
        "pricing",
        .array(
          estimate.tables.map { t in
            .object(
              [("id", .string(t.id)), ("effective", .string(t.effective.description)), ("sha256", .string(t.sha256))]
                + (t.warning.map { [("warning", JSONValue.string($0))] } ?? []))
          })
      ),
      (
        "not_priced",
        .array(
          estimate.notYetAvailable.map {
            .object([("architecture", .string($0.architecture)), ("reason", .string($0.notPricedReason))])
          })
      ),
      ("results", .array(estimate.results.map(result))),
    ])
  }

  /// A report's `free_tier`, the same shape in the estimate, comparison and forecast reports:
  /// the account's kind, the offers that apply, its credits and a summary.
  static func freeTier(_ situation: FreeTierSituation) -> JSONValue {
    .object([
      ("account", .string(situation.account.rawValue)),
      ("kinds", .array(situation.kinds.map { .string($0.rawValue) })),
      ("credits", situation.credits.map { .string($0.description) } ?? .null),
      ("summary", .string(situation.summary)),
    ])
  }

  /// One scenario × architecture: totals, workload, services with their lines, components, account meters and warnings.
  static func result(_ r: ScenarioResult) -> JSONValue {
    var members: [(String, JSONValue)] = [
      ("scenario", .string(r.scenario)),
      ("architecture", .string(r.architecture)),
      ("total", range(r.total)),
    ]
    if let credits = r.creditsApplied {
      members.append(("credits_applied", range(credits)))
      members.append(("amount_due", range(r.amountDue)))
    }
    members +=
      [
        ("workload", .object(r.workload.map { ($0.name, range($0.value)) })),
        (
          "services",
          .array(
            r.services.map { s in
              .object([
                ("service", .string(s.service)),
                ("name", .string(s.name)),
                ("cost", range(s.cost)),
                ("lines", .array(s.lines.map(line))),
              ])
            })
        ),
        ("components", .array(r.components.map(component))),
        ("meters", .array(r.meters.map(meter))),
        (
          "warnings",
          .array(r.warnings.map { w in .object([("code", .string(w.code)), ("message", .string(w.message))]) })
        ),
      ] + TemplateAccounting.json(r)
    return .object(members)
  }

  static func component(_ c: ComponentCost) -> JSONValue {
    .object([
      ("component", .string(c.component)),
      ("label", .string(c.label)),
      ("service", .string(c.service)),
      ("cost", range(c.cost)),
      ("free_tier", .array(c.freeTier.map { .string(PriceText.pool($0)) })),
      ("unit_prices", .array(c.prices.map { .string(PriceText.price($0)) })),
    ])
  }

  /// An account meter: its aggregated quantity, each pool's draw, what is billable and its cost.
  static func meter(_ m: AccountMeter) -> JSONValue {
    .object(
      [
        ("meter", .string(m.key.description)),
        ("unit", .string(m.unit)),
        ("quantity", range(m.quantity)),
        (
          "free_tier",
          .array(
            m.freeTier.map { f in
              .object([
                ("pool", .string(f.pool)), ("kind", .string(f.kind.rawValue)), ("drawn", range(f.drawn)),
              ])
            })
        ),
        ("billable", range(m.billable)),
        ("cost", range(m.cost)),
        (
          "tiers",
          .object([("low", .array(m.chargesLow.map(charge))), ("high", .array(m.chargesHigh.map(charge)))])
        ),
      ] + (priceList(m.ladder).map { [("price_list", $0)] } ?? []))
  }

  /// A tier's charge on the billable quantity: the quantity in the tier, its rate per `per` units and its cost.
  static func charge(_ c: TierCharge) -> JSONValue {
    .object([
      ("quantity", .string(c.quantity.description)), ("rate", .string(c.rate.description)),
      ("per", .string(c.per.description)), ("cost", .string(c.cost.description)),
    ])
  }

  /// Where an account meter's rates are in AWS's Price List, or nil when the table does not say: the offer,
  /// the usage type without region prefix, its unit, and the region's SKU and usage type where the rates name them.
  static func priceList(_ l: TierLadder) -> JSONValue? {
    guard let id = l.priceList else { return nil }
    var members: [(String, JSONValue)] = [("offer", .string(id.offer)), ("usage_type", .string(id.usageType))]
    if !id.alsoUsageTypes.isEmpty {
      members.append(("also_usage_types", .array(id.alsoUsageTypes.map { .string($0) })))
    }
    members.append(("unit", .string(id.unit)))
    if id.scale != .one { members.append(("scale", .string(id.scale.description))) }
    if !id.attributes.isEmpty {
      members.append(("attributes", .object(id.attributes.keys.sorted().map { ($0, .string(id.attributes[$0]!)) })))
    }
    if let sku = l.sku { members.append(("sku", .string(sku))) }
    if let usageType = l.usageType { members.append(("region_usage_type", .string(usageType))) }
    return .object(members)
  }

  static func line(_ l: LineItem) -> JSONValue {
    .object([
      ("component", .string(l.component)),
      ("meter", .string(l.meter)),
      ("account_meter", .string(l.accountMeter.description)),
      ("unit", .string(l.unit)),
      ("quantity", range(l.quantity)),
      ("free_tier", range(l.freeTier)),
      ("cost", range(l.cost)),
    ])
  }
}
