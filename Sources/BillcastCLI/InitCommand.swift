import ArgumentParser
import BillcastCore
import BillcastPricing
import BillcastProfile
import BillcastReport
import Foundation

/// `billcast init`: writes a starter profile for templates, a Terraform plan or a list of services.
struct InitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract:
      "Write a starter profile: an architecture read from CloudFormation templates or a Terraform plan, or one component per service, with every usage input to fill in.",
    discussion:
      "billcast init --cloudformation T... | --terraform-plan PLAN.json | --service S... [--region R] [--output FILE]")

  @Option(
    name: .long, parsing: .upToNextOption,
    help: ArgumentHelp("CloudFormation or SAM templates (YAML or JSON).", valueName: "template"))
  var cloudformation: [String] = []

  @Option(
    name: .customLong("terraform-plan"),
    help: ArgumentHelp("The JSON of terraform show -json PLANFILE.", valueName: "plan"))
  var terraformPlan: String?

  @Option(
    name: .long, parsing: .upToNextOption,
    help: ArgumentHelp("Services to write components for, like aws.lambda.", valueName: "service"))
  var service: [String] = []

  @Option(name: .long, help: "The region to price in.")
  var region: String = "us-east-1"

  @Option(
    name: .long, help: ArgumentHelp("Write the profile to this file instead of standard output.", valueName: "file"))
  var output: String?

  @Flag(name: .long, help: "Replace the --output file if it exists (never one of the templates or plans read).")
  var force = false

  @OptionGroup var pricing: PricingOptions

  func validate() throws {
    let given = [!cloudformation.isEmpty, terraformPlan != nil, !service.isEmpty].filter { $0 }.count
    if given != 1 { throw ValidationError("give exactly one of --cloudformation, --terraform-plan or --service") }
  }

  func run() throws {
    do {
      let catalog = try pricing.loadCatalog(near: output)
      try checkRegionAndServices(catalog)
      let text: String
      if !service.isEmpty {
        text = StarterProfile.fromServices(service, catalog: catalog, region: region)
      } else {
        let kind: TemplateSource.Kind = terraformPlan == nil ? .cloudFormation : .terraformPlan
        let files = terraformPlan.map { [$0] } ?? cloudformation
        var warnings: [Diagnostic] = []
        let entries = try TemplateInventory.read(kind, files: files, region: region, warnings: &warnings)
        if !warnings.isEmpty { ReportFile.writeStandardError(DiagnosticText.render(warnings)) }
        text = StarterProfile.fromTemplates(
          kind, patterns: files.map { relativeToOutput($0) }, entries: entries, catalog: catalog, region: region)
      }
      try writeReport(text, to: output, replacing: force ? .anythingButInputs : .nothing)
    } catch let error as DiagnosticError {
      throw exitWithDiagnostics(error)
    }
  }

  /// The region has pricing tables and each `--service` is a service priced there; else every
  /// problem at once, with suggestions.
  func checkRegionAndServices(_ catalog: PricingCatalog) throws(DiagnosticError) {
    var problems: [Diagnostic] = []
    let regions = catalog.regions
    if !regions.contains(region) {
      problems.append(
        Diagnostic(
          file: "--region",
          message:
            "no pricing tables for region '\(TerminalText.excerpt(region))'\(Spelling.hint(for: region, among: regions)); tables exist for: \(regions.joined(separator: ", "))"
        ))
    } else {
      let known = Set(catalog.tables(for: region).flatMap { $0.services.map(\.id) })
      for id in service where !known.contains(id) {
        problems.append(
          Diagnostic(
            file: "--service",
            message:
              "'\(TerminalText.excerpt(id))' is not a service priced in \(region)\(Spelling.hint(for: id, among: known)); `billcast pricing list` shows them"
          ))
      }
    }
    if !problems.isEmpty { throw DiagnosticError(problems) }
  }

  /// A template path as the profile will name it: relative to the profile's folder, which is
  /// where the profile's paths are read from (`infra/t.yml` becomes `../infra/t.yml` for
  /// `--output billing/profile.yaml`).
  func relativeToOutput(_ path: String) -> String {
    guard let output, !path.hasPrefix("/") else { return path }
    let cwd = FileManager.default.currentDirectoryPath
    return RelativePath.path(
      of: RelativePath.absolute(path, in: cwd),
      from: RelativePath.absolute(
        FilePath.folder(of: output), in: cwd))
  }
}
