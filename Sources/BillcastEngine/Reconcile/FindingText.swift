import BillcastCore

/// How findings write their figures: quantities grouped with their exact decimals, money in dollars.
enum FindingText {
  /// A quantity: grouped thousands and every significant decimal (`2,500,000`, `1.8666667`),
  /// at most 10 decimals.
  static func quantity(_ value: ExactDecimal) -> String {
    let rounded = value.rounded(toFractionDigits: 10)
    var digits = 0
    var probe = rounded
    while !probe.isInteger && digits < 10 {
      probe = probe * 10
      digits += 1
    }
    return rounded.formatted(fractionDigits: digits, grouping: true)
  }

  /// An interval of quantities: one value, or `low–high`.
  static func quantity(_ value: Interval) -> String {
    value.isPoint ? quantity(value.low) : "\(quantity(value.low))–\(quantity(value.high))"
  }

  /// Money in dollars to the cent (`$27.16`, `-$25.00`).
  static func money(_ value: ExactDecimal) -> String {
    (value.isNegative ? "-$" : "$") + value.magnitude.formatted(fractionDigits: 2, grouping: true)
  }

  /// A unit price, exact (`$0.0000166667`).
  static func rate(_ value: ExactDecimal) -> String { "$" + value.description }
}
