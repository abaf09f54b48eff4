import ArgumentParser
import BillcastBuiltIn
import BillcastCore
import BillcastPricing
import BillcastReport
import Foundation

/// Where pricing tables come from.
struct PricingOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "Directory of pricing tables. Order: this flag, else $BILLCAST_PRICING, else the nearest 'pricing' directory above the profile, else ./pricing, else the tables built into billcast.",
      valueName: "dir"), completion: .directory)
  var pricing: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Read only files inside this directory, reached without symbolic links: profiles, templates, plans, pricing tables and reports (for CI on pull requests).",
      valueName: "dir"), completion: .directory)
  var confine: String?

  func validate() throws {
    if let confine, let problem = InputFiles.confine(to: confine) { throw ValidationError("--confine: \(problem)") }
  }

  /// Finds and loads the pricing tables: every region's, or only those `regions` returns (it is
  /// called once the files are parsed, so a profile read meanwhile can name its region).
  func loadCatalog(near profilePath: String?, regions: () -> Set<String>? = { nil }) throws(DiagnosticError)
    -> PricingCatalog
  {
    let environment = ProcessInfo.processInfo.environment
    let directory = directory(near: profilePath)
    let cache = SnapshotCacheLocation.cache(environment: environment)
    let compiled = !SnapshotCacheLocation.isOff(environment: environment)
    var asked: Set<String>?
    let catalog = try Self.load(
      directory: directory,
      regions: {
        asked = regions(); return asked
      }, cache: cache, compiled: compiled)
    // A region the tables lack composed nothing: every region is read, so that the error can list them.
    guard let asked, !asked.isSubset(of: catalog.regions) else { return catalog }
    return try Self.load(directory: directory, regions: { nil }, cache: cache, compiled: compiled)
  }

  /// Loads a directory's tables, or the built-in tables when `directory` is nil; through `cache`
  /// when one is given, and from the snapshot compiled into billcast when `compiled` (`pricing
  /// validate` reads the YAML every time).
  static func load(
    directory: String?, regions: () -> Set<String>? = { nil }, cache: PricingSnapshotCache? = nil,
    compiled: Bool = false
  ) throws(DiagnosticError) -> PricingCatalog {
    guard let directory else {
      return try BuiltInPricing.catalog(regions: regions, cache: cache, compiled: compiled)
    }
    return try PricingCatalog.load(directory: directory, regions: regions, cache: cache)
  }

  /// The pricing directory: `--pricing`, else `$BILLCAST_PRICING`, else the nearest `pricing`
  /// directory above the profile (up to 8 levels), else `./pricing`; nil when none of these
  /// exists, for the tables built into billcast.
  ///
  /// A directory found by searching (not named) is skipped, with a warning, when another user
  /// owns it or can write it: a `pricing/` planted in `/tmp` above a profile must not price it.
  func directory(near profilePath: String?) -> String? {
    if let pricing { return pricing }
    if let env = ProcessInfo.processInfo.environment["BILLCAST_PRICING"], !env.isEmpty { return env }
    if let profilePath {
      var dir = URL(fileURLWithPath: profilePath).standardizedFileURL.deletingLastPathComponent()
      for _ in 0..<8 {
        let candidate = dir.appendingPathComponent("pricing")
        if InputFiles.confinementProblem(candidate.path) == nil, Self.isTrustedDirectory(candidate.path) {
          return relative(candidate.path)
        }
        let parent = dir.deletingLastPathComponent()
        if parent.path == dir.path { break }
        dir = parent
      }
    }
    return Self.isTrustedDirectory("pricing") ? "pricing" : nil
  }

  /// Whether `path` is a directory that only its owner, this user or root, can write, and so is
  /// everything in it (no symbolic link, no file or folder of another user's or that others can
  /// write); warns, naming what failed, when it is a directory that fails that.
  static func isTrustedDirectory(_ path: String) -> Bool {
    var status = stat()
    guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else { return false }
    guard let problem = untrusted(path, status) ?? untrustedEntry(under: path) else { return true }
    ReportFile.writeStandardError(
      "billcast: warning: not using the pricing directory \(ReportFile.quoted(path)): \(problem); name it with --pricing to use it anyway\n"
    )
    return false
  }

  /// Why a file or folder with `status` is not trusted, or nil.
  static func untrusted(_ path: String, _ status: stat) -> String? {
    if status.st_uid != geteuid() && status.st_uid != 0 {
      return "\(ReportFile.quoted(path)) belongs to another user (uid \(status.st_uid))"
    }
    if FileTrust.othersCanWrite(mode: status.st_mode, group: status.st_gid) {
      return "other users can write \(ReportFile.quoted(path))"
    }
    return nil
  }

  /// The first entry under `directory` (at most 10,000 looked at) that is a symbolic link or
  /// is not trusted, with why; nil when every one is.
  static func untrustedEntry(under directory: String) -> String? {
    var pending = [directory]
    var seen = 0
    while let folder = pending.popLast() {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
      for name in names.sorted() {
        seen += 1
        if seen > 10_000 { return "it holds more than 10,000 files and folders" }
        let path = FilePath.joining(folder, name)
        var status = stat()
        guard lstat(path, &status) == 0 else { continue }
        if status.st_mode & S_IFMT == S_IFLNK { return "\(ReportFile.quoted(path)) is a symbolic link" }
        if let problem = untrusted(path, status) { return problem }
        if status.st_mode & S_IFMT == S_IFDIR { pending.append(path) }
      }
    }
    return nil
  }

  /// Whether a directory exists at `path`.
  static func isDirectory(_ path: String) -> Bool {
    if case .success(let status) = FileStatus.of(path) { return status.isDirectory }
    return false
  }

  /// A path relative to the working directory when it lies under it (for stable diagnostics).
  func relative(_ path: String) -> String {
    let cwd = FileManager.default.currentDirectoryPath
    if path.hasPrefix(cwd + "/") { return String(path.dropFirst(cwd.count + 1)) }
    return path
  }
}
