import ArgumentParser
import BillcastCore
import BillcastEngine
import BillcastProfile
import BillcastReport
import Foundation

/// `billcast compare PROFILE`: architectures × scenarios, the cheapest, break-even points and sensitivity.
struct CompareCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compare",
    abstract: "Compare a profile's architectures: cost per scenario, the cheapest, break-even points and sensitivity.")

  @OptionGroup var profile: ProfileOptions

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Find where the cheapest architecture changes as this workload variable goes from --from to --to.",
      valueName: "variable"))
  var vary: String?

  @Option(name: .long, parsing: .unconditional, help: "Start of the --vary range (not below 0).")
  var from: String = "0"

  @Option(name: .long, parsing: .unconditional, help: "End of the --vary range.")
  var to: String?

  @Option(
    name: .long, parsing: .unconditional, help: "The --vary variable's unit: break-even points are exact to this step.")
  var step: String = "1"

  @Option(
    name: .long, help: "Where other variables' ranges are taken for break-even and sensitivity: low, mid or high.")
  var at: CompiledFormula.RangePoint = .mid

  @OptionGroup var output: OutputOptions<Format>

  @Option(
    name: .customLong("output-dir"),
    help: ArgumentHelp(
      "With --format csv: write compare.csv, break-even.csv and sensitivity.csv into this directory.", valueName: "dir"),
    completion: .directory)
  var outputDirectory: String?

  func validate() throws {
    if outputDirectory != nil && output.format != .csv {
      throw ValidationError("--output-dir writes CSV files: give --format csv")
    }
    if outputDirectory != nil && output.output != nil {
      throw ValidationError("give --output or --output-dir, not both")
    }
    for (name, text) in [("--from", from), ("--step", step)] + (to.map { [("--to", $0)] } ?? []) {
      if case .failure(let problem) = ExactDecimal.parse(text) { throw ValidationError("\(name): \(problem)") }
    }
    if let f = ExactDecimal(from), f.isNegative {
      throw ValidationError("--from \(f) is below 0; workload values are not negative")
    }
    if vary != nil && to == nil { throw ValidationError("--vary needs --to (the end of the range)") }
    if let s = ExactDecimal(step), !(s > .zero) { throw ValidationError("--step must be above zero") }
    if let t = to.flatMap(ExactDecimal.init), let f = ExactDecimal(from), t < f {
      throw ValidationError("--to must not be below --from")
    }
  }

  /// The comparison options these flags describe.
  var options: CompareOptions {
    CompareOptions(
      estimate: profile.estimateOptions, vary: vary, from: ExactDecimal(from)!,
      to: to.flatMap(ExactDecimal.init) ?? .zero,
      step: ExactDecimal(step)!, point: at)
  }

  func run() throws {
    let projects: [ProjectList.Project]?
    do { projects = try profile.projects() } catch { throw exitWithDiagnostics(error) }
    if let projects { return try run(projects) }
    let comparison: Comparison
    do {
      var options = self.options
      let progress = ProgressLine.onTerminal("billcast compare: break-even and sensitivity, by scenario")
      defer { progress?.finish() }
      if let progress { options.progress = { @Sendable share in progress.update(share) } }
      comparison = try Comparer.compare(try profile.resolve(), options: options)
    } catch {
      throw exitWithDiagnostics(error)
    }
    // --output-dir comes with --format csv (validate() says so): three CSV files.
    if let outputDirectory { return try writeFiles(comparison, into: outputDirectory) }
    try output.write(output.format.render(comparison))
  }
}

extension CompareCommand {
  /// Several projects: every one compared on all cores, one report with a section each.
  func run(_ projects: [ProjectList.Project]) throws {
    if output.format == .html || outputDirectory != nil {
      throw ValidationError("html and --output-dir are for one project: give one profile")
    }
    let parts: [ProjectsReport.Part<Comparison>]
    do {
      parts = try ProjectRunner.map(projects) { project throws(DiagnosticError) in
        let comparison = try Comparer.compare(try profile.resolve(path: project.path), options: options)
        return ProjectRunner.part(project, profileName: comparison.estimate.profileName, comparison)
      }
    } catch {
      throw exitWithDiagnostics(error)
    }
    try output.write(output.format.render(parts))
  }

  /// The three CSV tables of a comparison, one file each; every table is rendered before any is written.
  func writeFiles(_ comparison: Comparison, into directory: String) throws {
    let files = [
      ("compare.csv", CompareCSV.render(comparison)), ("break-even.csv", CompareCSV.breakEven(comparison)),
      ("sensitivity.csv", CompareCSV.sensitivity(comparison)),
    ]
    do {
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    } catch {
      ReportFile.writeStandardError(
        "billcast: error: cannot create the directory '\(directory)': \(error.localizedDescription)\n")
      throw ExitCode(ExitStatus.writeFailed)
    }
    for (name, text) in files { try writeReport(text, to: (directory as NSString).appendingPathComponent(name)) }
  }
}

extension CompareCommand {
  /// The formats `compare` writes: every one.
  enum Format: String, ReportFormats {
    case table, markdown, json, csv, html

    /// One profile's comparison in this format.
    func render(_ comparison: Comparison) -> RenderedReport {
      switch self {
      case .table: .table { CompareText.render(comparison) }
      case .markdown: .markdown(CompareText.render(comparison, markdown: true))
      case .json: .document(CompareJSON.render(comparison))
      case .csv: .document(CompareCSV.render(comparison))
      case .html: .document(CompareHTML.render(comparison))
      }
    }

    /// Several projects' comparisons, a section each; `html`, one project's page, is refused
    /// before they are compared, and would be the table.
    func render(_ parts: [ProjectsReport.Part<Comparison>]) -> RenderedReport {
      switch self {
      case .table, .html: .table { ProjectsReport.comparisons(parts, markdown: false) }
      case .markdown: .markdown(ProjectsReport.comparisons(parts, markdown: true))
      case .json: .document(ProjectsReport.json(parts, value: CompareJSON.value))
      case .csv: .document(ProjectsReport.csv(parts, table: CompareCSV.render))
      }
    }
  }
}
