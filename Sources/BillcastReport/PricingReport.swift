import BillcastCore
import BillcastEngine
import BillcastPricing

/// Renders what pricing tables hold: the list of tables and services, and one service in full.
package enum PricingReport {
  /// Every table and its services, for a terminal.
  package static func listText(_ catalog: PricingCatalog) -> String {
    var out = ""
    for t in catalog.tables {
      out +=
        "\(t.id) — \(t.provider), region \(t.region), \(t.currency), effective \(t.effective), sha256 \(t.sha256.prefix(12)) (\(t.path))\n"
      var table = TextTable(
        headers: ["Service", "Name", "Meters", "Missing rates", "Sources"],
        alignments: [.left, .left, .right, .right, .right])
      for s in t.services {
        table.add([
          [s.id], [s.name + (s.availability?.until.map { " (retired \($0))" } ?? "")], [String(s.meters.count)],
          [String(s.unpriced.count)], [String(sources(of: s).count)],
        ])
      }
      out += table.rendered(indent: "  ") + "\n"
    }
    return out
  }

  /// Every table and its services, as Markdown.
  package static func listMarkdown(_ catalog: PricingCatalog) -> String {
    var out = "# Pricing tables\n"
    for t in catalog.tables {
      out +=
        "\n## `\(t.id)`\n\n\(t.provider), region `\(t.region)`, \(t.currency), effective \(t.effective), sha256 `\(t.sha256.prefix(12))`\n\n| Service | Name | Meters | Missing rates |\n|---|---|---:|---:|\n"
      for s in t.services { out += "| `\(s.id)` | \(s.name) | \(s.meters.count) | \(s.unpriced.count) |\n" }
    }
    return MarkdownText.escapingDollars(out)
  }

  /// Every table and its services' meters, as JSON (`billcast.pricing-list/1`).
  package static func listJSON(_ catalog: PricingCatalog) -> String {
    JSONValue.object([
      ("schema", .string("billcast.pricing-list/1")),
      (
        "tables",
        .array(
          catalog.tables.map { t in
            .object([
              ("id", .string(t.id)), ("provider", .string(t.provider)), ("region", .string(t.region)),
              ("currency", .string(t.currency)), ("effective", .string(t.effective.description)),
              ("sha256", .string(t.sha256)),
              (
                "services",
                .array(
                  t.services.map { s in
                    .object([
                      ("id", .string(s.id)), ("name", .string(s.name)),
                      ("meters", .array(s.meters.map { .string($0.name) })),
                      ("missing_rates", .array(s.unpriced.map { .string($0.key.description) })),
                    ])
                  })
              ),
            ])
          })
      ),
    ]).rendered()
  }

  static func sources(of s: Service) -> [String] {
    var ids: [String] = []
    func add(_ id: String?) { if let id, !ids.contains(id) { ids.append(id) } }
    for m in s.meters {
      if case .price(let p) = m.billing {
        switch p {
        case .ladder(let l): l.tiers.forEach { add($0.source) }
        case .keyed(_, let ls): ls.keys.sorted().forEach { k in ls[k]!.tiers.forEach { add($0.source) } }
        }
      }
    }
    s.inputs.flatMap(\.softRules).forEach { add($0.source) }
    s.notes.forEach { add($0.source) }
    add(s.availability?.source)
    return ids
  }

  static func ladderLines(_ l: TierLadder, unit: String) -> [String] {
    let per = PriceText.perLabel(l.per)
    let unitText = per.isEmpty ? unit : "\(per) \(unit)"
    if l.isFlat { return ["\(PriceText.dollars(l.tiers[0].rate))/\(unitText) [\(l.tiers[0].source)]"] }
    var from = ExactDecimal.zero
    return l.tiers.map { t in
      defer { if let u = t.upto { from = u } }
      let range =
        t.upto.map { "\(PriceText.quantity(from))–\(PriceText.quantity($0))" } ?? "above \(PriceText.quantity(from))"
      return "\(range): \(PriceText.dollars(t.rate))/\(unitText) [\(t.source)]"
    }
  }

  /// One service in full, as text or Markdown: availability, inputs, meters, free tier, notes and sources.
  package static func showText(_ s: Service, table: PricingTable, pools: [FreeTierPool], markdown: Bool) -> String {
    let h = markdown ? "## " : ""
    let b = markdown ? "- " : "  "
    var out = (markdown ? "# " : "") + "\(s.id) — \(s.name) (\(table.id), effective \(table.effective))\n"
    if let a = s.availability {
      out +=
        "\nAvailability: "
        + [
          a.from.map { "from \($0)" }, a.newUntil.map { "no new resources after \($0)" },
          a.until.map { "retired \($0)" }, a.replacement.map { "replacement \($0)" },
        ].compactMap { $0 }.joined(separator: "; ") + "\n"
    }
    if !s.unpriced.isEmpty {
      out +=
        "\nMissing rates in \(table.region) (a component that needs one is an error): "
        + s.unpriced.map { u in u.key.description + (u.billedAs.map { " (billed as \($0))" } ?? "") }.joined(
          separator: ", ") + "\n"
    }
    out += "\n\(h)Inputs\n" + s.inputs.map { inputLines($0, bullet: b) }.joined()
    out += "\n\(h)Meters\n" + s.meters.map { meterLines($0, bullet: b) }.joined()
    if !pools.isEmpty {
      out += "\n\(h)Free tier\n"
      for p in pools {
        out +=
          "\(b)\(p.id): \(PriceText.allowance(p.allowance, unit: p.unit)) (\(p.kind.rawValue)) drawn by \(p.draws.map(\.description).joined(separator: ", ")) [\(p.source)]\n"
      }
    }
    if !s.notes.isEmpty {
      out += "\n\(h)Notes\n"
      for n in s.notes { out += "\(b)\(n.code) (\(n.severity.rawValue)): \(n.message)\n" }
    }
    out += "\n\(h)Sources\n"
    for id in sources(of: s) + pools.map(\.source) where table.sources[id] != nil {
      if out.contains("\(b)\(id): ") { continue }
      let src = table.sources[id]!
      out += "\(b)\(id): \(src.url) (read \(src.read), grade \(src.grade))\n"
    }
    return markdown ? MarkdownText.escapingDollars(out) : out
  }

  /// An input: its choices or its unit, default, hard bounds and soft rules.
  static func inputLines(_ i: ServiceInput, bullet b: String) -> String {
    switch i.kind {
    case .choice(let values):
      return "\(b)\(i.name): one of \(values.joined(separator: ", "))"
        + (i.defaultChoice.map { " (default \($0))" } ?? " (required)") + "\n"
    case .numeric(let unit):
      var bounds: [String] = []
      if let m = i.hardMinimum { bounds.append("min \(m)") }
      if let m = i.hardMaximum { bounds.append("max \(m)") }
      return "\(b)\(i.name) [\(unit)]" + (i.defaultNumber.map { " default \($0)" } ?? " (required)")
        + (bounds.isEmpty ? "" : "; " + bounds.joined(separator: ", ")) + (i.description.map { " — \($0)" } ?? "")
        + "\n" + i.softRules.map { "\(b)  rule: \($0.message)\n" }.joined()
    }
  }

  /// A meter: its quantity and condition, then its prices (each key's ladder) or what it is billed as.
  static func meterLines(_ m: Meter, bullet b: String) -> String {
    var out =
      "\(b)\(m.name) [\(m.unit)] = \(m.quantity)"
      + (m.when.isEmpty
        ? ""
        : " when "
          + m.when.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.joined(separator: "|"))" }.joined(
            separator: ", ")) + "\n"
    switch m.billing {
    case .billedAs(let ref): out += "\(b)  billed as \(ref)\n"
    case .price(.ladder(let l)): for line in ladderLines(l, unit: m.unit) { out += "\(b)  \(line)\n" }
    case .price(.keyed(let by, let ls)):
      for k in ls.keys.sorted() {
        for line in ladderLines(ls[k]!, unit: m.unit) { out += "\(b)  \(by)=\(k): \(line)\n" }
      }
    }
    return out
  }

  /// A ladder's Price List identity and SKU, or null when the table names none.
  static func priceList(_ l: TierLadder) -> JSONValue {
    guard let id = l.priceList else { return .null }
    return .object([
      ("offer", .string(id.offer)),
      ("usage_type", .string(l.usageType ?? id.usageType)),
      ("unit", .string(id.unit)),
      ("attributes", .object(id.attributes.keys.sorted().map { ($0, .string(id.attributes[$0]!)) })),
      ("scale", .string(id.scale.description)),
      ("sku", l.sku.map { .string($0) } ?? .null),
      ("seen", id.seen.map { .string($0) } ?? .null),
      ("unconfirmed", id.unconfirmed.map { .string($0) } ?? .null),
    ])
  }

  /// One service's meters, prices, free tier and sources, as JSON (`billcast.pricing-service/1`).
  package static func showJSON(_ s: Service, table: PricingTable, pools: [FreeTierPool]) -> String {
    JSONValue.object([
      ("schema", .string("billcast.pricing-service/1")),
      ("table", .string(table.id)),
      ("service", .string(s.id)),
      ("name", .string(s.name)),
      ("meters", .array(s.meters.map(meterJSON))),
      ("missing_rates", .array(s.unpriced.map { .string($0.key.description) })),
      (
        "free_tier",
        .array(
          pools.map { p in
            .object([
              ("pool", .string(p.id)), ("kind", .string(p.kind.rawValue)),
              ("allowance", .string(p.allowance.description)), ("unit", .string(p.unit)),
            ])
          })
      ),
      (
        "sources",
        .array(
          (sources(of: s) + pools.map(\.source)).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            .compactMap { id in
              table.sources[id].map { src in
                .object([
                  ("id", .string(id)), ("url", .string(src.url)), ("read", .string(src.read.description)),
                  ("grade", .string(src.grade)),
                ])
              }
            })
      ),
    ]).rendered()
  }

  /// A meter's name, unit and quantity, and its price (a ladder, or one per key) or what it is billed as.
  static func meterJSON(_ m: Meter) -> JSONValue {
    var members: [(String, JSONValue)] = [
      ("name", .string(m.name)), ("unit", .string(m.unit)), ("quantity", .string(m.quantity.description)),
    ]
    switch m.billing {
    case .billedAs(let ref): members.append(("billed_as", .string(ref.description)))
    case .price(.ladder(let l)): members.append(("price", ladderJSON(l)))
    case .price(.keyed(let by, let ls)):
      members.append(
        (
          "price",
          .object([("by", .string(by)), ("values", .object(ls.keys.sorted().map { ($0, ladderJSON(ls[$0]!)) }))])
        ))
    }
    return .object(members)
  }

  /// A ladder: its `per`, its tiers and its Price List identity.
  static func ladderJSON(_ l: TierLadder) -> JSONValue {
    .object([
      ("per", .string(l.per.description)),
      (
        "tiers",
        .array(
          l.tiers.map { t in
            .object([
              ("upto", t.upto.map { .string($0.description) } ?? .null), ("rate", .string(t.rate.description)),
              ("source", .string(t.source)),
            ])
          })
      ),
      ("price_list", priceList(l)),
    ])
  }
}
