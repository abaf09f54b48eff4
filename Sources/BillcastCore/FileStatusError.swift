#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Why `stat(2)` failed.
package struct FileStatusError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The `errno` value.
  package var code: Int32
  /// The system's message for the error, like "No such file or directory".
  package var description: String { String(cString: strerror(code)) }
}
