import Foundation

/// The files this process has read as input (profiles, templates, plans, pricing tables,
/// saved reports, offers), by identity, so that no command writes its output over one of them.
///
/// Readers record each file they open; ``contains(_:)`` answers for a path about to be written,
/// whatever name or link leads to it.
package enum InputFiles {
  private static let lock = NSLock()
  nonisolated(unsafe) private static var identities: Set<Identity> = []

  struct Identity: Hashable {
    var device: UInt64
    var inode: UInt64
  }

  /// Records the file at `path` as read (nothing when it cannot be looked at).
  package static func record(_ path: String) {
    guard case .success(let status) = FileStatus.of(path) else { return }
    record(status)
  }

  /// Records a file already looked at as read.
  package static func record(_ status: FileStatus) {
    lock.withLock { _ = identities.insert(Identity(device: status.device, inode: status.inode)) }
  }

  /// Whether the file at `path` (after following links) is one this process read.
  package static func contains(_ path: String) -> Bool {
    guard case .success(let status) = FileStatus.of(path) else { return false }
    return lock.withLock { identities.contains(Identity(device: status.device, inode: status.inode)) }
  }
}
