import ArgumentParser
import BillcastCore
import BillcastEngine
import BillcastProfile

/// The options every command that prices a profile shares.
struct ProfileOptions: ParsableArguments {
  @Argument(
    help: ArgumentHelp(
      "The usage profile (YAML). Several profiles, or a billcast.yml listing them (billcast.projects/1), give one report with a section per project.",
      valueName: "profile"),
    completion: ProfileCompletion.profiles)
  var profiles: [String] = []

  /// The first profile: the one a single-project command prices.
  var profile: String { profiles.first ?? "" }

  @OptionGroup var scenarios: ScenarioSelection
  @OptionGroup var architectures: ArchitectureSelection

  @Option(
    name: .customLong("as-of"),
    help: ArgumentHelp(
      "Price with the rules in force on this date (YYYY-MM-DD); default: the profile's as_of, else today.",
      valueName: "date"), transform: CalendarDate.argument)
  var asOf: CalendarDate?

  @OptionGroup var account: FreeTierOption

  @OptionGroup var pricing: PricingOptions

  /// Loads the profile and the pricing tables and checks one against the other.
  ///
  /// The profile is read on another thread while the tables load (they do not depend on
  /// it: the pricing directory comes from the flags and the profile's path). A profile with
  /// errors reports only those, as if it had been read first.
  func resolve(path: String? = nil) throws(DiagnosticError) -> ResolvedProfile {
    let path = path ?? self.profile
    let reading = Background { () throws(DiagnosticError) in Profile.reading(path: path) }
    // Only the profile's region is composed (with the global tables): the others' rates are parsed
    // while the profile is read, but not composed with the models.
    let catalog = Result { () throws(DiagnosticError) in
      try pricing.loadCatalog(near: path, regions: { (try? reading.value())?.profile.map { [$0.region] } })
    }
    let profile = try reading.value()
    // A profile with errors reports those (and, when the tables load, its problems against them).
    guard case .success(let tables) = catalog else {
      if profile.hasErrors { throw DiagnosticError(profile.diagnostics) }
      return try ResolvedProfile.resolve(profile, catalog: try catalog.get(), architectures: architectures.selected)
    }
    return try ResolvedProfile.resolve(profile, catalog: tables, architectures: architectures.selected)
  }

  /// The estimate options these flags describe.
  var estimateOptions: EstimateOptions {
    EstimateOptions(
      asOf: asOf, today: CalendarDate.today(), freeTier: account.freeTier, scenarios: scenarios.selected,
      architectures: architectures.selected)
  }

  func validate() throws {
    if profiles.isEmpty { throw ValidationError("give a profile (or several, or a billcast.yml that lists them)") }
  }

  /// The projects to price: nil for one profile (the usual report); else each profile named,
  /// with the profiles of each project list (`billcast.projects/1`) in its place.
  func projects() throws(DiagnosticError) -> [ProjectList.Project]? {
    let lists = profiles.map(ProjectList.isProjectList(path:))
    if profiles.count == 1 && !lists[0] { return nil }
    var projects: [ProjectList.Project] = []
    var problems: [Diagnostic] = []
    for (path, isList) in zip(profiles, lists) {
      guard isList else { projects.append(.init(path: path)); continue }
      do throws(DiagnosticError) { projects += try ProjectList.read(path: path).projects } catch {
        problems += error.diagnostics
      }
    }
    if projects.count > ProjectList.maximumProjects {
      problems.append(
        Diagnostic(
          file: profiles.joined(separator: ", "),
          message:
            "these name \(projects.count) projects; one run prices at most \(ProjectList.maximumProjects) (each with its own pricing tables): split them across runs"
        ))
    }
    if !problems.isEmpty { throw DiagnosticError(problems) }
    return projects
  }
}
