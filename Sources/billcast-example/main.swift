// billcast-example: a Swift program that embeds billcast through its public API only:
// load a profile and the pricing tables, price the profile, compare its architectures,
// and print the totals. Run: swift run billcast-example [profile] [pricing-dir]
import BillcastCore
import BillcastEngine
import BillcastPricing
import BillcastProfile
import Foundation

let arguments = CommandLine.arguments
let profilePath = arguments.count > 1 ? arguments[1] : "examples/job-posting-analyzer-today.yaml"
let pricingPath = arguments.count > 2 ? arguments[2] : "pricing"

do {
  let profile = try Profile.load(path: profilePath)
  let catalog = try PricingCatalog.load(directory: pricingPath)
  let resolved = try ResolvedProfile.resolve(profile, catalog: catalog)
  let estimate = try Estimator.estimate(resolved, options: EstimateOptions(today: CalendarDate("2026-11-25")!))
  print("\(estimate.profileName), as of \(estimate.asOf):")
  for result in estimate.results {
    let low = result.total.low.formatted(fractionDigits: 2), high = result.total.high.formatted(fractionDigits: 2)
    print("  \(result.scenario) · \(result.architecture): $\(low)–$\(high) a month")
  }
  let comparison = try Comparer.compare(
    resolved, options: CompareOptions(estimate: EstimateOptions(today: CalendarDate("2026-11-25")!)))
  for choice in comparison.cheapest {
    print("  cheapest in \(choice.scenario): \(choice.low) (low end), \(choice.high) (high end)")
  }
} catch {
  for diagnostic in error.diagnostics { FileHandle.standardError.write(Data("\(diagnostic)\n".utf8)) }
  exit(2)
}
