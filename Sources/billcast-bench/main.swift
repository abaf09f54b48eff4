// billcast-bench: times billcast's engine in-process, release build, median of repeated runs.
// Run it with scripts/bench.sh. Speed is measured here, never asserted in tests.
import BillcastCore
import BillcastEngine
import BillcastPricing
import BillcastProfile
import Foundation

func median(_ xs: [Double]) -> Double {
  let s = xs.sorted()
  return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

func time(_ runs: Int, _ body: () throws -> Void) rethrows -> [Double] {
  var samples: [Double] = []
  for _ in 0..<runs {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
  }
  return samples
}

let arguments = CommandLine.arguments
let profilePath = arguments.count > 1 ? arguments[1] : "examples/job-posting-analyzer.yaml"
let runs = arguments.count > 2 ? Int(arguments[2]) ?? 30 : 30

do {
  let catalog = try PricingCatalog.load(directory: "pricing")
  let profile = try Profile.load(path: profilePath)
  let resolved = try ResolvedProfile.resolve(profile, catalog: catalog)
  let today = CalendarDate("2026-11-25")!
  let estimateOptions = EstimateOptions(today: today)

  print("billcast-bench: \(profilePath), \(runs) runs each, medians")
  let load = try time(runs) {
    _ = try ResolvedProfile.resolve(try Profile.load(path: profilePath), catalog: try PricingCatalog.load(directory: "pricing"))
  }
  print(String(format: "  load profile + pricing tables     %8.2f ms", median(load)))
  let estimate = try time(runs) { _ = try Estimator.estimate(resolved, options: estimateOptions) }
  print(String(format: "  estimate (all scenarios × archs)  %8.2f ms", median(estimate)))

  // Break-even: 0–10M page views across every architecture of the first scenario.
  let scenario = profile.scenarios.first?.name
  var points = 0
  var crossings = 0
  let search = try time(runs) {
    let c = try Comparer.compare(resolved, options: CompareOptions(
      estimate: EstimateOptions(today: today, scenarios: scenario.map { [$0] }), vary: "page_views", from: 0, to: 10_000_000))
    points = c.breakEven.first?.evaluations ?? 0
    crossings = c.breakEven.first?.crossings.count ?? 0
  }
  print(String(format: "  compare + break-even 0–10M views  %8.2f ms  (%d architectures, %d points, %d crossings)", median(search), profile.architectures.count, points, crossings))

  // Point pricing throughput through the compiled cost model.
  let arch = profile.architectures[0].name
  let situation = try Estimator.estimate(resolved, options: estimateOptions).freeTier
  let model = try CostModel(resolved: resolved, architecture: arch, scenario: scenario, asOf: profile.asOf ?? today, situation: situation, point: .mid)
  let slot = model.slot(of: "page_views")!
  let n = 20_000
  var sink = ExactDecimal.zero
  let throughput = try time(5) {
    for i in 0..<n { sink += try model.total(fixing: [slot: ExactDecimal(i * 500)]) }
  }
  let perPoint = median(throughput) * 1e3 / Double(n)
  print(String(format: "  one architecture-month (%@)  %8.2f µs  (%.0f per second)", arch, perPoint, 1e6 / perPoint))
  if sink.isNegative { print(sink) }
} catch {
  FileHandle.standardError.write(Data("billcast-bench: \(error)\n".utf8))
  exit(1)
}
