import Foundation

/// The uncertain parameters of a Monte Carlo: every range in every formula, each
/// drawn once per path.
///
/// A range is identified by its owner (the workload variable, component input,
/// growth rate… whose formula holds it) and its position in that formula, so
/// the same range compiled for several months or architectures draws one value
/// per path, and a scenario's override of a variable reuses the base's draw
/// (a path at its 80th percentile stays there).
package final class ParameterRegistry: @unchecked Sendable {
  /// One parameter: a range with constant ends (drawn as a value) or a fraction of the way between formulas.
  package struct Parameter: Sendable, Hashable {
    /// The range's owner and its position in the owner's formula, `owner#n`, which picks its random stream.
    package var key: String
    /// The range's low end when both ends are constant; nil when drawn as a fraction between formulas.
    package var low: ExactDecimal?
    /// The range's high end when both ends are constant; nil when drawn as a fraction between formulas.
    package var high: ExactDecimal?
    /// The distribution drawn from.
    package var distribution: Distribution
  }

  /// The parameters registered so far; a compiled formula refers to one by its index here.
  package var parameters: [Parameter] { lock.withLock { stored } }
  private var stored: [Parameter] = []
  private var index: [String: Int] = [:]
  private var occurrences: [String: Int] = [:]
  private var distributions: [String: Distribution] = [:]
  /// Every access takes the lock, so formulas may be compiled on several threads at once.
  private let lock = NSLock()

  /// Creates an empty registry.
  package init() {}

  /// Sets the distribution of an owner's ranges.
  package func setDistribution(_ distribution: Distribution, for owner: String) {
    lock.withLock { distributions[owner] = distribution }
  }

  /// Starts compiling an owner's formula: its ranges are numbered from 0 again.
  package func begin(_ owner: String) { lock.withLock { occurrences[owner] = 0 } }

  /// The index of the next range of `owner`'s formula.
  func register(owner: String, low: ExactDecimal?, high: ExactDecimal?) -> Int {
    lock.withLock { registerLocked(owner: owner, low: low, high: high) }
  }

  private func registerLocked(owner: String, low: ExactDecimal?, high: ExactDecimal?) -> Int {
    let n = occurrences[owner, default: 0]
    occurrences[owner] = n + 1
    let key = "\(owner)#\(n)|\(low?.description ?? "t")..\(high?.description ?? "t")"
    let family = "\(owner)#\(n)"
    if let i = index[key] { return i }
    index[key] = stored.count
    // Ranges of the same owner and position (a scenario's override) share the draw: they
    // are told apart by their ends, but draw from one uniform stream (see `streamKey`).
    stored.append(Parameter(key: family, low: low, high: high, distribution: distributions[owner] ?? .uniform))
    return stored.count - 1
  }
}
