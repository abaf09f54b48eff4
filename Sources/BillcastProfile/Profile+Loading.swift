import BillcastCore
import Foundation

extension Profile {
  /// Loads a profile file, reporting every problem in it at once.
  public static func load(path: String, limits: YAMLLimits = .standard) throws(DiagnosticError) -> Profile {
    let document = try YAMLDocument.load(path: path, limits: limits)
    return try read(document)
  }

  /// Reads a composed document, reporting every problem in it at once.
  package static func read(_ document: YAMLDocument) throws(DiagnosticError) -> Profile {
    let reading = reading(document)
    if reading.hasErrors { throw DiagnosticError(reading.diagnostics) }
    return reading.profile!
  }

  /// A profile read as far as its problems allow, with every problem found: for checking it
  /// against the pricing tables too before reporting (``ResolvedProfile/resolve(_:catalog:)-(Reading,_)``).
  public struct Reading: Sendable {
    /// The profile, with what could be read; nil when the file is not a profile at all.
    public var profile: Profile?
    /// Every problem found, in file order.
    public var diagnostics: [Diagnostic]
    /// Whether any problem is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
  }

  /// Reads a profile file as far as it goes.
  public static func reading(path: String, limits: YAMLLimits = .standard) -> Reading {
    do {
      return reading(try YAMLDocument.load(path: path, limits: limits))
    } catch {
      return Reading(profile: nil, diagnostics: error.diagnostics)
    }
  }

  /// Reads a composed document as far as it goes.
  package static func reading(_ document: YAMLDocument) -> Reading {
    let collector = DiagnosticCollector()
    let profile = ProfileReader(diagnostics: collector).read(document)
    return Reading(profile: profile, diagnostics: collector.errors)
  }
}
