import BillcastCore

/// The combinations of numeric inputs a service accepts, like App Runner's vCPU/memory sizes.
public struct Combinations: Sendable {
  /// The inputs constrained together, in order.
  public var inputs: [String]
  /// Each allowed combination: for each input, the values allowed with the others.
  public var allowed: [[String: [ExactDecimal]]]
  /// The explanation the error for a disallowed combination shows.
  public var message: String
  /// The id of the source that lists the combinations, if any.
  public var source: String?

  /// Whether the values (one per input) form an allowed combination.
  public func allows(_ values: [String: ExactDecimal]) -> Bool {
    allowed.contains { combination in
      inputs.allSatisfy { name in values[name].map { combination[name]?.contains($0) ?? false } ?? false }
    }
  }

  /// The combinations in words: `vcpu 0.25 with memory_gb 0.5 or 1; …`.
  public var summary: String {
    allowed.map { c in
      inputs.map { "\($0) \((c[$0] ?? []).map(\.description).joined(separator: " or "))" }.joined(separator: " with ")
    }.joined(separator: "; ")
  }
}
