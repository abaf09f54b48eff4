import BillcastTestSupport
import Foundation
import Testing

/// Runs the built `billcast` binary, as a user would.
struct CLIRun {
  var status: Int32
  var stdout: String
  var stderr: String
}

enum CLI {
  /// The built executable, next to the test bundle.
  static let executable: URL = {
    let candidates = [
      Bundle.main.bundleURL.appendingPathComponent("billcast"),
      Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("billcast"),
      TestSupport.repositoryRoot.appendingPathComponent(".build/debug/billcast"),
    ]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
  }()

  /// The pricing-snapshot cache the test runs share, under the build directory (it keeps its 16
  /// newest snapshots; each build of billcast has keys of its own).
  static let snapshotCache = TestSupport.repositoryRoot.appendingPathComponent(".build/test-snapshot-cache").path

  /// The environment for a run that finds its pricing itself, as a user's does (no
  /// `BILLCAST_PRICING`): a `pricing/` the test wrote, or the tables built into billcast. Such a
  /// run asserts no rate of the live tables.
  static let findsItsPricing = ["BILLCAST_PRICING": ""]

  /// Runs `billcast` with arguments in the repository's root directory.
  static func run(
    _ arguments: [String], in directory: URL = TestSupport.repositoryRoot, environment extra: [String: String] = [:]
  ) throws -> CLIRun {
    try runProgram(executable.path, arguments, in: directory, environment: extra)
  }

  /// Runs any program (such as `script`, to give billcast a terminal) the way ``run(_:in:environment:)`` runs billcast.
  static func runProgram(
    _ path: String, _ arguments: [String], in directory: URL = TestSupport.repositoryRoot,
    environment extra: [String: String] = [:]
  ) throws -> CLIRun {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var environment = ProcessInfo.processInfo.environment
    // Every run prices against the frozen test catalog (docs/testing.md), never the live pricing/ or
    // the tables built into billcast, which are its copy: a rate edited in pricing/ changes no golden.
    // Named relative to the repository's root when the run is there, so reports name it the same on
    // every machine; a test about discovery or the built-in tables passes "BILLCAST_PRICING": "".
    environment["BILLCAST_PRICING"] =
      directory.standardizedFileURL.path == TestSupport.repositoryRoot.standardizedFileURL.path
      ? TestSupport.testPricingRelativePath : TestSupport.testPricingPath
    environment["SWIFT_DETERMINISTIC_HASHING"] = nil  // each run its own hash seed: DeterminismTests rely on it
    // The runs share one pricing-snapshot cache of their own (never the user's): the first run of each
    // table set reads the YAML and stores a snapshot, the rest read the snapshot, and both give the goldens.
    environment["BILLCAST_CACHE"] = snapshotCache
    for (k, v) in extra { environment[k] = v }
    process.environment = environment
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CLIRun(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }
}

/// Compares text with a committed golden file; `BILLCAST_RECORD=1` re-records, and a run that records fails.
func assertGolden(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
  let url = goldenRoot.appendingPathComponent(name)
  if isRecording || !FileManager.default.fileExists(atPath: url.path) {
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try actual.write(to: url, atomically: true, encoding: .utf8)
    Issue.record(
      "Recorded golden file \(name); review it with `git diff` and run the tests again without BILLCAST_RECORD.",
      sourceLocation: sourceLocation)
    return
  }
  compareGolden(try String(contentsOf: url, encoding: .utf8), actual, name, sourceLocation: sourceLocation)
}

/// Checks a JSON report against its golden folder `name`: the report cut into slices a reviewer
/// can read (``GoldenSlices``), each compared with its file, and no file missing or left over.
func assertGoldenSlices(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
  let url = goldenRoot.appendingPathComponent(name)
  let slices = GoldenSlices.slices(of: actual)
  #expect(
    slices.map(\.text).joined() == actual, "the slices of \(name) do not join into the report",
    sourceLocation: sourceLocation)
  let fm = FileManager.default
  if isRecording || !fm.fileExists(atPath: url.path) {
    try? fm.removeItem(at: url)
    try fm.createDirectory(at: url, withIntermediateDirectories: true)
    for slice in slices {
      try slice.text.write(to: url.appendingPathComponent(slice.name), atomically: true, encoding: .utf8)
    }
    Issue.record(
      "Recorded golden folder \(name); review it with `git diff` and run the tests again without BILLCAST_RECORD.",
      sourceLocation: sourceLocation)
    return
  }
  let files = Set(try fm.contentsOfDirectory(atPath: url.path).filter { $0.hasSuffix(".part") })
  let names = Set(slices.map(\.name))
  if files != names {
    Issue.record(
      "\(name): the report now cuts into \(names.sorted().joined(separator: ", ")); the golden folder has \(files.sorted().joined(separator: ", ")). If the change is intended, re-record with BILLCAST_RECORD=1 swift test and review the diff.",
      sourceLocation: sourceLocation)
    return
  }
  for slice in slices {
    compareGolden(
      try String(contentsOf: url.appendingPathComponent(slice.name), encoding: .utf8), slice.text,
      "\(name)/\(slice.name)", sourceLocation: sourceLocation)
  }
}

private let goldenRoot = TestSupport.repositoryRoot.appendingPathComponent("Tests/BillcastCLITests/Golden")
private var isRecording: Bool {
  ProcessInfo.processInfo.environment["BILLCAST_RECORD"].map { !$0.isEmpty && $0 != "0" } ?? false
}

/// Records an issue naming the first line where `actual` departs from `expected`.
private func compareGolden(_ expected: String, _ actual: String, _ name: String, sourceLocation: SourceLocation) {
  guard expected != actual else { return }
  let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
  let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
  let first = zip(e, a).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(e.count, a.count)
  Issue.record(
    """
    \(name) differs from its golden file at line \(first + 1):
      golden: \(first < e.count ? String(e[first]) : "<end>")
      actual: \(first < a.count ? String(a[first]) : "<end>")
    If the change is intended, re-record with BILLCAST_RECORD=1 swift test and review the diff.
    """, sourceLocation: sourceLocation)
}
