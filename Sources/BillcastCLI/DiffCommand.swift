import ArgumentParser
import BillcastCore
import BillcastEngine
import BillcastPricing
import BillcastProfile
import BillcastReport
import Foundation

/// `billcast diff`: what a pricing change, a profile change or a new report does to the bill.
struct DiffCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "diff",
    abstract: "Show what changed in the bill: one profile under two pricings, two profiles, or two saved JSON reports.",
    discussion: """
      billcast diff PROFILE --before-pricing DIR|--before-as-of DATE --after-pricing DIR|--after-as-of DATE
      billcast diff OLD.yaml NEW.yaml
      billcast diff before.json after.json
      With --fail-above AMOUNT or PERCENT%, exits 1 when a total (or, with --on service, a service) moves more than that.
      """)

  @Argument(
    help: "A profile, two profiles, or two saved JSON reports.", completion: .file(extensions: ["yaml", "yml", "json"]))
  var inputs: [String]

  @Option(
    name: .customLong("before-pricing"), help: ArgumentHelp("Pricing directory for the before side.", valueName: "dir"),
    completion: .directory)
  var beforePricing: String?

  @Option(
    name: .customLong("after-pricing"), help: ArgumentHelp("Pricing directory for the after side.", valueName: "dir"),
    completion: .directory)
  var afterPricing: String?

  @Option(
    name: .customLong("before-as-of"), help: ArgumentHelp("Price the before side as of this date.", valueName: "date"),
    transform: CalendarDate.argument)
  var beforeAsOf: CalendarDate?

  @Option(
    name: .customLong("after-as-of"), help: ArgumentHelp("Price the after side as of this date.", valueName: "date"),
    transform: CalendarDate.argument)
  var afterAsOf: CalendarDate?

  @Option(
    name: .customLong("before-label"),
    help: ArgumentHelp(
      "Name the before side this in the report (default: its file, or its pricing and date).", valueName: "text"))
  var beforeLabel: String?

  @Option(
    name: .customLong("after-label"), help: ArgumentHelp("Name the after side this in the report.", valueName: "text"))
  var afterLabel: String?

  @Option(
    name: .customLong("fail-above"),
    help: ArgumentHelp(
      "Exit 1 when a figure moves more than this: an amount (5) or a percentage (1%).", valueName: "limit"))
  var failAbove: String?

  @Option(name: .long, help: "What --fail-above applies to: total (each scenario × architecture) or service.")
  var on: ThresholdTarget = .total

  @OptionGroup var scenarios: ScenarioSelection
  @OptionGroup var architectures: ArchitectureSelection
  @OptionGroup var pricing: PricingOptions
  @OptionGroup var output: OutputOptions<Format>

  enum ThresholdTarget: String, ExpressibleByArgument, CaseIterable { case total, service }

  func validate() throws {
    if let failAbove, CostDiff.Threshold(failAbove) == nil {
      throw ValidationError(
        "--fail-above '\(TerminalText.excerpt(failAbove))' is neither an amount (5) nor a percentage (1%)")
    }
    switch inputs.count {
    case 1:
      if beforePricing == nil && beforeAsOf == nil && afterPricing == nil && afterAsOf == nil {
        throw ValidationError(
          "with one profile, give what differs: --before-pricing/--after-pricing and/or --before-as-of/--after-as-of")
      }
    case 2:
      if [beforePricing, afterPricing].contains(where: { $0 != nil }) || beforeAsOf != nil || afterAsOf != nil {
        throw ValidationError(
          "--before-*/--after-* apply to one profile; two inputs are compared under the same pricing")
      }
      let json = inputs.map { $0.hasSuffix(".json") }
      if json[0] != json[1] {
        throw ValidationError("compare two profiles (.yaml) or two reports (.json), not one of each")
      }
    default:
      throw ValidationError("give one profile (with --before-*/--after-*), two profiles, or two JSON reports")
    }
  }

  func estimate(_ path: String, pricingDirectory: String?, asOf: CalendarDate?) throws(DiagnosticError) -> Estimate {
    let reading = Profile.reading(path: path)
    if reading.profile == nil { throw DiagnosticError(reading.diagnostics) }
    let directory = pricingDirectory ?? pricing.directory(near: path)
    let resolved = try ResolvedProfile.resolve(
      reading, catalog: try PricingOptions.load(directory: directory),
      architectures: architectures.selected)
    return try Estimator.estimate(
      resolved,
      options: EstimateOptions(
        asOf: asOf, today: CalendarDate.today(), scenarios: scenarios.selected, architectures: architectures.selected))
  }

  /// Both sides, or every problem of both (a diff of two broken inputs reports both).
  static func both<A, B>(_ a: () throws(DiagnosticError) -> A, _ b: () throws(DiagnosticError) -> B)
    throws(DiagnosticError) -> (A, B)
  {
    let x = Result { () throws(DiagnosticError) in try a() }, y = Result { () throws(DiagnosticError) in try b() }
    switch (x, y) {
    case (.success(let u), .success(let v)): return (u, v)
    case (.failure(let e), .success), (.success, .failure(let e)): throw e
    case (.failure(let e), .failure(let f)):
      let collector = DiagnosticCollector()
      (e.diagnostics + f.diagnostics).forEach(collector.add)
      throw DiagnosticError(collector.errors.isEmpty ? e.diagnostics : collector.errors)
    }
  }

  func run() throws {
    let diff: CostDiff
    do throws(DiagnosticError) {
      var (before, after) = try snapshots()
      if let beforeLabel { before.label = beforeLabel }
      if let afterLabel { after.label = afterLabel }
      if before.currency != after.currency {
        throw DiagnosticError([
          Diagnostic(
            file: inputs.last!,
            message:
              "the before side is in \(before.currency) and the after side in \(after.currency); billcast does not convert currencies"
          )
        ])
      }
      diff = CostDiff(before: before, after: after)
    } catch {
      throw exitWithDiagnostics(error)
    }
    let threshold = failAbove.flatMap(CostDiff.Threshold.init)
    let crossed = threshold.map { diff.crossings(of: $0, onServices: on == .service) } ?? []
    try output.write(output.format.render(diff, crossed: crossed, threshold: threshold))
    if let threshold, !crossed.isEmpty {
      ReportFile.writeStandardError(
        ("billcast: \(crossed.count) \(on == .service ? "service" : "total")\(crossed.count == 1 ? "" : "s") moved more than \(threshold): \(crossed.joined(separator: "; "))\n")
      )
      throw ExitCode(ExitStatus.checkFailed)
    }
  }

  /// The two sides: two saved reports, two profiles, or one profile under two pricings or dates
  /// (both read even when one fails, so that every problem is reported).
  func snapshots() throws(DiagnosticError) -> (CostSnapshot, CostSnapshot) {
    if inputs.count == 2 && inputs[0].hasSuffix(".json") {
      return try Self.both(
        { () throws(DiagnosticError) in try EstimateJSONReader.load(path: inputs[0]) },
        { () throws(DiagnosticError) in try EstimateJSONReader.load(path: inputs[1]) })
    }
    if inputs.count == 2 {
      return try Self.both(
        { () throws(DiagnosticError) in
          CostSnapshot(try estimate(inputs[0], pricingDirectory: nil, asOf: nil), label: inputs[0])
        },
        { () throws(DiagnosticError) in
          CostSnapshot(try estimate(inputs[1], pricingDirectory: nil, asOf: nil), label: inputs[1])
        })
    }
    func label(_ dir: String?, _ date: CalendarDate?) -> String {
      let text = [dir.map { "pricing \($0)" }, date.map { "as of \($0)" }].compactMap { $0 }.joined(separator: ", ")
      return text.isEmpty ? "default pricing" : text
    }
    return try Self.both(
      { () throws(DiagnosticError) in
        CostSnapshot(
          try estimate(inputs[0], pricingDirectory: beforePricing, asOf: beforeAsOf),
          label: label(beforePricing, beforeAsOf))
      },
      { () throws(DiagnosticError) in
        CostSnapshot(
          try estimate(inputs[0], pricingDirectory: afterPricing, asOf: afterAsOf),
          label: label(afterPricing, afterAsOf))
      })
  }
}

extension DiffCommand {
  /// The formats `diff` writes: no HTML page.
  enum Format: String, ReportFormats {
    case table, markdown, json, csv

    /// A diff in this format; JSON also lists the figures that moved more than `threshold`
    /// (`crossed`), and a table colours increases and decreases.
    func render(_ diff: CostDiff, crossed: [String], threshold: CostDiff.Threshold?) -> RenderedReport {
      switch self {
      case .table: .table(highlight: .changes) { DiffReport.text(diff) }
      case .markdown: .markdown(DiffReport.text(diff, markdown: true))
      case .json: .document(DiffReport.json(diff, crossed: crossed, threshold: threshold?.description))
      case .csv: .document(DiffCSV.render(diff))
      }
    }
  }
}
