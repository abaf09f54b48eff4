import BillcastCore
import BillcastEngine

/// Renders a budget check: every limit, the figure, and what is over by how much.
public enum BudgetReport {
  /// The check as a table for a terminal, or as Markdown: each limit, its figure and whether it is over.
  public static func text(_ c: BudgetCheck, markdown: Bool = false) -> String {
    let over = c.over
    var out = markdown ? "### billcast: budgets\n\n" : ""
    out +=
      over.isEmpty
      ? "All \(c.items.count) budget limits are met.\n"
      : "\(over.count) of \(c.items.count) budget limits are exceeded.\n"
    let forecast = c.items.contains { $0.month != nil }
    let headers =
      ["Budget", "Scenario", "Architecture"] + (forecast ? ["Month"] : []) + ["Scope", "Limit", "Figure", "Status"]
    let rows = c.items.map { i in
      [i.budget, i.scenario, i.architecture] + (forecast ? [i.month.map(String.init) ?? ""] : []) + [
        i.scope.description, Money.text(i.limit), Money.text(i.figure),
        i.isOver ? "OVER by \(Money.text(i.overrun))" : "within",
      ]
    }
    let first = forecast ? 5 : 4
    out += "\n" + CompareText.table(headers, rows, markdown: markdown, rightAligned: [first, first + 1])
    return markdown ? MarkdownText.escapingDollars(out) : out
  }

  /// The check as JSON, schema `billcast.check/1`, amounts as exact decimal strings.
  public static func json(_ c: BudgetCheck) -> String { value(c).rendered() }

  /// The check as a JSON value, for reports that wrap it (several projects).
  package static func value(_ c: BudgetCheck) -> JSONValue {
    JSONValue.object([
      ("schema", .string("billcast.check/1")),
      ("over", .number(String(c.over.count))),
      (
        "items",
        .array(
          c.items.map { i in
            .object([
              ("budget", .string(i.budget)), ("scenario", .string(i.scenario)),
              ("architecture", .string(i.architecture)),
              ("month", i.month.map { .number(String($0)) } ?? .null), ("scope", .string(i.scope.description)),
              ("limit", .string(i.limit.description)),
              (
                "figure",
                .object([("low", .string(i.figure.low.description)), ("high", .string(i.figure.high.description))])
              ),
              ("overrun", .string(i.overrun.description)), ("over", .bool(i.isOver)),
            ])
          })
      ),
    ])
  }

  /// The check as CSV: one row per limit, with the figure's exact low and high ends.
  public static func csv(_ c: BudgetCheck) -> String {
    var out = "budget,scenario,architecture,month,scope,limit,figure_low,figure_high,overrun,status\n"
    for i in c.items {
      out +=
        [
          i.budget, i.scenario, i.architecture, i.month.map(String.init) ?? "", i.scope.description,
          i.limit.description,
          i.figure.low.description, i.figure.high.description, i.overrun.description, i.isOver ? "over" : "within",
        ]
        .map(CompareCSV.field).joined(separator: ",") + "\n"
    }
    return out
  }
}
