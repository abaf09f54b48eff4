import BillcastCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A write that failed: the path (or stream) and the system's reason.
struct WriteFailure: Error, CustomStringConvertible {
  /// The file or stream that could not be written, as the user named it.
  var target: String
  /// Why, in the system's words (`strerror`), or billcast's where it refused.
  var reason: String

  /// `cannot write 'PATH': REASON`.
  var description: String { "cannot write \(target): \(reason)" }

  static func errno(_ target: String, _ code: Int32 = currentErrno()) -> WriteFailure {
    WriteFailure(target: target, reason: String(cString: strerror(code)))
  }
}
