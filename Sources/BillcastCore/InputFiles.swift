import Foundation

/// The files this process has read as input (profiles, templates, plans, pricing tables,
/// saved reports, offers), by identity, so that no command writes its output over one of them.
///
/// Readers record each file they open; ``contains(_:)`` answers for a path about to be written,
/// whatever name or link leads to it.
package enum InputFiles {
  private static let lock = NSLock()
  nonisolated(unsafe) private static var identities: Set<Identity> = []
  nonisolated(unsafe) private static var root: String?
  nonisolated(unsafe) private static var filesRead = 0
  nonisolated(unsafe) private static var bytesRead = 0

  /// The most input files one run reads (each project re-reads its pricing tables).
  package static let maximumFiles = 10_000
  /// The most bytes of input one run reads, all files together.
  package static let maximumBytes = 512 << 20

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

  // MARK: The run's budget

  /// Counts a file of `bytes` against the run's budget; why not, when it would pass
  /// ``maximumFiles`` or ``maximumBytes`` (the file is then not read).
  package static func charge(bytes: Int) -> String? {
    lock.withLock {
      if filesRead + 1 > maximumFiles {
        return
          "this run has read \(filesRead) input files, the most one run reads (\(maximumFiles)); price fewer projects or templates at once"
      }
      if bytesRead + bytes > maximumBytes {
        return
          "this run has read \(bytesRead) bytes of input; this file's \(bytes) would pass the limit of \(maximumBytes) bytes for one run"
      }
      filesRead += 1
      bytesRead += bytes
      return nil
    }
  }

  // MARK: Confinement

  /// Confines every later read to files inside `directory`, reached without symbolic links
  /// (`--confine`: a pull request's profile must not make billcast read, and quote, a file of
  /// the machine it runs on). Returns why not, when the directory cannot be used.
  package static func confine(to directory: String) -> String? {
    guard let real = realPath(directory) else { return "cannot find the directory '\(directory)'" }
    guard case .success(let status) = FileStatus.of(real), status.isDirectory else {
      return "'\(directory)' is not a directory"
    }
    lock.withLock { root = real }
    return nil
  }

  /// Why `path` may not be read under the confinement, or nil when it may (or nothing is confined).
  ///
  /// A path may be read when it lies inside the confined directory and no part of it below the
  /// working directory is a symbolic link: its real path is the path itself, made absolute.
  package static func confinementProblem(_ path: String) -> String? {
    guard let root = lock.withLock({ root }) else { return nil }
    guard let real = realPath(path) else { return nil }  // missing: the reader says so, reading nothing
    let cwd = realPath(".") ?? "/"
    let literal = normalized(path.hasPrefix("/") ? path : cwd + "/" + path)
    if real != root && !real.hasPrefix(root == "/" ? "/" : root + "/") {
      return "it is outside \(root), the directory --confine allows; not read"
    }
    if real != literal { return "it is reached through a symbolic link, which --confine does not follow; not read" }
    return nil
  }

  /// The real path of `path` (links resolved), or nil when it does not exist.
  static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// An absolute path with `.`, `..` and repeated slashes folded, as text (no link followed).
  package static func normalized(_ path: String) -> String {
    var parts: [Substring] = []
    for part in path.split(separator: "/") {
      switch part {
      case ".": continue
      case "..": if !parts.isEmpty { parts.removeLast() }
      default: parts.append(part)
      }
    }
    return "/" + parts.joined(separator: "/")
  }
}
