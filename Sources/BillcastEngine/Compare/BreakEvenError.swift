import BillcastCore

/// Why a break-even search stopped.
public enum BreakEvenError: Error, CustomStringConvertible {
  case tooManyPoints(Int)
  /// Why the search stopped, in words, with a hint to try a coarser `--step`.
  public var description: String {
    switch self {
    case .tooManyPoints(let n): return "priced more than \(n) points without settling; try a coarser --step"
    }
  }
}
