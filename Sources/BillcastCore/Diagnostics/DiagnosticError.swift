import Foundation

/// The problems that stopped a file from loading: every one found, in file order.
public struct DiagnosticError: Error, Sendable, CustomStringConvertible {
  /// The problems, in file order.
  public var diagnostics: [Diagnostic]

  /// Creates an error from the problems found.
  public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

  /// The problems, one per line.
  public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
