import BillcastCore

/// A price: one tier ladder, or one ladder per value of a choice input.
public enum Price: Sendable {
  case ladder(TierLadder)
  case keyed(by: String, [String: TierLadder])

  /// The ladder for a key (nil key for an unkeyed price).
  public func ladder(for key: String?) -> TierLadder? {
    switch self {
    case .ladder(let l): return l
    case .keyed(_, let ladders): return key.flatMap { ladders[$0] }
    }
  }

  /// Every ladder with its key (nil for an unkeyed price), keys in order.
  package var allLadders: [(key: String?, ladder: TierLadder)] {
    switch self {
    case .ladder(let l): return [(nil, l)]
    case .keyed(_, let ladders): return ladders.keys.sorted().map { ($0, ladders[$0]!) }
    }
  }
}
