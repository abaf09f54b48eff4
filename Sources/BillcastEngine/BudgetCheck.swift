import BillcastCore
import BillcastProfile

/// A profile's budgets checked against an estimate or a forecast.
public struct BudgetCheck: Sendable {
  /// One budget limit checked against one figure.
  public struct Item: Sendable {
    /// The budget's name: its architecture × scenario, like `ec2 × every scenario`.
    public var budget: String
    /// The scenario of the figure checked.
    public var scenario: String
    /// The architecture of the figure checked.
    public var architecture: String
    /// The forecast month (1-based), or nil for an estimate.
    public var month: Int?
    /// What the limit applies to: the monthly total, or one service's cost.
    public var scope: Scope
    /// The most the figure may be in a month, for this scope.
    public var limit: ExactDecimal
    /// The figure checked, at the low and high ends: the amount due, a service's cost, or a forecast month's envelope.
    public var figure: Span
    /// How far the larger end of the figure is above the limit (zero when within).
    public var overrun: ExactDecimal {
      ExactDecimal.maximum(.zero, ExactDecimal.maximum(figure.low, figure.high) - limit)
    }
    /// Whether either end of the figure is above the limit.
    public var isOver: Bool { overrun > .zero }
  }

  /// Every limit checked against every matching figure, budget by budget.
  public var items: [Item]
  /// The items whose figure is above their limit.
  public var over: [Item] { items.filter(\.isOver) }

  /// Checks every budget against every matching result of an estimate.
  public static func check(_ estimate: Estimate, budgets: [Budget]) -> BudgetCheck {
    var items: [Item] = []
    for b in budgets {
      for r in estimate.results
      where (b.architecture ?? r.architecture) == r.architecture && (b.scenario ?? r.scenario) == r.scenario {
        if let monthly = b.monthly {
          items.append(
            Item(
              budget: b.name, scenario: r.scenario, architecture: r.architecture, month: nil, scope: .total,
              limit: monthly, figure: Span(r.amountDue)))
        }
        for (service, limit) in b.services {
          let cost = r.services.filter { $0.service == service }.reduce(Span.zero) { $0 + $1.cost }
          items.append(
            Item(
              budget: b.name, scenario: r.scenario, architecture: r.architecture, month: nil, scope: .service(service),
              limit: limit, figure: cost))
        }
      }
    }
    return BudgetCheck(items: items)
  }

  /// Checks the monthly budgets against every month of a forecast (its deterministic envelope).
  public static func check(_ forecast: Forecast, budgets: [Budget]) -> BudgetCheck {
    var items: [Item] = []
    for b in budgets {
      guard let monthly = b.monthly else { continue }
      for a in forecast.architectures where (b.architecture ?? a.architecture) == a.architecture {
        for month in forecast.months {
          guard let scenario = month.scenario ?? Optional(Scenario.defaultName), (b.scenario ?? scenario) == scenario,
            let figures = a.monthly[month.index - 1]
          else { continue }
          items.append(
            Item(
              budget: b.name, scenario: scenario, architecture: a.architecture, month: month.index, scope: .total,
              limit: monthly, figure: Span(figures.envelope)))
        }
      }
    }
    return BudgetCheck(items: items)
  }
}

extension BudgetCheck {
  /// What a budget's limit applies to.
  public enum Scope: Sendable, Hashable, CustomStringConvertible {
    /// The monthly total (amount due).
    case total
    /// One service's monthly cost, by its id.
    case service(String)

    /// `total` or the service id, as reports print it.
    public var description: String {
      switch self {
      case .total: return "total"
      case .service(let id): return id
      }
    }
  }
}
