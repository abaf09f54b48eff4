import BillcastCore
import BillcastEngine
import BillcastPricing
import BillcastProfile

/// One generated pricing table with one generated profile, and helpers to price them.
public struct GeneratedCase: CustomStringConvertible {
  public let seed: UInt64
  public let table: GeneratedTable
  public let profile: GeneratedProfile
  public let catalog: PricingCatalog

  /// The case for a seed; the same seed always makes the same case.
  public init(seed: UInt64) throws {
    var random = PropertyRandom(seed: seed)
    self.seed = seed
    table = GeneratedTable.make(&random)
    profile = GeneratedProfile.make(for: table, &random)
    catalog = try TestSupport.catalog(table.yaml, file: "generated-\(seed).yaml")
  }

  /// The seeds of a property's cases: `count` consecutive seeds after a per-property offset.
  public static func seeds(_ property: UInt64, count: Int) -> [UInt64] {
    (0..<UInt64(count)).map { property &* 1_000_003 &+ $0 }
  }

  /// Prices the profile as rendered.
  public func estimate(_ rendering: GeneratedProfile.Rendering = .asGenerated, freeTier: Account.FreeTier? = nil) throws
    -> Estimate
  {
    try TestSupport.estimate(profile.yaml(rendering), catalog: catalog, freeTier: freeTier)
  }

  /// The profile resolved against the table, as rendered.
  public func resolved(_ rendering: GeneratedProfile.Rendering = .asGenerated) throws -> ResolvedProfile {
    try ResolvedProfile.resolve(try TestSupport.profile(profile.yaml(rendering)), catalog: catalog)
  }

  /// The seed and both texts, for a failing expectation's message.
  public var description: String { "seed \(seed)\n--- table\n\(table.yaml)--- profile\n\(profile.yaml())" }
}

extension Estimate {
  /// The result for a scenario and an architecture.
  public func result(_ scenario: String, _ architecture: String) -> ScenarioResult? {
    results.first { $0.scenario == scenario && $0.architecture == architecture }
  }
}
