import BillcastCore
import BillcastEngine

/// The reference document's cost table, one per architecture, with a cost column per scenario:
/// Service | Free tier | Unit prices | <scenario> … — shared by the text and Markdown renderers.
struct EstimateLayout {
  struct Row {
    var label: String
    var freeTier: [String]
    var unitPrices: [String]
    /// One cost per scenario column (nil where the component is absent).
    var costs: [String?]
  }

  struct Section {
    var architecture: String
    var description: String?
    var scenarios: [String]
    var rows: [Row]
    var totals: [String]
    var credits: [String]?
    var due: [String]?
    /// Warnings, each once, with the scenarios it arises in when not all.
    var warnings: [String]
    var results: [ScenarioResult]
    /// How every resource of the architecture's templates is accounted for; empty when written by hand.
    var resources: [String] = []
  }

  static func sections(_ e: Estimate) -> [Section] {
    let architectures = EstimateText.unique(e.results.map(\.architecture))
    return architectures.map { a in
      let results = e.results.filter { $0.architecture == a }
      let scenarios = results.map(\.scenario)
      var labels: [String] = []
      var rows: [String: Row] = [:]
      for (i, r) in results.enumerated() {
        for c in r.components {
          if rows[c.component] == nil {
            labels.append(c.component)
            rows[c.component] = Row(
              label: c.label, freeTier: [], unitPrices: [], costs: Array(repeating: nil, count: results.count))
          }
          for f in c.freeTier.map(PriceText.pool) where !rows[c.component]!.freeTier.contains(f) {
            rows[c.component]!.freeTier.append(f)
          }
          for p in c.prices.map(PriceText.price) where !rows[c.component]!.unitPrices.contains(p) {
            rows[c.component]!.unitPrices.append(p)
          }
          rows[c.component]!.costs[i] = Money.text(c.cost)
        }
      }
      var warnings: [String] = []
      var seen: [String: [String]] = [:]
      var order: [String] = []
      for r in results {
        for w in r.warnings {
          let text = "[\(w.code)] \(w.message)"
          if seen[text] == nil { order.append(text) }
          seen[text, default: []].append(r.scenario)
        }
      }
      for text in order {
        let where_ = seen[text]!
        warnings.append(where_.count == results.count ? text : "\(text) (\(where_.joined(separator: ", ")))")
      }
      let hasCredits = results.contains { $0.creditsApplied != nil }
      return Section(
        architecture: a, description: results.first?.architectureDescription, scenarios: scenarios,
        rows: labels.map { rows[$0]! }, totals: results.map { Money.text($0.total) },
        credits: hasCredits ? results.map { "-" + Money.text($0.creditsApplied ?? .zero) } : nil,
        due: hasCredits ? results.map { Money.text($0.amountDue) } : nil,
        warnings: warnings, results: results, resources: TemplateAccounting.lines(results.first))
    }
  }
}
