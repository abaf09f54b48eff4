import BillcastCore
import Foundation

/// The exports of the templates beside an architecture's that the architecture leaves out: read
/// only when an `Fn::ImportValue` finds no export, to say which file defines it.
final class SiblingExports {
  /// The architecture's own files, which are not siblings.
  private var architecture: Set<String>
  /// Each folder's exports (name → file and output), read on first use.
  private var folders: [String: [String: (file: String, output: String)]] = [:]

  /// The most files of a folder read for exports, and the extensions read.
  static let maximumFiles = 64
  static let extensions: Set<String> = ["yaml", "yml", "json", "template"]

  init(architecture files: [String]) {
    architecture = Set(files.map { URL(fileURLWithPath: $0).standardizedFileURL.path })
  }

  /// Counts `files` (the nested templates read) as the architecture's own.
  func include(_ files: [String]) {
    architecture.formUnion(files.map { URL(fileURLWithPath: $0).standardizedFileURL.path })
  }

  /// A clause naming the sibling of `template` that exports `name` and how to include it; empty
  /// when none does.
  func hint(for name: String, beside template: String) -> String {
    let folder = FilePath.folder(of: template)
    if folders[folder] == nil { folders[folder] = read(folder) }
    guard let (file, output) = folders[folder]?[name] else { return "" }
    return
      "; \(file) exports it (Outputs.\(output)) but is not part of the architecture: add it to the architecture's cloudformation list (or to billcast init's --cloudformation)"
  }

  private func read(_ folder: String) -> [String: (file: String, output: String)] {
    let directory = folder.isEmpty ? "." : folder
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    var exports: [String: (file: String, output: String)] = [:]
    for name in names.sorted().filter({ Self.extensions.contains(($0 as NSString).pathExtension.lowercased()) })
      .prefix(Self.maximumFiles)
    {
      let path = folder.isEmpty ? name : FilePath.joining(folder, name)
      guard !architecture.contains(URL(fileURLWithPath: path).standardizedFileURL.path) else { continue }
      // A file that is not a template (or not readable, or outside --confine) simply exports nothing.
      guard
        let template = CloudFormationTemplate.load(path: path, limits: .standard, diagnostics: DiagnosticCollector())
      else { continue }
      for (output, node) in template.outputs {
        if let export = node["Export"]?["Name"]?.text, exports[export] == nil { exports[export] = (path, output) }
      }
    }
    return exports
  }
}
