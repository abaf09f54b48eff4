import BillcastCore

/// How bills are read: the exchange rates of non-USD bills, and the limits on hostile files.
public struct BillReadOptions: Sendable {
  /// US dollars per unit of each non-USD currency a bill may be in (`EUR` → 1.08). A bill in a
  /// currency without a rate is an error: billcast's tables are in US dollars.
  public var exchangeRates: [String: ExactDecimal]
  /// The longest row kept whole, in bytes; a longer one is an error (a bill's rows are a few
  /// hundred bytes to a few kilobytes). At least 1 MB, the reader's buffer: a smaller value
  /// reads as 1 MB.
  public var maximumRowBytes: Int
  /// The most row errors reported for one file before the rest are counted.
  public var maximumErrors: Int

  /// Creates options.
  public init(exchangeRates: [String: ExactDecimal] = [:], maximumRowBytes: Int = 1 << 20, maximumErrors: Int = 50) {
    self.exchangeRates = exchangeRates
    self.maximumRowBytes = maximumRowBytes
    self.maximumErrors = maximumErrors
  }
}
