import ArgumentParser
import BillcastBill
import BillcastCore
import BillcastEngine
import BillcastProfile
import BillcastReport
import Foundation

/// `billcast reconcile PROFILE BILL...`: the estimate against the real bill, month by month, with the causes of each difference.
struct ReconcileCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "reconcile",
    abstract:
      "Set the estimate against real bills (FOCUS or CUR exports): quantity and rate drift, unknown costs, credits.",
    discussion: """
      Reads FOCUS 1.0-1.2 and CUR (2.0 or legacy) CSV exports, gzipped or not, row by row. Rows are \
      matched to the profile's components by the aws:cloudformation:logical-id tag, by the \
      architecture's reconcile: rules, then by service and usage type in the profile's region. \
      Exit status: 0, or 1 when --fail-above is crossed, 2 for bad input.
      """)

  @Argument(
    help: ArgumentHelp("The usage profile (YAML).", valueName: "profile"),
    completion: .file(extensions: ["yaml", "yml"]))
  var profile: String

  @Argument(
    help: ArgumentHelp("The bills: FOCUS or CUR CSV exports, .csv or .csv.gz.", valueName: "bill"), completion: .file())
  var bills: [String] = []

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Reconcile only this billing month (YYYY-MM; repeatable). Default: every month of the bills.", valueName: "month")
  )
  var month: [String] = []

  @Option(name: .long, help: "The architecture the bill is for (default: the profile's only one).")
  var architecture: String?

  @Option(name: .long, help: "The scenario to set against the bill (default: the profile's only one).")
  var scenario: String?

  @Flag(name: .long, help: "Show each meter: quantities, rates, SKUs and usage types.")
  var detail = false

  @Option(
    name: .customLong("fail-above"),
    help: ArgumentHelp(
      "Exit 1 if a month's bill is above the estimate's high end by more than this: dollars (50) or a percentage (10%).",
      valueName: "amount|percent%"))
  var failAbove: Threshold?

  @Option(
    name: .customLong("exchange-rate"),
    help: ArgumentHelp(
      "US dollars per unit of a bill's currency, for a non-USD bill (EUR=1.08; repeatable).", valueName: "currency=rate"
    ))
  var exchangeRates: [String] = []

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Write the profile with the measured workload to this file (never the profile itself).", valueName: "file"),
    completion: .file())
  var calibrate: String?

  @OptionGroup var account: FreeTierOption
  @OptionGroup var pricing: PricingOptions
  @OptionGroup var output: OutputOptions<Format>

  func validate() throws {
    if bills.isEmpty { throw ValidationError("give at least one bill (a FOCUS or CUR CSV export) after the profile") }
    for m in month where m.count != 7 || CalendarDate(m + "-01") == nil {
      throw ValidationError("--month must be YYYY-MM, found '\(TerminalText.excerpt(m, limit: 40))'")
    }
    _ = try exchangeRateTable()
  }

  /// The exchange rates given, by currency code.
  func exchangeRateTable() throws -> [String: ExactDecimal] {
    var rates: [String: ExactDecimal] = [:]
    for text in exchangeRates {
      let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
      guard parts.count == 2, parts[0].count == 3, parts[0].allSatisfy({ $0.isASCII && $0.isUppercase }),
        let rate = ExactDecimal(parts[1]), rate > .zero, rate <= 100_000
      else {
        throw ValidationError(
          "--exchange-rate must be CODE=RATE, US dollars per unit of a three-letter currency (EUR=1.08), found '\(TerminalText.excerpt(text, limit: 40))'"
        )
      }
      rates[parts[0]] = rate
    }
    return rates
  }

  func run() throws {
    let reconciliation: Reconciliation
    var calibratedProfile: String?
    do {
      let resolved = try resolve()
      let options = ReconcileOptions(
        months: month.isEmpty ? nil : month, architecture: architecture, scenario: scenario,
        today: CalendarDate.today(),
        freeTier: account.freeTier, read: BillReadOptions(exchangeRates: try exchangeRateTable()))
      reconciliation = try Reconciler.reconcile(resolved, bills: bills, options: options)
      if calibrate != nil {
        calibratedProfile = try Self.calibrated(reconciliation, resolved: resolved, bills: bills)
      }
    } catch let error as DiagnosticError {
      throw exitWithDiagnostics(error)
    }
    // The calibrated profile first: a report is not written when the profile could not be.
    if let calibrate, let calibratedProfile { try writeReport(calibratedProfile, to: calibrate) }
    try output.write(output.format.render(reconciliation, detail: detail))
    if let failAbove, let month = failAbove.crossed(by: reconciliation) {
      ReportFile.writeStandardError("billcast: \(month)\n")
      throw ExitCode(ExitStatus.checkFailed)
    }
  }

  /// The profile and its pricing tables, checked one against the other.
  func resolve() throws(DiagnosticError) -> ResolvedProfile {
    let read = Profile.reading(path: profile)
    if read.hasErrors { throw DiagnosticError(read.diagnostics) }
    let catalog = try pricing.loadCatalog(near: profile, regions: { read.profile.map { [$0.region] } })
    return try ResolvedProfile.resolve(read, catalog: catalog, architectures: architecture.map { [$0] })
  }
}

extension ReconcileCommand {
  /// The formats `reconcile` writes: every one.
  enum Format: String, ReportFormats {
    case table, markdown, json, csv, html

    /// The reconciliation in this format.
    func render(_ r: Reconciliation, detail: Bool) -> RenderedReport {
      switch self {
      case .table: .table { ReconcileText.render(r, detail: detail) }
      case .markdown: .markdown(ReconcileMarkdown.render(r, detail: detail))
      case .json: .document(ReconcileJSON.render(r))
      case .csv: .document(ReconcileCSV.render(r))
      case .html: .document(ReconcileHTML.render(r))
      }
    }
  }
}
