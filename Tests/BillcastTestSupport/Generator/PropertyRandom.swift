import BillcastCore

/// A seeded pseudo-random generator for property tests (SplitMix64): the same seed gives the same cases.
public struct PropertyRandom {
  private var state: UInt64

  public init(seed: UInt64) { state = seed }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A number in the range (modulo bias is irrelevant here).
  public mutating func int(_ range: ClosedRange<Int>) -> Int {
    range.lowerBound + Int(next() % UInt64(range.count))
  }

  /// True `percent` times in a hundred.
  public mutating func chance(_ percent: Int) -> Bool { int(1...100) <= percent }

  /// One element of a non-empty array.
  public mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

  /// A non-negative decimal's text: an integer part up to `maximum` and up to `decimals` decimal places.
  public mutating func decimalText(upTo maximum: Int, decimals: Int) -> String {
    let whole = int(0...maximum)
    let places = int(0...decimals)
    guard places > 0 else { return String(whole) }
    var fraction = ""
    for _ in 0..<places { fraction += String(int(0...9)) }
    return "\(whole).\(fraction)"
  }

  /// A decimal between `low` and `high` (inclusive) on a grid of 1,000 steps: exact, no floating point.
  public mutating func decimal(between low: ExactDecimal, and high: ExactDecimal) -> ExactDecimal {
    let step = int(0...1000)
    return low + (high - low) * ExactDecimal(step) / ExactDecimal(1000)
  }
}
