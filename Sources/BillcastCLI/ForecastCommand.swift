import ArgumentParser
import BillcastCore
import BillcastEngine
import BillcastProfile
import BillcastReport

/// `billcast forecast PROFILE`: month by month, with growth, free-tier expiry, credits, dated price changes and uncertainty.
struct ForecastCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "forecast",
    abstract:
      "Forecast a profile month by month: p10/p50/p90 per architecture, cumulative totals, crossovers and events.")

  @Argument(help: "The usage profile (YAML).", completion: ProfileCompletion.profiles)
  var profile: String

  @Option(
    name: .long, parsing: .unconditional, help: "Months to forecast (default: the profile's forecast.months, else 12).")
  var months: Int?

  @Option(
    name: .long, help: ArgumentHelp("First month, YYYY-MM (default: the profile's forecast.start).", valueName: "month")
  )
  var start: String?

  @Option(
    name: .long, help: "Use this scenario in every month instead of the profile's calendar.",
    completion: ProfileCompletion.scenarios)
  var scenario: String?

  @OptionGroup var architectures: ArchitectureSelection
  @OptionGroup var account: FreeTierOption

  @Option(name: .long, parsing: .unconditional, help: "Monte Carlo samples (0 for the deterministic envelope only).")
  var samples: Int = 1000

  @Option(name: .long, parsing: .unconditional, help: "Random seed: the same seed gives the same output.")
  var seed: UInt64 = 1

  @Option(
    name: .customLong("breakdown-month"), parsing: .unconditional,
    help: "The month whose cost per service the HTML chart shows (default: the last).")
  var breakdownMonth: Int?

  @OptionGroup var pricing: PricingOptions
  @OptionGroup var output: OutputOptions<Format>

  func validate() throws {
    if let start {
      guard let month = CalendarMonth(start) else {
        throw ValidationError("--start '\(TerminalText.excerpt(start))' is not a month; expected YYYY-MM")
      }
      guard month.firstDay.isSupported else {
        throw ValidationError(
          "--start \(month) is outside the calendar billcast prices: \(CalendarDate.supportedRangeText)")
      }
    }
    if let months, !(1...ForecastSettings.maximumMonths).contains(months) {
      throw ValidationError("--months must be from 1 to \(ForecastSettings.maximumMonths)")
    }
    if let breakdownMonth, !(1...ForecastSettings.maximumMonths).contains(breakdownMonth) {
      throw ValidationError(
        "--breakdown-month must be from 1 to the forecast's months (at most \(ForecastSettings.maximumMonths))")
    }
    if !(0...ForecastOptions.maximumSamples).contains(samples) {
      throw ValidationError("--samples must be from 0 to \(ForecastOptions.maximumSamples)")
    }
  }

  func run() throws {
    let forecast: Forecast
    do throws(DiagnosticError) {
      let reading = Profile.reading(path: self.profile)
      if reading.profile == nil { throw DiagnosticError(reading.diagnostics) }
      let resolved = try ResolvedProfile.resolve(
        reading, catalog: try pricing.loadCatalog(near: self.profile, regions: { [reading.profile!.region] }),
        architectures: architectures.selected)
      var options = ForecastOptions(
        today: CalendarDate.today(), start: start.flatMap(CalendarMonth.init), months: months, scenario: scenario,
        architectures: architectures.selected, freeTier: account.freeTier, samples: samples, seed: seed,
        breakdownMonth: breakdownMonth)
      let progress = ProgressLine.onTerminal("billcast forecast: Monte Carlo paths")
      defer { progress?.finish() }
      if let progress { options.progress = { @Sendable share in progress.update(share) } }
      forecast = try Forecaster.forecast(resolved, options: options)
    } catch {
      throw exitWithDiagnostics(error)
    }
    try output.write(output.format.render(forecast))
  }
}

extension ForecastCommand {
  /// The formats `forecast` writes: every one.
  enum Format: String, ReportFormats {
    case table, markdown, json, csv, html

    /// A forecast in this format.
    func render(_ forecast: Forecast) -> RenderedReport {
      switch self {
      case .table: .table { ForecastText.render(forecast) }
      case .markdown: .markdown(ForecastText.render(forecast, markdown: true))
      case .json: .document(ForecastJSON.render(forecast))
      case .csv: .document(ForecastJSON.csv(forecast))
      case .html: .document(ForecastHTML.render(forecast))
      }
    }
  }
}
