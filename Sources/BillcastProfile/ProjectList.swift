import BillcastCore
import Foundation

/// Several profiles priced together, as a `billcast.yml` lists them (`billcast.projects/1`).
///
/// ```yaml
/// format: billcast.projects/1
/// projects:
///   - path: billing/app.yaml        # relative to this file; * and ? in the file name
///     name: app                      # optional: default, the profile's own name
///   - path: billing/workers/*.yaml
/// ```
package struct ProjectList: Sendable {
  /// The format this reader reads.
  package static let formatVersion = "billcast.projects/1"
  /// The most projects one run prices (each with its own pricing tables in memory).
  package static let maximumProjects = 200

  /// One profile to price, with the name its report goes under (nil: the profile's own).
  package struct Project: Sendable, Hashable {
    package var path: String
    package var name: String?

    /// A project at `path`, optionally named.
    package init(path: String, name: String? = nil) {
      self.path = path
      self.name = name
    }
  }

  /// The projects, in the order listed (a glob's matches sorted).
  package var projects: [Project]

  /// Whether the YAML document at `path` is a project list (its `format` says so).
  package static func isProjectList(path: String) -> Bool {
    // A project list names its format, `billcast.projects/1`, in its text; only a double-quoted
    // escape could spell it otherwise. A file with neither is not one, without composing it
    // (the profile it is is composed next, by the profile reader).
    guard let text = try? YAMLDocument.readText(path: path) else { return false }
    if !text.contains(formatVersion) && !text.contains("\\") { return false }
    guard let document = try? YAMLDocument.parse(text, path: path), case .mapping(let mapping) = document.root else {
      return false
    }
    return mapping.contains { $0.key.string == "format" && $0.value.string == formatVersion }
  }

  /// Reads a project list; every problem is a located error.
  package static func read(path: String) throws(DiagnosticError) -> ProjectList {
    let document = try YAMLDocument.load(path: path)
    let diagnostics = DiagnosticCollector()
    let root = YAMLCursor(document: document, diagnostics: diagnostics)
    var projects: [Project] = []
    if let f = root.fields(["format", "projects"], what: "a project list {format: \(formatVersion), projects: […]}") {
      if let format = f.required("format")?.string(), format != formatVersion {
        f["format"]!.error(
          "unsupported format '\(TerminalText.excerpt(format))'; this billcast reads '\(formatVersion)'")
      }
      let directory = FilePath.folder(of: path)
      let items = f.required("projects")?.items("a list of projects {path, name}") ?? []
      if items.isEmpty, let c = f["projects"] { c.error("the list names no project") }
      for item in items {
        guard let pf = item.fields(["path", "name"], what: "a project {path, name}"), let pc = pf.required("path"),
          let pattern = pc.string("a profile path")
        else { continue }
        let name = pf["name"]?.string("a project name")
        let full =
          pattern.hasPrefix("/") || directory.isEmpty
          ? pattern : FilePath.joining(directory, pattern)
        let matches = PathPattern.files(full)
        if matches.isEmpty { pc.error("'\(TerminalText.excerpt(pattern))' names no readable profile") }
        if matches.count > 1, name != nil {
          pf["name"]!.error(
            "a name applies to one profile; '\(TerminalText.excerpt(pattern))' matches \(matches.count)")
        }
        projects += matches.map { Project(path: $0, name: matches.count == 1 ? name : nil) }
      }
    }
    try diagnostics.throwIfErrors()
    return ProjectList(projects: projects)
  }
}
