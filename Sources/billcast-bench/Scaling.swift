import BillcastCore
import BillcastEngine
import BillcastPricing
import BillcastProfile
import Foundation

/// CPU time of this process (all threads), in seconds.
func cpuSeconds() -> Double {
  var usage = rusage()
  getrusage(RUSAGE_SELF.rawValue, &usage)
  return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec)
    / 1e6
}

/// Wall-clock seconds since an arbitrary start.
func wallSeconds() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

/// A profile with one architecture of `components` Lambda functions, each with its own share
/// of the traffic and ranges for page views and duration, growing 3–8% a month.
func scalingProfile(components: Int) -> String {
  var text = """
    format: billcast.profile/1
    name: scaling-\(components)
    region: us-east-1
    as_of: 2026-11-01
    account: {free_tier: always-free}
    workload:
      page_views: 100_000..500_000
      duration_ms: 80..300
    architectures:
      functions:
        components:

    """
  for i in 0..<components {
    text +=
      "      fn\(i): {service: aws.lambda, inputs: {requests: \"page_views * \((i % 7) + 1) / 7\", duration_ms: duration_ms, memory_mb: \(128 << (i % 4))}}\n"
  }
  text += """
    forecast:
      start: 2026-12
      months: 12
      growth:
        page_views: {compound: 0.03..0.08}

    """
  return text
}

/// Prices a forecast and reports its throughput: architecture-months (and component-months)
/// per CPU second, for the whole forecast and for its Monte Carlo alone (the whole forecast
/// less the same forecast without samples: the envelope's interval estimates, compiling, events).
func measureForecast(
  _ resolved: ResolvedProfile, architectures: [String]?, months: Int, samples: Int, components: Int, label: String
) throws {
  let today = CalendarDate("2026-11-25")!
  _ = try Forecaster.forecast(
    resolved, options: ForecastOptions(today: today, months: 1, architectures: architectures, samples: 10))  // warm up
  let e0 = cpuSeconds()
  _ = try Forecaster.forecast(
    resolved, options: ForecastOptions(today: today, months: months, architectures: architectures, samples: 0))
  let envelope = cpuSeconds() - e0
  let cpu0 = cpuSeconds(), wall0 = wallSeconds()
  let forecast = try Forecaster.forecast(
    resolved,
    options: ForecastOptions(today: today, months: months, architectures: architectures, samples: samples, seed: 1))
  let cpu = cpuSeconds() - cpu0, wall = wallSeconds() - wall0
  let archMonths = forecast.architectures.reduce(0) { $0 + $1.monthly.compactMap { $0 }.count } * samples
  let monteCarlo = max(cpu - envelope, 1e-9)
  print(
    String(
      format:
        "  %@: %d architecture-months in %.3f s wall, %.3f s CPU (Monte Carlo %.3f s): %.0f architecture-months/s per core in the Monte Carlo (%.0f whole forecast), %.0f component-months/s per core",
      label, archMonths, wall, cpu, monteCarlo, Double(archMonths) / monteCarlo, Double(archMonths) / cpu,
      Double(archMonths * components) / monteCarlo))
}

/// `billcast-bench scaling N`: loads a generated profile of N Lambda functions and forecasts
/// 12 months with a number of samples that keeps the component-months near 2.4 million
/// (at least 100 samples: 12 million for 10,000 components).
func runScaling(components: Int) throws {
  let catalog = try PricingCatalog.load(directory: "pricing")
  let text = scalingProfile(components: components)
  let t0 = wallSeconds()
  // Larger YAML limits than the CLI's: 10,000 Lambda functions are 1.2 MB and 130,000 nodes.
  let limits = YAMLLimits(maximumBytes: 16 << 20, maximumNodes: 1_000_000)
  let profile = try Profile.read(try YAMLDocument.parse(text, path: "scaling-\(components).yaml", limits: limits))
  let resolved = try ResolvedProfile.resolve(profile, catalog: catalog)
  let load = wallSeconds() - t0
  let samples = max(100, 200_000 / components)
  let e0 = wallSeconds()
  for _ in 0..<5 { _ = try Estimator.estimate(resolved, options: EstimateOptions(today: CalendarDate("2026-11-25")!)) }
  let estimate = (wallSeconds() - e0) / 5
  print(
    String(
      format:
        "scaling, %d components (%d bytes of YAML, read and resolved in %.1f ms; one interval estimate %.2f ms), 12 months × %d samples:",
      components, text.utf8.count, load * 1000, estimate * 1000, samples))
  try measureForecast(
    resolved, architectures: nil, months: 12, samples: samples, components: components, label: "forecast")
}
