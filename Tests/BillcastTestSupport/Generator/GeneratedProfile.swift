import BillcastCore

/// A usage profile made up by a seeded generator for a ``GeneratedTable``: workload variables
/// (numbers, ranges and formulas over earlier ones), scenarios that override them, and
/// architectures whose components use the table's services.
///
/// Every number and range is a ``Value`` with an index, so a test can render the same profile
/// with each range replaced by a point inside it, or with one value raised.
public struct GeneratedProfile {
  /// A non-negative value in the profile.
  public enum Value {
    case number(ExactDecimal)
    case range(ExactDecimal, ExactDecimal)
    /// `name * factor` or `name + addend` over a workload variable.
    case scaled(String, factor: ExactDecimal)
    case shifted(String, addend: ExactDecimal)
    /// `name * (low..high)`.
    case scaledRange(String, ExactDecimal, ExactDecimal)

    public var isRange: Bool {
      switch self {
      case .range, .scaledRange: return true
      default: return false
      }
    }
  }

  /// How a rendering treats each value.
  public enum Rendering {
    case asGenerated
    /// Ranges take a point: `point(valueIndex, low, high)`.
    case points([Int: ExactDecimal])
    /// One value raised by an amount (both ends of a range).
    case raised(index: Int, by: ExactDecimal)
  }

  public struct Component {
    public var name: String
    public var service: String
    public var inputs: [(name: String, value: Int)]
    public var plan: String?
  }

  public var freeTier: String
  /// Every value; the structures below refer to them by index.
  public var values: [Value]
  public var workload: [(name: String, value: Int)]
  public var overrides: [(name: String, value: Int)]
  public var architectures: [(name: String, components: [Component])]
  /// The `forecast:` section: start, horizon, growth of one variable, sometimes calendar hours,
  /// a scenario calendar and an accumulating variable.
  public var forecast: String

  /// Makes up a profile for a table.
  public static func make(for table: GeneratedTable, _ random: inout PropertyRandom) -> GeneratedProfile {
    var values: [Value] = []
    func add(_ v: Value) -> Int {
      values.append(v)
      return values.count - 1
    }
    func number() -> ExactDecimal {
      ExactDecimal(random.decimalText(upTo: random.pick([10, 1_000, 100_000]), decimals: 3))!
    }
    func range() -> Value {
      let low = number()
      return .range(low, low + number())
    }
    var workload: [(String, Int)] = []
    for v in 0..<random.int(1...4) {
      let earlier = workload.map(\.0)
      let value: Value
      if !earlier.isEmpty && random.chance(30) {
        // Factors up to 2 keep chains of variables within billcast's 10^14 quantity limit.
        let factor = ExactDecimal(random.decimalText(upTo: 1, decimals: 3))!
        value =
          random.chance(50)
          ? .scaled(random.pick(earlier), factor: factor) : .shifted(random.pick(earlier), addend: number())
      } else {
        value = random.chance(60) ? range() : .number(number())
      }
      workload.append(("v\(v)", add(value)))
    }
    var overrides: [(String, Int)] = []
    if random.chance(50) {
      let name = random.pick(workload).0
      overrides.append((name, add(random.chance(70) ? range() : .number(number()))))
    }
    let names = workload.map(\.0)
    func inputValue() -> Value {
      switch random.int(0...5) {
      case 0: return .number(number())
      case 1: return range()
      case 2: return .scaled(random.pick(names), factor: ExactDecimal(random.decimalText(upTo: 5, decimals: 2))!)
      case 3: return .scaledRange(random.pick(names), ExactDecimal(1), ExactDecimal(random.int(1...5)))
      default: return .shifted(random.pick(names), addend: number())
      }
    }
    var architectures: [(String, [Component])] = []
    for a in 0..<random.int(1...3) {
      var components: [Component] = []
      for c in 0..<random.int(1...4) {
        let service = random.pick(table.services)
        var inputs: [(String, Int)] = []
        for input in service.inputs where random.chance(85) { inputs.append((input, add(inputValue()))) }
        components.append(
          Component(
            name: "c\(c)", service: service.id, inputs: inputs,
            plan: service.hasPlan && random.chance(60) ? random.pick(GeneratedTable.plans) : nil))
      }
      architectures.append(("a\(a)", components))
    }
    let freeTier = random.chance(50) ? "always-free" : "none"
    // The forecast section last, so the rest of each seed's profile is as it was before it existed.
    var forecast = "forecast:\n  start: 2026-0\(random.int(1...9))\n  months: \(random.int(3...8))\n"
    if random.chance(50) { forecast += "  month_hours: calendar\n" }
    if !overrides.isEmpty && random.chance(60) { forecast += "  calendar:\n    - {months: 2..3, scenario: peak}\n" }
    let grown = random.pick(names)
    forecast +=
      "  growth:\n    \(grown): "
      + random.pick([
        "5%", "{compound: 0.01..0.10}", "{linear: \(random.int(1...500))}",
        "{values: [\(random.int(1...900)), \(random.int(1...900))..\(random.int(900...2000)), 50]}",
      ]) + "\n"
    if random.chance(50) {
      let accumulated = random.pick(names)
      forecast += "  accumulate:\n    \(accumulated): \(random.pick(names)) * 0.5 + \(random.int(0...10))\n"
    }
    return GeneratedProfile(
      freeTier: freeTier, values: values, workload: workload, overrides: overrides, architectures: architectures,
      forecast: forecast)
  }

  /// The indices of the values that are ranges.
  public var rangeIndices: [Int] { values.indices.filter { values[$0].isRange } }

  /// A point inside every range.
  public func points(_ random: inout PropertyRandom) -> [Int: ExactDecimal] {
    var points: [Int: ExactDecimal] = [:]
    for i in rangeIndices {
      switch values[i] {
      case .range(let low, let high), .scaledRange(_, let low, let high):
        points[i] = random.decimal(between: low, and: high)
      default: break
      }
    }
    return points
  }

  public func text(_ index: Int, _ rendering: Rendering) -> String {
    var value = values[index]
    switch rendering {
    case .asGenerated: break
    case .points(let points):
      if let p = points[index] {
        switch value {
        case .range: value = .number(p)
        case .scaledRange(let name, _, _): value = .scaled(name, factor: p)
        default: break
        }
      }
    case .raised(let i, let amount) where i == index:
      switch value {
      case .number(let n): value = .number(n + amount)
      case .range(let l, let h): value = .range(l + amount, h + amount)
      // Factors rise by a ten-thousandth of the amount, to stay within billcast's quantity limit.
      case .scaled(let n, let f): value = .scaled(n, factor: f + amount / 10_000)
      case .shifted(let n, let a): value = .shifted(n, addend: a + amount)
      case .scaledRange(let n, let l, let h): value = .scaledRange(n, l + amount / 10_000, h + amount / 10_000)
      }
    case .raised: break
    }
    switch value {
    case .number(let n): return "\"\(n)\""
    case .range(let l, let h): return "\"\(l)..\(h)\""
    case .scaled(let name, let f): return "\"\(name) * \(f)\""
    case .shifted(let name, let a): return "\"\(name) + \(a)\""
    case .scaledRange(let name, let l, let h): return "\"\(name) * (\(l)..\(h))\""
    }
  }

  /// The profile's YAML text.
  public func yaml(_ rendering: Rendering = .asGenerated) -> String {
    var text = """
      format: billcast.profile/1
      name: generated
      region: \(GeneratedTable.region)
      as_of: 2026-06-01
      account:
        free_tier: \(freeTier)
      workload:

      """
    for (name, v) in workload { text += "  \(name): \(self.text(v, rendering))\n" }
    text += "scenarios:\n  base:\n    description: the workload as given\n"
    if !overrides.isEmpty {
      text += "  peak:\n    workload:\n"
      for (name, v) in overrides { text += "      \(name): \(self.text(v, rendering))\n" }
    }
    text += "architectures:\n"
    for (name, components) in architectures {
      text += "  \(name):\n    components:\n"
      for c in components {
        text += "      \(c.name):\n        service: \(c.service)\n"
        if c.inputs.isEmpty && c.plan == nil { continue }
        text += "        inputs:\n"
        for (input, v) in c.inputs { text += "          \(input): \(self.text(v, rendering))\n" }
        if let plan = c.plan { text += "          plan: \(plan)\n" }
      }
    }
    return text + forecast
  }
}
