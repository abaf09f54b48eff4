import BillcastCore
import BillcastEngine
import BillcastPricing
import BillcastTestSupport

/// Profiles for engine tests, priced against the repository's pricing tables.
enum Fixtures {
  /// Loaded once (a `static let` is initialised exactly once, safely, even with tests running in parallel).
  static let shared: Result<PricingCatalog, Error> = Result { try TestSupport.testCatalog() }

  static func catalog() throws -> PricingCatalog { try shared.get() }

  /// A profile with one architecture `a` whose components are given as (name, service, inputs).
  static func profile(
    _ components: [(String, String, [(String, String)])], freeTier: String = "none", opened: String? = nil,
    asOf: String = "2026-11-01", workload: [(String, String)] = []
  ) -> String {
    var text =
      "format: billcast.profile/1\nname: test\nregion: us-east-1\nas_of: \(asOf)\naccount:\n  free_tier: \(freeTier)\n"
    if let opened { text += "  opened: \(opened)\n" }
    if !workload.isEmpty {
      text += "workload:\n" + workload.map { "  \($0.0): \($0.1)\n" }.joined()
    }
    text += "architectures:\n  a:\n    components:\n"
    for (name, service, inputs) in components {
      text += "      \(name):\n        service: \(service)\n        inputs:\n"
      for (k, v) in inputs { text += "          \(k): \"\(v)\"\n" }
    }
    return text
  }

  static func price(_ text: String, asOf: CalendarDate? = nil, freeTier: BillcastProfileFreeTier? = nil) throws
    -> ScenarioResult
  {
    let estimate = try TestSupport.estimate(text, catalog: try catalog(), asOf: asOf, freeTier: freeTier)
    return estimate.results[0]
  }
}

typealias BillcastProfileFreeTier = BillcastProfile.Account.FreeTier

import BillcastProfile

func d(_ text: String) -> ExactDecimal { TestSupport.d(text) }

extension ScenarioResult {
  func component(_ name: String) -> ComponentCost { components.first { $0.component == name }! }
  func line(_ component: String, _ meter: String) -> LineItem {
    self.component(component).lines.first { $0.meter == meter }!
  }
}
