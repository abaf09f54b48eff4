/// Why a formula's text does not parse, and where (a 0-based character offset).
public struct FormulaSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
  /// What is wrong.
  public var message: String
  /// The offset of the offending character in the formula's text.
  public var offset: Int

  /// The error's message.
  public var description: String { message }
}
