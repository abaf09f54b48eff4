import Foundation

/// A bill written to a temporary file for one test, removed when the value is dropped.
final class BillFile {
  /// The file's path.
  let path: String

  /// Writes `text` (or raw bytes) to a new temporary file named `name`.
  init(_ text: String, name: String = "bill.csv") {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("billcast-bill-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    path = folder.appendingPathComponent(name).path
    try! Data(text.utf8).write(to: URL(fileURLWithPath: path))
  }

  deinit { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
}
