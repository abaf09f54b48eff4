/// The JSON Schemas (draft 2020-12) of billcast's formats, for editors and for checking files.
///
/// The source is `docs/schemas/`, copied in at build time (`JSONSchemaFiles.swift`, by the
/// `EmbedData` plugin's `embed-text`; docs/generated-code.md). Tests prove each
/// schema accepts exactly the keys the readers accept, and that every example, pricing file
/// and golden report validates.
package enum JSONSchemas {
  /// A format with a schema.
  package enum Kind: String, CaseIterable, Sendable {
    /// A usage profile, `billcast.profile/1`.
    case profile
    /// A pricing file: `billcast.pricing/1`, `billcast.model/1` or `billcast.rates/1`.
    case pricing
    /// A JSON report: estimate, compare, forecast, diff or check.
    case report
  }

  /// The schema's JSON text, ending with a line break.
  package static func text(_ kind: Kind) -> String {
    guard let text = texts[kind.rawValue] else { preconditionFailure("no schema for \(kind)") }
    return text + "\n"
  }
}
