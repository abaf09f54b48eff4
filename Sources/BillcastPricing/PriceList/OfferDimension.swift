import BillcastCore

/// One price dimension: a rate for a range of usage.
package struct OfferDimension: Sendable {
  /// The rate code.
  package var rateCode: String
  /// Where the range begins, in AWS's unit.
  package var begin: ExactDecimal
  /// Where it ends; nil for `Inf`.
  package var end: ExactDecimal?
  /// AWS's unit, like `GB-Mo`.
  package var unit: String
  /// The price per unit in USD.
  package var usd: ExactDecimal
}
