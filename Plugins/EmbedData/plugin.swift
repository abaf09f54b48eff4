import Foundation
import PackagePlugin

/// Generates, at build time, the Swift sources that copy data kept in git (docs/generated-code.md).
///
/// - BillcastBuiltIn: `BuiltInPricingFiles.swift` (embed-text: every `pricing/**/*.yaml`, path
///   and exact text) and `BuiltInSnapshot.swift` (embed-pricing-snapshot: those tables read with
///   every check and compiled, with their earliest effective date and their digest).
/// - BillcastProfile: `BuiltInResourceDefinitions.swift` (embed-text: every `pricing/**/resources.yaml`).
/// - BillcastReport: `JSONSchemaFiles.swift` (embed-text: `docs/schemas/*.schema.json`).
///
/// Each command's inputs are every file and folder under its directory: editing a file reruns it.
/// Adding or removing one makes SwiftPM run this plugin again (each target holds a link to the
/// folder it reads: Package.swift), and the tools list the files themselves. Only this package's
/// tools run: no network.
@main struct EmbedData: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
    let root = context.package.directoryURL
    let pricing = root.appending(path: "pricing")
    let work = context.pluginWorkDirectoryURL
    let text = try context.tool(named: "embed-text").url
    switch target.name {
    case "BillcastBuiltIn":
      let snapshot = try context.tool(named: "embed-pricing-snapshot").url
      return [
        Self.command(text, ["pricing-files"], work.appending(path: "BuiltInPricingFiles.swift"), pricing),
        Self.command(snapshot, [], work.appending(path: "BuiltInSnapshot.swift"), pricing),
      ]
    case "BillcastProfile":
      return [
        Self.command(text, ["resource-definitions"], work.appending(path: "BuiltInResourceDefinitions.swift"), pricing)
      ]
    case "BillcastReport":
      return [
        Self.command(
          text, ["schemas"], work.appending(path: "JSONSchemaFiles.swift"), root.appending(path: "docs/schemas"))
      ]
    default:
      throw PluginError("EmbedData has nothing to generate for target \(target.name)")
    }
  }

  /// A command running `tool` with `arguments`, then the output and the directory it reads;
  /// every file and folder under the directory (and the directory) is an input.
  static func command(_ tool: URL, _ arguments: [String], _ output: URL, _ directory: URL) -> Command {
    .buildCommand(
      displayName: "Generating \(output.lastPathComponent) from \(directory.lastPathComponent)/",
      executable: tool,
      arguments: arguments + [output.path(percentEncoded: false), directory.path(percentEncoded: false)],
      inputFiles: [directory] + contents(of: directory),
      outputFiles: [output])
  }

  /// Every file and folder under `directory`, at any depth.
  static func contents(of directory: URL) -> [URL] {
    guard let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) else {
      return []
    }
    return enumerator.compactMap { $0 as? URL }
  }
}

/// A plugin failure, as SwiftPM prints it.
struct PluginError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}
