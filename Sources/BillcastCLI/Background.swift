import BillcastCore
import Dispatch
import Foundation

/// A value computed on another thread, started at once and awaited with ``value()``.
///
/// `@unchecked Sendable`: `result` is written once, before the semaphore is signalled, and read
/// only after waiting on it, so the semaphore orders every read after the write.
final class Background<Value: Sendable>: @unchecked Sendable {
  private let done = DispatchSemaphore(value: 0)
  private var result: Result<Value, DiagnosticError>?

  /// Starts `work` on a global queue.
  init(_ work: @escaping @Sendable () throws(DiagnosticError) -> Value) {
    DispatchQueue.global().async {
      self.result = Result { () throws(DiagnosticError) in try work() }
      self.done.signal()
    }
  }

  /// Waits for the work to finish and returns its value or throws its error (as often as asked).
  func value() throws(DiagnosticError) -> Value {
    done.wait()
    done.signal()  // let the next caller through too
    return try result!.get()
  }
}
