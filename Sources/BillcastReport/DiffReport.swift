import BillcastCore
import BillcastEngine

/// Renders a cost diff: a table for a terminal, Markdown for a pull-request comment, JSON (`billcast.diff/1`).
public enum DiffReport {
  static func money(_ s: Span?) -> String { s.map { Money.text($0) } ?? "—" }

  /// A change with its sign: `+$0.11 / +$0.32`, each end in cents, or, when it is under half a
  /// cent without being zero, to its first significant digit (`+$0.0004`), so a change never reads
  /// as `+$0.00` beside a percentage.
  static func signed(_ d: Span) -> String {
    func one(_ v: ExactDecimal) -> String { (v.isNegative ? "-" : "+") + change(v.magnitude) }
    let l = one(d.low), h = one(d.high)
    return l == h ? l : "\(l) / \(h)"
  }

  /// A change's magnitude as money: cents, or the digits down to the first significant one when cents would show 0.
  static func change(_ m: ExactDecimal) -> String {
    guard !m.isZero, m.rounded(toFractionDigits: 2).isZero else { return Money.text(m) }
    var digits = 3
    while digits < ExactDecimal.fractionDigits && m.rounded(toFractionDigits: digits).isZero { digits += 1 }
    return "$" + m.formatted(fractionDigits: digits)
  }

  static func percent<K>(_ c: CostDiff.Change<K>) -> String {
    guard let p = c.percent else { return c.before == nil ? "new" : (c.after == nil ? "removed" : "—") }
    return (p.isNegative ? "" : "+") + p.formatted(fractionDigits: 1) + "%"
  }

  /// One line of summary: how many totals moved and the largest move.
  public static func summary(_ d: CostDiff) -> String {
    let moved = d.totals.filter(\.changed)
    guard let largest = moved.max(by: { $0.largest.magnitude < $1.largest.magnitude }) else {
      return "No monthly total changed (\(d.totals.count) scenario × architecture results compared)."
    }
    return
      "\(moved.count) of \(d.totals.count) monthly totals changed; the largest: \(largest.key) \(signed(largest.delta)) (\(percent(largest)))."
  }

  /// The diff as text or Markdown: the summary, the changed totals and the changed lines.
  public static func text(_ d: CostDiff, markdown: Bool = false) -> String {
    var out = markdown ? "### billcast: monthly cost change\n\n" : "Monthly cost change (\(d.currency))\n"
    out +=
      (markdown ? "" : "Before: \(d.before)\nAfter:  \(d.after)\n")
      + (markdown
        ? "\(EstimateMarkdown.cell(summary(d)))\n\nBefore: \(MarkdownText.code(d.before)) · After: \(MarkdownText.code(d.after))\n"
        : "\(summary(d))\n")
    let changed = d.totals.filter(\.changed)
    if !changed.isEmpty {
      let rows = changed.map {
        [$0.key.scenario, $0.key.architecture, money($0.before), money($0.after), signed($0.delta), percent($0)]
      }
      out +=
        (markdown ? "\n" : "\nTotals\n")
        + CompareText.table(
          ["Scenario", "Architecture", "Before", "After", "Change", "%"], rows, markdown: markdown,
          rightAligned: [2, 3, 4, 5])
    }
    if !d.lines.isEmpty {
      let rows = d.lines.map { c in
        [
          c.key.result.description, c.key.line.service, c.key.line.component, c.key.line.meter, money(c.before),
          money(c.after), signed(c.delta), percent(c),
        ]
      }
      let table = CompareText.table(
        ["Result", "Service", "Component", "Meter", "Before", "After", "Change", "%"], rows, markdown: markdown,
        rightAligned: [4, 5, 6, 7])
      out +=
        markdown
        ? "\n<details><summary>\(d.lines.count) changed line\(d.lines.count == 1 ? "" : "s")</summary>\n\n" + table
          + "\n</details>\n" : "\nLines\n" + table
    }
    return markdown ? MarkdownText.escapingDollars(out) : out
  }

  /// The diff as JSON, schema `billcast.diff/1`, with the threshold and what crossed it.
  public static func json(_ d: CostDiff, crossed: [String], threshold: String?) -> String {
    func span(_ s: Span?) -> JSONValue {
      s.map { .object([("low", .string($0.low.description)), ("high", .string($0.high.description))]) } ?? .null
    }
    return JSONValue.object([
      ("schema", .string("billcast.diff/1")),
      ("currency", .string(d.currency)),
      ("before", .string(d.before)),
      ("after", .string(d.after)),
      ("summary", .string(summary(d))),
      (
        "totals",
        .array(
          d.totals.map { c in
            .object([
              ("scenario", .string(c.key.scenario)), ("architecture", .string(c.key.architecture)),
              ("before", span(c.before)), ("after", span(c.after)), ("change", span(c.delta)),
              ("percent", c.percent.map { .string($0.description) } ?? .null),
            ])
          })
      ),
      (
        "lines",
        .array(
          d.lines.map { c in
            .object([
              ("scenario", .string(c.key.result.scenario)), ("architecture", .string(c.key.result.architecture)),
              ("service", .string(c.key.line.service)), ("component", .string(c.key.line.component)),
              ("meter", .string(c.key.line.meter)), ("before", span(c.before)), ("after", span(c.after)),
              ("change", span(c.delta)), ("percent", c.percent.map { .string($0.description) } ?? .null),
            ])
          })
      ),
      ("threshold", threshold.map { .string($0) } ?? .null),
      ("crossed", .array(crossed.map { .string($0) })),
    ]).rendered()
  }
}
