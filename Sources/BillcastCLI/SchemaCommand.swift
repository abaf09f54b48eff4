import ArgumentParser
import BillcastReport

/// `billcast schema profile|pricing|report`: the JSON Schema of a format, for editors and CI.
struct SchemaCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "schema",
    abstract: "Print the JSON Schema (draft 2020-12) of profiles, pricing files or JSON reports.",
    discussion: """
      Point an editor at it: a profile that starts with
        # yaml-language-server: $schema=profile.schema.json
      is completed and checked by VS Code's YAML extension.
      """)

  @Argument(help: "profile, pricing or report.")
  var kind: JSONSchemas.Kind

  @Option(
    name: .long, help: ArgumentHelp("Write the schema to this file instead of standard output.", valueName: "file"),
    completion: .file())
  var output: String?

  func run() throws {
    try writeReport(JSONSchemas.text(kind), to: output)
  }
}
