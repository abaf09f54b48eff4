// billcast-bench: times billcast's engine in-process, release build, median of repeated runs.
// Run it with scripts/bench.sh. Speed is measured here, never asserted in tests.
import BillcastCore
import BillcastEngine
import BillcastPricing
import BillcastProfile
import Foundation
import Yams

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
if arguments.count > 2 && arguments[1] == "scaling", let n = Int(arguments[2]) {
  do { try runScaling(components: n) } catch {
    FileHandle.standardError.write(Data("billcast-bench: \(error)\n".utf8))
    exit(1)
  }
  exit(0)
}
if arguments.count > 3 && arguments[1] == "gzip" {
  do { try runGzipThroughput(gzipPath: arguments[2], plainPath: arguments[3]) } catch {
    FileHandle.standardError.write(Data("billcast-bench: \(error)\n".utf8))
    exit(1)
  }
  exit(0)
}
if arguments.count > 1 && arguments[1] == "throughput" {
  // The forecast's Monte Carlo on today's profile, 36 months × 10,000 samples × 4 architectures.
  do {
    let profile = try Profile.load(path: "examples/job-posting-analyzer-today.yaml")
    let resolved = try ResolvedProfile.resolve(profile, catalog: try PricingCatalog.load(directory: "pricing"))
    print("throughput, examples/job-posting-analyzer-today.yaml, 36 months × 10,000 samples:")
    for architectures in [["lambda-cloudfront", "app-runner", "ecs-fargate", "ec2"], ["lambda-cloudfront"], ["ec2"]] {
      let components = profile.architectures.filter { architectures.contains($0.name) }.map(\.components.count).reduce(
        0, +)
      try measureForecast(
        resolved, architectures: architectures, months: 36, samples: 10_000, components: components,
        label: architectures.joined(separator: " + "))
    }
  } catch {
    FileHandle.standardError.write(Data("billcast-bench: \(error)\n".utf8))
    exit(1)
  }
  exit(0)
}
if arguments.count > 1 && arguments[1] == "cold" {
  // The first load in a process pays the runtime's one-time costs (type metadata, conformances).
  func ms(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
  }
  do {
    let a = try ms { _ = try Profile.load(path: "examples/job-posting-analyzer.yaml") }
    let b = try ms { _ = try PricingCatalog.load(directory: "pricing") }
    let c = try ms { _ = try PricingCatalog.load(directory: "pricing") }
    let d = try ms { _ = try Profile.load(path: "examples/job-posting-analyzer.yaml") }
    print(String(format: "cold: profile %.2f ms, pricing %.2f ms; warm: pricing %.2f ms, profile %.2f ms", a, b, c, d))
    for f in [
      "pricing/aws/model/serverless.yaml", "pricing/aws/model/compute.yaml", "pricing/aws/rates/us-east-1.yaml",
      "pricing/aws/global.yaml", "pricing/firebase.yaml",
    ] {
      let doc = try YAMLDocument.load(path: f)
      let l = try ms { _ = try YAMLDocument.load(path: f) }
      let r = ms { _ = PricingCatalog.read([doc], diagnostics: DiagnosticCollector()) }
      print(String(format: "  %@: load %.2f ms, read %.2f ms", f, l, r))
    }
  } catch {
    print(error)
  }
  exit(0)
}
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
    _ = try ResolvedProfile.resolve(
      try Profile.load(path: profilePath), catalog: try PricingCatalog.load(directory: "pricing"))
  }
  print(String(format: "  load profile + pricing tables     %8.2f ms", median(load)))
  // Where loading goes: Yams's compose alone (the floor's work), then each of billcast's steps.
  let files =
    [profilePath]
    + (try FileManager.default.subpathsOfDirectory(atPath: "pricing")).filter { $0.hasSuffix(".yaml") }.sorted().map {
      "pricing/" + $0
    }
  let texts = try files.map { try String(contentsOfFile: $0, encoding: .utf8) }
  let compose = try time(runs) { for t in texts { _ = try Yams.compose(yaml: t, Resolver.basic) } }
  print(String(format: "    Yams.compose, all %d files      %8.2f ms", files.count, median(compose)))
  let documents = try time(runs) { for f in files { _ = try YAMLDocument.load(path: f) } }
  print(String(format: "    YAMLDocument.load (+ limits, SHA-256) %4.2f ms", median(documents)))
  let tableDocuments = try files.dropFirst().map { try YAMLDocument.load(path: $0) }
  let readTables = time(runs) { _ = PricingCatalog.read(tableDocuments, diagnostics: DiagnosticCollector()) }
  print(String(format: "    read pricing tables from nodes  %8.2f ms", median(readTables)))
  // What the CLI does: only the profile's region composed, from YAML or from a compiled snapshot.
  let region: () -> Set<String>? = { [profile.region] }
  let regional = try time(runs) { _ = try PricingCatalog.load(directory: "pricing", regions: region) }
  print(String(format: "    pricing tables, profile's region, from YAML %6.2f ms", median(regional)))
  let cacheDirectory = NSTemporaryDirectory() + "billcast-bench-cache-\(ProcessInfo.processInfo.processIdentifier)"
  defer { try? FileManager.default.removeItem(atPath: cacheDirectory) }
  let cache = PricingSnapshotCache(directory: cacheDirectory, build: "billcast-bench")
  _ = try PricingCatalog.load(directory: "pricing", regions: region, cache: cache)
  let snapshot = try time(runs) { _ = try PricingCatalog.load(directory: "pricing", regions: region, cache: cache) }
  print(String(format: "    the same from its snapshot (read, hash, decode) %5.2f ms", median(snapshot)))
  let profileDocument = try YAMLDocument.load(path: profilePath)
  let readProfile = try time(runs) { _ = try Profile.read(profileDocument) }
  print(String(format: "    read profile from nodes         %8.2f ms", median(readProfile)))
  let resolve = try time(runs) { _ = try ResolvedProfile.resolve(profile, catalog: catalog) }
  print(String(format: "    resolve                         %8.2f ms", median(resolve)))
  let estimate = try time(runs) { _ = try Estimator.estimate(resolved, options: estimateOptions) }
  print(String(format: "  estimate (all scenarios × archs)  %8.2f ms", median(estimate)))

  // Break-even: 0–10M page views across every architecture of the first scenario.
  let scenario = profile.scenarios.first?.name
  var points = 0
  var crossings = 0
  let search = try time(runs) {
    let c = try Comparer.compare(
      resolved,
      options: CompareOptions(
        estimate: EstimateOptions(today: today, scenarios: scenario.map { [$0] }), vary: "page_views", from: 0,
        to: 10_000_000))
    points = c.breakEven.first?.evaluations ?? 0
    crossings = c.breakEven.first?.crossings.count ?? 0
  }
  print(
    String(
      format: "  compare + break-even 0–10M views  %8.2f ms  (%d architectures, %d points, %d crossings)",
      median(search), profile.architectures.count, points, crossings))

  // Point pricing throughput through the compiled cost model.
  let arch = profile.architectures[0].name
  let situation = try Estimator.estimate(resolved, options: estimateOptions).freeTier
  let model = try CostModel(
    resolved: resolved, architecture: arch, scenario: scenario, asOf: profile.asOf ?? today, situation: situation,
    point: .mid)
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
