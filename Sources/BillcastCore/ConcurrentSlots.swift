import Foundation

/// One result per index, filled from any thread (by `DispatchQueue.concurrentPerform`), read
/// back in index order so the outcome does not depend on the threads.
package final class ConcurrentSlots<T>: @unchecked Sendable {
  private var slots: [T?]
  private let lock = NSLock()

  /// `count` empty slots.
  package init(count: Int) { slots = Array(repeating: nil, count: count) }

  /// Fills slot `index`.
  package func set(_ index: Int, _ value: T) { lock.withLock { slots[index] = value } }

  /// The filled slots, in index order.
  package var all: [T] { lock.withLock { slots.compactMap { $0 } } }
}
