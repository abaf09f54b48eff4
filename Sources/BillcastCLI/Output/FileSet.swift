import BillcastCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes several files all or nothing: what `pricing import` and `pricing export` write.
///
/// 1. Every target is checked first: a symbolic link (existing or dangling) is refused, as is
///    anything but a regular file; with ``Mode/replace`` a file owned by another user is refused
///    unless billcast runs as root (which keeps the owner); with ``Mode/create`` any existing
///    target is refused.
/// 2. Every file is staged: written in full, synced and given its mode (and owner) as a
///    temporary beside its target, `.NAME.billcast-new`, created with `O_EXCL | O_NOFOLLOW` (a
///    temporary left by an interrupted run is in the way, and named, rather than reused).
/// 3. Only then are the temporaries moved into place: renamed over the targets (replace), or
///    linked to them, which fails on anything there, dangling links included (create).
///
/// A failure before step 3 removes every temporary and changes nothing. Step 3 is a rename
/// within each directory, which fails only if the file system does; a failure there still
/// removes the temporaries not yet moved and names what was and was not written.
enum FileSet {
  /// What the write may do to a target.
  enum Mode {
    /// Create the file or replace a regular file the user owns (root: any, owner kept).
    case replace
    /// Create the file; anything at its path is an error.
    case create
  }

  /// One file staged beside its target.
  private struct Staged {
    var path: String
    var temporary: String
  }

  /// Writes every file, or none (a test makes a write fail with a directory in place of a
  /// temporary's name, as a full disk or a read-only file would).
  static func write(_ files: [(path: String, text: String)], mode: Mode) throws(WriteFailure) {
    var signals = sigset_t(), previous = sigset_t()
    sigemptyset(&signals)
    for s in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&signals, s) }
    pthread_sigmask(SIG_BLOCK, &signals, &previous)
    defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }

    let owners = try files.map { (file) throws(WriteFailure) in try check(file.path, mode: mode) }
    var staged: [Staged] = []
    var moved = 0
    defer {
      for s in staged[moved...] { unlink(s.temporary) }
    }
    for (file, old) in zip(files, owners) {
      staged.append(try stage(file.text, for: file.path, keeping: old))
    }
    for s in staged {
      if mode == .create {
        guard link(s.temporary, s.path) == 0 else { throw partial(.errno(quoted(s.path)), staged, moved) }
        unlink(s.temporary)
      } else {
        guard rename(s.temporary, s.path) == 0 else { throw partial(.errno(quoted(s.path)), staged, moved) }
      }
      moved += 1
    }
  }

  /// The target's status to keep (nil for a new file), or why it may not be written.
  private static func check(_ path: String, mode: Mode) throws(WriteFailure) -> stat? {
    var status = stat()
    guard lstat(path, &status) == 0 else {
      let code = errno
      guard code == ENOENT else { throw .errno(quoted(path), code) }
      return nil
    }
    switch status.st_mode & S_IFMT {
    case S_IFLNK:
      throw WriteFailure(target: quoted(path), reason: "it is a symbolic link; billcast does not write through links")
    case S_IFREG:
      break
    default:
      throw WriteFailure(target: quoted(path), reason: "it is not a regular file")
    }
    if mode == .create { throw WriteFailure(target: quoted(path), reason: "it exists; billcast does not replace it") }
    let me = geteuid()
    if me != 0 && status.st_uid != me {
      throw WriteFailure(
        target: quoted(path),
        reason:
          "it is owned by uid \(status.st_uid), not by you (uid \(me)); billcast replaces only your own files (as root, it keeps the owner)"
      )
    }
    return status
  }

  /// Writes `text` to a new temporary beside `path`, with `old`'s mode and owner (or the usual
  /// mode of a new file), synced.
  private static func stage(_ text: String, for path: String, keeping old: stat?) throws(WriteFailure) -> Staged {
    let slash = path.lastIndex(of: "/")
    let directory = slash.map { String(path[..<$0]) } ?? "."
    let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
    let temporary = (directory.isEmpty ? "" : directory + "/") + "." + name + ".billcast-new"
    let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
    guard fd >= 0 else {
      let code = errno
      if code == EEXIST {
        throw WriteFailure(
          target: quoted(path),
          reason:
            "\(quoted(temporary)) is in the way (left by an interrupted run?); remove it and run again. Nothing was written"
        )
      }
      throw WriteFailure(target: quoted(path), reason: String(cString: strerror(code)) + "; nothing was written")
    }
    let staged = Staged(path: path, temporary: temporary)
    var closed = false
    do throws(WriteFailure) {
      defer { if !closed { close(fd) } }
      if let old {
        // Root keeps the owner (and must be able to); a user keeps the group where permitted.
        if geteuid() == 0 {
          guard fchown(fd, old.st_uid, old.st_gid) == 0 else { throw WriteFailure.errno(quoted(path)) }
        } else {
          _ = fchown(fd, old.st_uid, old.st_gid)
        }
        guard fchmod(fd, old.st_mode & 0o7777) == 0 else { throw WriteFailure.errno(quoted(path)) }
      } else {
        let mask = umask(0o022)
        umask(mask)
        guard fchmod(fd, 0o666 & ~mask) == 0 else { throw WriteFailure.errno(quoted(path)) }
      }
      try ReportFile.writeAll(fd: fd, text, target: quoted(path))
      guard fsync(fd) == 0 else { throw WriteFailure.errno(quoted(path)) }
      closed = true
      guard close(fd) == 0 else { throw WriteFailure.errno(quoted(path)) }
    } catch {
      unlink(temporary)
      throw WriteFailure(target: error.target, reason: error.reason + "; nothing was written")
    }
    return staged
  }

  /// A failure while moving the files into place: what was and was not written.
  private static func partial(_ failure: WriteFailure, _ staged: [Staged], _ moved: Int) -> WriteFailure {
    let done = staged[..<moved].map { quoted($0.path) }
    return WriteFailure(
      target: failure.target,
      reason: failure.reason
        + (done.isEmpty ? "; nothing was written" : "; already written: \(done.joined(separator: ", "))"))
  }

  private static func quoted(_ path: String) -> String { ReportFile.quoted(path) }

  /// Creates the directories `paths` need below `root` (which must exist), one level at a
  /// time with `mkdir`, refusing a symbolic link or a file where a directory should be.
  static func makeDirectories(for paths: [String], under root: String) throws(WriteFailure) {
    var made = Set<String>()
    for path in paths {
      guard path.hasPrefix(root + "/") else { continue }
      let parts = path.dropFirst(root.count + 1).split(separator: "/").dropLast()
      var current = root
      for part in parts {
        current += "/" + part
        if made.contains(current) { continue }
        var status = stat()
        if lstat(current, &status) == 0 {
          guard status.st_mode & S_IFMT == S_IFDIR else {
            let what = status.st_mode & S_IFMT == S_IFLNK ? "a symbolic link" : "not a directory"
            throw WriteFailure(target: quoted(current), reason: "it is \(what); billcast does not write through it")
          }
        } else if mkdir(current, 0o777) != 0 {
          throw .errno(quoted(current))
        }
        made.insert(current)
      }
    }
  }
}
