import Foundation

/// What the build-time generators (embed-text, embed-pricing-snapshot) share: which files they
/// embed, how a text becomes a Swift literal, and how the generated file is written.
public enum EmbeddedFiles {
  /// The regular files under `directory` whose path relative to it `keep` accepts: each one's
  /// relative path and exact text, sorted by path.
  ///
  /// The generators list the files themselves (the plugin only names the folder), so a file
  /// added since SwiftPM last ran the plugin is still embedded.
  public static func read(under directory: String, keep: (String) -> Bool) throws -> [(path: String, text: String)] {
    let root = URL(fileURLWithPath: directory).standardizedFileURL.path
    let prefix = root.hasSuffix("/") ? root : root + "/"
    guard let enumerator = FileManager.default.enumerator(atPath: root) else {
      throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: root])
    }
    var paths: [String] = []
    while let relative = enumerator.nextObject() as? String {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: prefix + relative, isDirectory: &isDirectory), !isDirectory.boolValue
      else { continue }
      if keep(relative) { paths.append(relative) }
    }
    return try paths.sorted().map { (path: $0, text: try String(contentsOfFile: prefix + $0, encoding: .utf8)) }
  }

  /// Every `*.yaml` file at any depth but a service's resource definitions and fixtures
  /// (`resources.yaml`, `fixtures.yaml`): the pricing files built into billcast.
  public static func isPricingFile(_ relative: String) -> Bool {
    let name = relative.split(separator: "/").last.map(String.init) ?? relative
    return relative.hasSuffix(".yaml") && name != "resources.yaml" && name != "fixtures.yaml"
  }

  /// A Swift raw multi-line string literal holding `text` exactly.
  public static func literal(_ text: String) -> String {
    var hashes = "#"
    while text.contains("\"\"\"" + hashes) || text.contains("\\" + hashes) { hashes += "#" }
    // A multi-line literal drops the line break before its closing delimiter: add one back.
    return "\(hashes)\"\"\"\n\(text)\n\"\"\"\(hashes)"
  }

  /// A generated file's first lines: not formatted, not to be edited, and which tool made it
  /// from what.
  public static func header(tool: String, source: String) -> String {
    "// swift-format-ignore-file\n// Generated at build time by \(tool) from \(source) (Plugins/EmbedData): do not edit.\n\n"
  }

  /// Writes `text` to `path` unless it already holds it, so nothing that depends on it rebuilds.
  public static func write(_ text: String, to path: String) throws {
    if (try? String(contentsOfFile: path, encoding: .utf8)) == text { return }
    try text.write(toFile: path, atomically: true, encoding: .utf8)
  }

  /// Prints `message` on standard error and exits with `status`.
  public static func fail(_ message: String, status: Int32) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(status)
  }
}
