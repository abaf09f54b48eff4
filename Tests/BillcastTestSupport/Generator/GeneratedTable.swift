import BillcastCore

/// A pricing table made up by a seeded generator: services with numeric inputs, meters whose
/// quantities are non-decreasing formulas of them, flat, tiered and keyed prices, meters billed
/// as a shared account meter, and always-free pools that draw from several meters.
public struct GeneratedTable {
  /// A price: a ladder of `(upto, rate)` tiers per `per` units (one tier without `upto` is a flat rate).
  public struct Ladder {
    public var per: String
    public var tiers: [(upto: String?, rate: String)]

    public var yaml: String {
      if tiers.count == 1 { return "{rate: \(tiers[0].rate), per: \(per), source: page}" }
      let list = tiers.map { t in t.upto.map { "{upto: \($0), rate: \(t.rate)}" } ?? "{rate: \(t.rate)}" }
      return "{per: \(per), source: page, tiers: [\(list.joined(separator: ", "))]}"
    }

    /// The highest rate per unit of the ladder.
    public var highestUnitRate: ExactDecimal {
      tiers.map { ExactDecimal($0.rate)! / ExactDecimal(per)! }.max()!
    }
  }

  public struct Meter {
    public var name: String
    public var quantity: String
    /// Nil for a meter billed as the shared account meter.
    public var price: Ladder?
    /// Per choice value when the price is keyed by the service's `plan` input.
    public var keyed: [String: Ladder]?
  }

  public struct Service {
    public var id: String
    public var inputs: [String]
    /// Whether the service has the choice input `plan: [basic, pro]`.
    public var hasPlan: Bool
    public var meters: [Meter]
  }

  public struct Pool {
    public var id: String
    public var allowance: String
    /// Meter references, `service/meter` or `service/meter[key]`.
    public var draws: [String]
  }

  public static let region = "gen-1"
  public static let sharedMeter = "gen.shared/out"
  public static let plans = ["basic", "pro"]

  public var services: [Service]
  public var pools: [Pool]
  /// The shared account meter's ladder.
  public var shared: Ladder

  /// Makes up a table.
  public static func make(_ random: inout PropertyRandom) -> GeneratedTable {
    let shared = ladder(&random)
    var services: [Service] = [
      Service(
        id: "gen.shared", inputs: ["i0"], hasPlan: false, meters: [Meter(name: "out", quantity: "i0", price: shared)])
    ]
    var drawable: [String] = [sharedMeter]
    for s in 0..<random.int(1...4) {
      let inputs = (0..<random.int(1...3)).map { "i\($0)" }
      let hasPlan = random.chance(30)
      var meters: [Meter] = []
      for m in 0..<random.int(1...3) {
        let name = "m\(m)"
        let quantity = quantityFormula(inputs, &random)
        let id = "gen.s\(s)"
        if random.chance(20) {
          meters.append(Meter(name: name, quantity: quantity, price: nil))
        } else if hasPlan && random.chance(50) {
          meters.append(
            Meter(
              name: name, quantity: quantity,
              keyed: Dictionary(uniqueKeysWithValues: plans.map { ($0, ladder(&random)) })))
          drawable += plans.map { "\(id)/\(name)[\($0)]" }
        } else {
          meters.append(Meter(name: name, quantity: quantity, price: ladder(&random)))
          drawable.append("\(id)/\(name)")
        }
      }
      services.append(Service(id: "gen.s\(s)", inputs: inputs, hasPlan: hasPlan, meters: meters))
    }
    var pools: [Pool] = []
    var undrawn = drawable
    for p in 0..<random.int(0...3) where !undrawn.isEmpty {
      var draws: [String] = []
      for _ in 0..<random.int(1...2) where !undrawn.isEmpty {
        draws.append(undrawn.remove(at: random.int(0...(undrawn.count - 1))))
      }
      pools.append(
        Pool(
          id: "pool\(p)", allowance: random.decimalText(upTo: random.pick([100, 10_000, 1_000_000]), decimals: 2),
          draws: draws))
    }
    return GeneratedTable(services: services, pools: pools, shared: shared)
  }

  /// A non-decreasing formula of non-negative inputs.
  public static func quantityFormula(_ inputs: [String], _ random: inout PropertyRandom) -> String {
    let a = random.pick(inputs), b = random.pick(inputs)
    return random.pick([
      a, "\(a) + \(b)", "\(a) * \(b) / 1000", "ceil(\(a) / 100) * 100", "max(\(a), \(b))", "min(\(a), \(b) * 2)",
      "month_hours * \(a) / 730", "floor(\(a) * 3 / 7)", "\(a) * (1 + \(b) / 1000)", "2.5 * \(a)",
    ])
  }

  /// A flat or tiered price with ascending `upto` values and non-negative rates (0 included).
  public static func ladder(_ random: inout PropertyRandom) -> Ladder {
    let per = random.pick(["1", "1", "1000", "1000000"])
    func rate() -> String {
      random.chance(10) ? "0" : random.decimalText(upTo: random.pick([0, 0, 1, 20]), decimals: 10)
    }
    let count = random.int(1...4)
    var tiers: [(upto: String?, rate: String)] = []
    var upto = 0
    for i in 0..<count {
      if i == count - 1 {
        tiers.append((nil, rate()))
      } else {
        upto += random.int(1...random.pick([1_000, 100_000, 10_000_000]))
        tiers.append((String(upto), rate()))
      }
    }
    return Ladder(per: per, tiers: tiers)
  }

  /// The table's YAML text.
  public var yaml: String {
    var text = """
      format: billcast.pricing/1
      id: gen/\(Self.region)
      provider: gen
      region: \(Self.region)
      currency: USD
      effective: 2026-01-01
      sources:
        page: {url: https://example.com/pricing, read: 2026-01-01, grade: P}

      """
    if !pools.isEmpty {
      text += "free_tier:\n"
      for p in pools {
        text +=
          "  \(p.id):\n    kind: always-free\n    allowance: \(p.allowance)\n    unit: units\n    source: page\n    draws:\n"
        text += p.draws.map { "      - \($0)\n" }.joined()
      }
    }
    text += "services:\n"
    for s in services {
      text += "  \(s.id):\n    name: Service \(s.id)\n    inputs:\n"
      for i in s.inputs { text += "      \(i): {unit: units, default: 0, hard: {min: 0}}\n" }
      if s.hasPlan { text += "      plan: {values: [\(Self.plans.joined(separator: ", "))], default: basic}\n" }
      text += "    meters:\n"
      for m in s.meters {
        text += "      \(m.name):\n        unit: units\n        quantity: \(m.quantity)\n"
        if let keyed = m.keyed {
          text += "        price:\n          by: plan\n          values:\n"
          for plan in Self.plans { text += "            \(plan): \(keyed[plan]!.yaml)\n" }
        } else if let price = m.price {
          text += "        price: \(price.yaml)\n"
        } else {
          text += "        billed_as: \(Self.sharedMeter)\n"
        }
      }
    }
    return text
  }
}
