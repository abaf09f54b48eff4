import BillcastCore

/// Where the cheapest architecture changes as one workload variable grows.
public struct BreakEven: Sendable {
  /// The scenario searched (`default` when the profile has none).
  public var scenario: String
  /// The workload variable varied.
  public var variable: String
  /// The low end of the variable's range searched.
  public var from: ExactDecimal
  /// The high end of the variable's range searched (never below `from`).
  public var to: ExactDecimal
  /// The step of the grid the variable moves on; crossings are exact to it.
  public var step: ExactDecimal
  /// Each change of the cheapest architecture, in ascending order of the variable.
  public var crossings: [Crossing]
  /// The stretches of the range and the cheapest architecture on each.
  public var segments: [Segment]
  /// How many points were priced (each point prices every architecture).
  public var evaluations: Int
  /// The high end asked for; above `to` when the search stopped early.
  public var requestedTo: ExactDecimal? = nil
  /// Why the search stopped below `requestedTo` (an input's hard bound, a limit), if it did.
  public var stopReason: String? = nil

  /// A value at which another architecture becomes the cheapest.
  public struct Crossing: Sendable, Hashable {
    /// The first value (on the step grid) at which `to` is the cheapest.
    public var at: ExactDecimal
    /// The cheapest just below `at`, and the new cheapest from `at`.
    public var from: String
    /// The new cheapest architecture, from `at` on.
    public var to: String
    /// Both architectures' monthly totals at the step below `at`, and at `at`.
    public var fromCostBefore: ExactDecimal
    /// The new cheapest's monthly total one step below `at`.
    public var toCostBefore: ExactDecimal
    /// The previous cheapest's monthly total at `at`.
    public var fromCostAt: ExactDecimal
    /// The new cheapest's monthly total at `at`.
    public var toCostAt: ExactDecimal
  }

  /// A stretch of the range with one cheapest architecture.
  public struct Segment: Sendable, Hashable {
    /// The first value of the stretch, on the step grid.
    public var from: ExactDecimal
    /// The last value of the stretch, inclusive.
    public var to: ExactDecimal
    /// The cheapest architecture throughout the stretch.
    public var cheapest: String
  }
}
