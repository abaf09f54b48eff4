/// How a range is sampled in the Monte Carlo.
public enum Distribution: String, Sendable, CaseIterable, Hashable {
  /// Every value of the range equally likely.
  case uniform
  /// Most likely at the middle of the range.
  case triangular
  /// Log-normal with the range's ends as its 5th and 95th percentiles, truncated to the range.
  case logNormal = "log-normal"
}
