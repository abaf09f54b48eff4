/// A path's folder and last part, split as text at the last `/`.
///
/// Foundation's `NSString.deletingLastPathComponent` traps on Linux on any one-character path
/// (`p`, `*`, `?`), which a profile, a pattern or `--output` may well be; this never does.
package enum FilePath {
  /// The folder holding `path`: empty when it has none (`p.yaml`), `/` for a file at the root.
  package static func folder(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "" }
    let folder = String(path[..<slash])
    return folder.isEmpty ? "/" : folder
  }

  /// The last part of `path`: `t.yml` for `infra/t.yml`.
  package static func name(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return path }
    return String(path[path.index(after: slash)...])
  }

  /// `name` in `folder` (itself when `folder` is empty).
  package static func joining(_ folder: String, _ name: String) -> String {
    folder.isEmpty ? name : folder.hasSuffix("/") ? folder + name : folder + "/" + name
  }
}
