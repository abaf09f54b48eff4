import BillcastTestSupport
import Foundation
import Testing

/// Compares a report with its committed golden file under Tests/BillcastCLITests/Golden (where
/// scripts/check-schemas.py and the schema tests find golden JSON); `BILLCAST_RECORD=1`
/// re-records, and a run that records fails, so it cannot pass by accident.
enum ReconcileGolden {
  static let root = TestSupport.repositoryRoot.appendingPathComponent("Tests/BillcastCLITests/Golden")

  static var isRecording: Bool {
    ProcessInfo.processInfo.environment["BILLCAST_RECORD"].map { !$0.isEmpty && $0 != "0" } ?? false
  }

  /// Records an issue naming the first line where `actual` departs from the golden file `name`.
  static func check(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let url = root.appendingPathComponent(name)
    if isRecording || !FileManager.default.fileExists(atPath: url.path) {
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try actual.write(to: url, atomically: true, encoding: .utf8)
      Issue.record(
        "Recorded golden file \(name); review it with `git diff` and run the tests again without BILLCAST_RECORD.",
        sourceLocation: sourceLocation)
      return
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
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
}
