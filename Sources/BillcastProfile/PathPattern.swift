import BillcastCore
import Foundation

/// Paths with `*` (any run) and `?` (any one character) in their last part, as profiles give
/// templates and project lists give profiles.
enum PathPattern {
  /// Whether the path's last part has a wildcard.
  static func hasWildcard(_ path: String) -> Bool {
    let name = split(path).name
    return name.contains("*") || name.contains("?")
  }

  /// A path's folder (empty for none) and last part (``FilePath``: no Foundation path method,
  /// which trapped on a one-character pattern such as `*`).
  static func split(_ path: String) -> (folder: String, name: String) {
    (FilePath.folder(of: path), FilePath.name(of: path))
  }

  /// The regular files `path` names: itself, or every match of its last part, sorted.
  static func files(_ path: String) -> [String] {
    func isFile(_ p: String) -> Bool {
      if case .success(let s) = FileStatus.of(p) { return s.isRegularFile } else { return false }
    }
    guard hasWildcard(path) else { return isFile(path) ? [path] : [] }
    let (folder, name) = split(path)
    return ((try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? [])
      .filter { matches($0, pattern: name) }.sorted()
      .map { FilePath.joining(folder, $0) }
      .filter(isFile)
  }

  /// Whether `name` matches a pattern of literal characters, `*` (any run) and `?` (any one).
  static func matches(_ name: String, pattern: String) -> Bool {
    let n = Array(name), p = Array(pattern)
    var i = 0, j = 0, star = -1, mark = 0
    while i < n.count {
      if j < p.count && (p[j] == "?" || p[j] == n[i]) {
        i += 1
        j += 1
      } else if j < p.count && p[j] == "*" {
        star = j
        mark = i
        j += 1
      } else if star >= 0 {
        j = star + 1
        mark += 1
        i = mark
      } else {
        return false
      }
    }
    while j < p.count && p[j] == "*" { j += 1 }
    return j == p.count
  }
}
