import BillcastCore

/// Paths relative to a folder, computed on their text (no links followed), as a profile names
/// the templates beside it.
enum RelativePath {
  /// `path` made absolute against `directory` (itself absolute), with `.` and `..` folded.
  static func absolute(_ path: String, in directory: String) -> String {
    InputFiles.normalized(path.hasPrefix("/") ? path : directory + "/" + path)
  }

  /// The path of `target` (absolute) as seen from `folder` (absolute): `../infra/t.yml`.
  static func path(of target: String, from folder: String) -> String {
    let to = target.split(separator: "/"), from = folder.split(separator: "/")
    var common = 0
    while common < min(to.count, from.count), to[common] == from[common] { common += 1 }
    let up = Array(repeating: "..", count: from.count - common)
    return (up + to[common...].map(String.init)).joined(separator: "/")
  }
}
