// embed-text: copies files' exact texts into a Swift source file, at build time.
//
//   embed-text KIND OUTPUT DIRECTORY
//
// The EmbedData plugin runs it (docs/generated-code.md) with:
//   pricing-files         pricing/: BillcastBuiltIn's BuiltInPricingFiles.swift, every **/*.yaml
//   resource-definitions  pricing/: BillcastProfile's BuiltInResourceDefinitions.swift, every **/resources.yaml
//   schemas               docs/schemas/: BillcastReport's JSONSchemaFiles.swift, every *.schema.json, by kind
// It lists the files itself, sorted by their path relative to DIRECTORY. Foundation only.
import EmbedSupport
import Foundation

/// A Swift string literal holding `text` (a path or a name: one line).
func quoted(_ text: String) -> String {
  "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
}

/// An array literal's elements, one per line, or nothing when there are none.
func elements(_ entries: [String]) -> String {
  entries.isEmpty ? "" : "\n" + entries.joined(separator: "\n") + "\n  "
}

/// The generated file's first lines (``EmbeddedFiles/header(tool:source:)``).
func header(_ source: String) -> String { EmbeddedFiles.header(tool: "embed-text", source: source) }

/// Which files of the directory `kind` embeds, and the Swift source holding them.
func generator(_ kind: String) -> (keep: (String) -> Bool, render: ([(path: String, text: String)]) -> String)? {
  switch kind {
  case "pricing-files":
    return (
      EmbeddedFiles.isPricingFile,
      { files in
        let entries = files.map {
          "    File(\n      path: \(quoted($0.path)),\n      text: \(EmbeddedFiles.literal($0.text))),"
        }
        return header("pricing/") + "extension BuiltInPricing {\n  /// Each pricing file, by its path under pricing/.\n"
          + "  static let files: [File] = [" + elements(entries) + "]\n}\n"
      }
    )
  case "resource-definitions":
    return (
      { $0 == "resources.yaml" || $0.hasSuffix("/resources.yaml") },
      { files in
        let entries = files.map {
          "    (\n      path: \(quoted($0.path)),\n      text: \(EmbeddedFiles.literal($0.text))),"
        }
        return header("pricing/**/resources.yaml")
          + "/// The resource definitions in pricing/ (every resources.yaml): each one's path under pricing/ and text.\n"
          + "enum BuiltInResourceDefinitions {\n  /// The files, sorted by path.\n"
          + "  static let files: [(path: String, text: String)] = [" + elements(entries) + "]\n}\n"
      }
    )
  case "schemas":
    return (
      { !$0.contains("/") && $0.hasSuffix(".schema.json") },
      { files in
        let entries = files.map { file in
          let text = String(file.text.reversed().drop { $0 == "\n" }.reversed())
          return "    \(quoted(String(file.path.dropLast(".schema.json".count)))): \(EmbeddedFiles.literal(text)),"
        }
        return header("docs/schemas/") + "extension JSONSchemas {\n  /// Each schema's text, by kind.\n"
          + "  static let texts: [String: String] = [" + elements(entries) + "]\n}\n"
      }
    )
  default:
    return nil
  }
}

/// The command: `embed-text KIND OUTPUT DIRECTORY`.
@main enum EmbedText {
  static func main() {
    let arguments = Array(CommandLine.arguments.dropFirst())
    guard arguments.count == 3, let generate = generator(arguments[0]) else {
      EmbeddedFiles.fail("usage: embed-text pricing-files|resource-definitions|schemas OUTPUT DIRECTORY", status: 64)
    }
    do {
      let files = try EmbeddedFiles.read(under: arguments[2], keep: generate.keep)
      try EmbeddedFiles.write(generate.render(files), to: arguments[1])
    } catch {
      EmbeddedFiles.fail("embed-text: \(error)", status: 1)
    }
  }
}
