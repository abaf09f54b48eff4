import BillcastCore
import Foundation

/// Reading a meter's price: a flat rate, tiers, or one ladder per value of a choice input,
/// each with its earlier prices (`before`), its Price List identity and SKU. In a model, a price
/// without a rate is regional: its rates come from the rates file the model is composed with.
extension PricingTableReader {
  /// Reads a price: `{rate, per, source}`, `{tiers, per, source}` or `{by, values}`.
  mutating func readPrice(
    _ cursor: YAMLCursor, meter: MeterReference, inputs: [ServiceInput], when: ChoiceCondition,
    sources: [String: PriceSource]
  ) -> Price? {
    guard case .mapping = cursor.node else {
      cursor.error("expected a price: {rate, per, source}, {tiers, per, source} or {by, values}")
      return nil
    }
    if cursor.hasKey("by") { return readKeyedPrice(cursor, meter: meter, inputs: inputs, when: when, sources: sources) }
    let meterKey = MeterKey(service: meter.service, meter: meter.meter)
    return readLadder(cursor, key: meterKey, sources: sources).map { .ladder($0) }
  }

  /// Reads a keyed price `{by, values, each}`: one ladder per value of a choice input, from
  /// `values` (a mapping of values to prices) and, for every value it does not list, from `each`
  /// (one price whose identity names the value as `{INPUT}`, like `BoxUsage:{instance_type}`).
  mutating func readKeyedPrice(
    _ cursor: YAMLCursor, meter: MeterReference, inputs: [ServiceInput], when: ChoiceCondition,
    sources: [String: PriceSource]
  ) -> Price? {
    guard let f = cursor.fields(["by", "values", "each"], what: "a keyed price {by, values, each}") else { return nil }
    guard let byCursor = f.required("by"), let by = byCursor.string("a choice input name") else { return nil }
    guard let input = inputs.first(where: { $0.name == by }), case .choice(let values) = input.kind else {
      byCursor.error(
        "'\(TerminalText.excerpt(by))' is not a choice input of this service\(Spelling.hint(for: by, among: inputs.map(\.name)))"
      )
      return nil
    }
    var ladders: [String: TierLadder] = [:]
    let each = f["each"]
    guard let valuesCursor = each == nil ? f.required("values") : f["values"] ?? cursor else { return nil }
    let listed = f["values"]?.entries("a mapping of choices to prices") ?? []
    for (key, c) in listed {
      guard values.contains(key) else {
        valuesCursor.keyCursor(key).error(
          "'\(TerminalText.excerpt(key))' is not a value of \(by) (\(values.joined(separator: ", ")))")
        continue
      }
      let meterKey = MeterKey(service: meter.service, meter: meter.meter, key: key)
      if let ladder = readLadder(c, key: meterKey, sources: sources) { ladders[key] = ladder }
    }
    // `each`: one price for every value `values` does not list, `{by}` in its identity standing for the value.
    let reachable = when[by] ?? values
    if let each {
      let named = Set(listed.map(\.0))
      for value in reachable where !named.contains(value) {
        let meterKey = MeterKey(service: meter.service, meter: meter.meter, key: value)
        if let ladder = readLadder(each, key: meterKey, sources: sources, placeholder: (by, value)) {
          ladders[value] = ladder
        }
      }
      return .keyed(by: by, ladders)
    }
    // Every value the meter can see must have a price: a missing one would bill $0.
    for value in reachable where ladders[value] == nil && !valuesCursor.hasKey(value) {
      valuesCursor.error("no price for \(by) = \(value); every value of \(by) this meter applies to needs one")
    }
    return .keyed(by: by, ladders)
  }

  /// Reads one ladder: its rates from the price itself, or (in a model) from the region's rates file.
  mutating func readLadder(
    _ cursor: YAMLCursor, key: MeterKey, sources: [String: PriceSource], placeholder: (String, String)? = nil
  ) -> TierLadder? {
    guard
      let f = cursor.fields(
        ["rate", "per", "source", "tiers", "before", "price_list", "sku"],
        what: "a price {rate, per, source}, {tiers, per, source} or, in a model, {per, price_list}")
    else { return nil }
    let identity = f["price_list"].flatMap { readIdentity($0, placeholder: placeholder) }
    if f.has("rate") || f.has("tiers") || regional == nil {
      if let entry = regional?.entries[key] {
        consumedRates.insert(key)
        entry.keyCursor.error(
          "\(key) has one price in every region, written in the model at \(cursor.location.short); a rates file cannot change it"
        )
      }
      guard var ladder = readLadderWithHistory(cursor, sources: sources, per: nil, allowing: ["price_list", "sku"])
      else { return nil }
      ladder.priceList = identity
      return ladder
    }
    // A regional price: the model gives `per` and the identity; the rates file gives the rest.
    for name in ["source", "before", "sku"] where f.has(name) {
      f[name]!.error("a price without a rate takes its '\(name)' from each region's rates file, not from the model")
    }
    var per = ExactDecimal.one
    if let p = f["per"], let v = p.decimal() {
      if v > .zero { per = v } else { p.error("per must be above zero, found \(v)") }
    }
    regionalPrices.append(RegionalPrice(key: key, per: per, unit: meterUnit, priceList: identity))
    guard let regional else { return nil }
    guard let entry = regional.entries[key] else {
      missingRates[key.service, default: []].append(key)
      return nil
    }
    consumedRates.insert(key)
    guard
      var ladder = readLadderWithHistory(entry.value, sources: sources, per: per, allowing: ["sku", "usage_type"])
    else {
      return nil
    }
    ladder.priceList = identity
    return ladder
  }

  /// Reads a Price List identity: `{offer, usage_type, unit, attributes, scale, seen, unconfirmed}`; in a
  /// keyed price's `each`, `{INPUT}` in the usage type and attribute values is the key's value.
  func readIdentity(_ cursor: YAMLCursor, placeholder: (String, String)? = nil) -> PriceListIdentity? {
    guard
      let f = cursor.fields(
        ["offer", "usage_type", "unit", "attributes", "scale", "seen", "unconfirmed"],
        what: "a Price List identity {offer, usage_type, unit}")
    else { return nil }
    func filled(_ text: String) -> String {
      guard let (name, value) = placeholder else { return text }
      return text.replacingOccurrences(of: "{\(name)}", with: value)
    }
    guard let offer = f.required("offer")?.string("an offer code like AWSLambda"),
      let usageType = f.required("usage_type")?.string("a usage type like Lambda-GB-Second").map(filled),
      let unit = f.required("unit")?.string("AWS's unit like GB-Mo")
    else { return nil }
    var attributes: [String: String] = [:]
    for (name, value) in f["attributes"]?.entries("a mapping of Price List attributes to values") ?? [] {
      if let text = value.string("an attribute value") { attributes[name] = filled(text) }
    }
    var scale = ExactDecimal.one
    if let c = f["scale"], let v = c.decimal() {
      if v > .zero { scale = v } else { c.error("scale must be above zero, found \(v)") }
    }
    var unconfirmed: String?
    if let c = f["unconfirmed"], let reason = c.string("why the identity is unconfirmed, with the best lead") {
      if reason.trimmingCharacters(in: .whitespaces).isEmpty {
        c.error("unconfirmed needs a reason (what was not seen, and the best lead)")
      } else {
        unconfirmed = reason
      }
    }
    return PriceListIdentity(
      offer: offer, usageType: usageType, unit: unit, attributes: attributes, scale: scale, seen: f["seen"]?.string(),
      unconfirmed: unconfirmed)
  }

  /// Reads one ladder with its `before` history; `per` is the model's when the ladder is a rates entry.
  func readLadderWithHistory(
    _ cursor: YAMLCursor, sources: [String: PriceSource], per: ExactDecimal?, allowing extra: [String]
  ) -> TierLadder? {
    guard
      let f = cursor.fields(
        ["rate", "source", "tiers", "before"] + (per == nil ? ["per"] : []) + extra,
        what: "a price {rate, per, source} or {tiers, per, source}")
    else { return nil }
    // Earlier prices: each a price of its own with the date it ended.
    var before: [DatedLadder] = []
    for item in f["before"]?.items("a list of earlier prices {until, rate or tiers, per, source}") ?? [] {
      guard case .mapping = item.node else { item.error("expected an earlier price {until, rate, source}"); continue }
      guard let until = item.fields(["until", "rate", "per", "source", "tiers"])?.required("until")?.date() else {
        continue
      }
      if let last = before.last, until <= last.until {
        item.error("earlier prices must be listed in date order: \(until) is not after \(last.until)")
      }
      // In a rates entry an earlier price is per the model's `per`, as the entry is, unless it says its own.
      let itemPer = item.hasKey("per") ? nil : per
      if let ladder = readLadderBody(item, sources: sources, per: itemPer, allowing: ["until"]) {
        before.append(DatedLadder(until: until, per: ladder.per, tiers: ladder.tiers))
      }
    }
    guard var ladder = readLadderBody(cursor, sources: sources, per: per, allowing: ["before"] + extra) else {
      return nil
    }
    ladder.before = before
    if extra.contains("sku") { ladder.sku = f["sku"]?.string("a Price List SKU") }
    if extra.contains("usage_type") {
      ladder.usageType = f["usage_type"]?.string("the region's Price List usage type, without its region prefix")
    }
    return ladder
  }

  /// Reads one ladder's rate or tiers, `per` and source; `extra` names keys the caller handles.
  /// A given `per` (the model's, for a rates entry) replaces the key.
  func readLadderBody(
    _ cursor: YAMLCursor, sources: [String: PriceSource], per given: ExactDecimal?, allowing extra: [String]
  ) -> TierLadder? {
    guard
      let f = cursor.fields(
        ["rate", "source", "tiers"] + (given == nil ? ["per"] : []) + extra,
        what: "a price {rate, per, source} or {tiers, per, source}")
    else { return nil }
    var per = given ?? ExactDecimal.one
    if given == nil, let p = f["per"], let v = p.decimal() {
      if v > .zero { per = v } else { p.error("per must be above zero, found \(v)") }
    }
    let defaultSource = f["source"].flatMap { checkSource($0, sources) }
    if let rateCursor = f["rate"] {
      if f.has("tiers") { cursor.error("a price has either 'rate' or 'tiers', not both") }
      guard let sourceCursor = f.required("source") else { return nil }
      guard let rate = rateCursor.nonNegativeDecimal(), let source = defaultSource else {
        _ = sourceCursor
        return nil
      }
      return TierLadder(per: per, tiers: [Tier(upto: nil, rate: rate, source: source)])
    }
    guard let tiersCursor = f["tiers"] else {
      cursor.error("missing 'rate' or 'tiers'")
      return nil
    }
    guard let items = tiersCursor.items("a list of tiers {upto, rate}") else { return nil }
    if items.isEmpty { tiersCursor.error("a tiered price needs at least one tier") }
    var tiers: [Tier] = []
    var previous: ExactDecimal?
    var ok = true
    for (i, c) in items.enumerated() {
      guard let tf = c.fields(["upto", "rate", "source"], what: "a tier {upto, rate, source}") else {
        ok = false; continue
      }
      let upto = tf["upto"]?.nonNegativeDecimal()
      let isLast = i == items.count - 1
      if isLast && tf.has("upto") {
        tf["upto"]!.error("the last tier has no 'upto': it covers everything above the previous tier")
      }
      if !isLast && !tf.has("upto") { c.error("every tier but the last needs 'upto'") }
      if let upto {
        if let previous, upto <= previous {
          tf["upto"]!.error("tiers must ascend: \(upto) is not above the previous tier's \(previous)")
        } else if upto <= .zero {
          tf["upto"]!.error("upto must be above zero")
        }
        previous = upto
      }
      let source = tf["source"].flatMap { checkSource($0, sources) } ?? defaultSource
      if source == nil && !tf.has("source") && f["source"] == nil {
        c.error("missing 'source': every price must name its source")
      }
      guard let rate = tf.required("rate")?.nonNegativeDecimal(), let source else { ok = false; continue }
      tiers.append(Tier(upto: isLast ? nil : upto, rate: rate, source: source))
    }
    return ok && !tiers.isEmpty ? TierLadder(per: per, tiers: tiers) : nil
  }
}
