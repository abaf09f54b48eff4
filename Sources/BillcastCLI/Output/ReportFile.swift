import BillcastCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes reports to standard output, standard error or a file, never replacing what the path is.
///
/// - A regular file (or an absent path) is written atomically: a temporary file beside it,
///   given the old file's mode and owner, then renamed over it.
/// - A symbolic link is followed, and its target is written by the same rules.
/// - A character device or a FIFO (`/dev/stdout`, `/dev/null`, a named pipe) is written
///   directly, as a shell redirection would; a full device is an error, not a crash.
/// - A directory, socket or block device is refused.
enum ReportFile {
  /// Writes `text` to standard output; a failure (a closed pipe, a full disk) is a ``WriteFailure``.
  static func writeStandardOutput(_ text: String) throws(WriteFailure) {
    try writeAll(fd: 1, text, target: "standard output")
  }

  /// Writes `text` to standard error, ignoring failure (there is nowhere left to report it).
  static func writeStandardError(_ text: String) {
    try? writeAll(fd: 2, text, target: "standard error")
  }

  /// What a write may replace.
  enum Replacing {
    /// Any regular file but one of the command's inputs (the default for reports).
    case anythingButInputs
    /// Nothing: an existing regular file is refused (`init` without `--force`).
    case nothing
  }

  /// Writes `text` to `path` by the rules above, replacing only what `replacing` allows.
  static func write(_ text: String, toPath path: String, replacing: Replacing = .anythingButInputs)
    throws(WriteFailure)
  {
    let target = try resolveLinks(path)
    var status = stat()
    if lstat(target, &status) != 0 {
      let code = currentErrno()
      guard code == ENOENT else { throw .errno(quoted(path), code) }
      try replaceAtomically(target, text, keeping: nil, named: path)
      return
    }
    switch status.st_mode & S_IFMT {
    case S_IFREG:
      switch replacing {
      case .nothing:
        throw WriteFailure(target: quoted(path), reason: "it exists; give --force to replace it")
      case .anythingButInputs where InputFiles.contains(target):
        throw WriteFailure(
          target: quoted(path), reason: "it is one of this command's inputs; billcast never writes over what it reads")
      case .anythingButInputs: break
      }
      try replaceAtomically(target, text, keeping: status, named: path)
    case S_IFCHR, S_IFIFO:
      let fd = open(target, O_WRONLY | O_CLOEXEC)
      guard fd >= 0 else { throw .errno(quoted(path)) }
      defer { close(fd) }
      try writeAll(fd: fd, text, target: quoted(path))
    case S_IFDIR:
      throw WriteFailure(target: quoted(path), reason: "it is a directory")
    default:
      throw WriteFailure(target: quoted(path), reason: "it is neither a regular file, a character device nor a FIFO")
    }
  }

  /// The path a chain of symbolic links ends at (which may not exist yet); at most 32 links.
  static func resolveLinks(_ path: String) throws(WriteFailure) -> String {
    var current = path
    for _ in 0..<32 {
      var status = stat()
      guard lstat(current, &status) == 0, status.st_mode & S_IFMT == S_IFLNK else { return current }
      var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
      let n = readlink(current, &buffer, Int(PATH_MAX))
      guard n >= 0 else { throw .errno(quoted(path)) }
      let link = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
      current = link.hasPrefix("/") ? link : directory(of: current) + "/" + link
    }
    throw WriteFailure(target: quoted(path), reason: "too many levels of symbolic links")
  }

  /// Writes a temporary file beside `path`, gives it `old`'s mode and owner, and renames it over `path`.
  private static func replaceAtomically(_ path: String, _ text: String, keeping old: stat?, named name: String)
    throws(WriteFailure)
  {
    let dir = directory(of: path)
    // SIGINT, SIGTERM and SIGHUP wait until the temporary file is renamed or removed, so an
    // interrupted run leaves neither a partial report nor a stray temporary file.
    var signals = sigset_t(), previous = sigset_t()
    sigemptyset(&signals)
    for s in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&signals, s) }
    pthread_sigmask(SIG_BLOCK, &signals, &previous)
    defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
    var template = Array((dir + "/.billcast-XXXXXX").utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard fd >= 0 else { throw .errno(quoted(name)) }
    let temporary = String(cString: template)
    var renamed = false
    defer {
      if !renamed { unlink(temporary) }
    }
    do {
      defer { close(fd) }
      if let old {
        _ = fchown(fd, old.st_uid, old.st_gid)  // as root, keep the owner; otherwise it fails harmlessly
        guard fchmod(fd, old.st_mode & 0o7777) == 0 else { throw WriteFailure.errno(quoted(name)) }
      } else {
        // mkstemp makes the file 0600; a new report gets the usual 0666 less the umask.
        let mask = umask(0o022)
        umask(mask)
        guard fchmod(fd, 0o666 & ~mask) == 0 else { throw WriteFailure.errno(quoted(name)) }
      }
      try writeAll(fd: fd, text, target: quoted(name))
      guard fsync(fd) == 0 else { throw WriteFailure.errno(quoted(name)) }
    }
    guard rename(temporary, path) == 0 else { throw .errno(quoted(name)) }
    renamed = true
  }

  /// Writes every byte, retrying after interruptions and short writes.
  static func writeAll(fd: Int32, _ text: String, target: String) throws(WriteFailure) {
    var bytes = Array(text.utf8)
    var offset = 0
    let failure: Int32? = bytes.withUnsafeMutableBytes { buffer in
      while offset < buffer.count {
        let n = systemWrite(fd, buffer.baseAddress! + offset, buffer.count - offset)
        if n < 0 {
          let code = currentErrno()
          if code == EINTR { continue }
          return code
        }
        offset += n
      }
      return nil
    }
    if let failure { throw .errno(target, failure) }
  }

  /// The folder holding `path`: `.` when it names none.
  private static func directory(of path: String) -> String {
    let folder = FilePath.folder(of: path)
    return folder.isEmpty ? "." : folder
  }

  /// A path in quotes, with control characters escaped.
  static func quoted(_ path: String) -> String { "'" + TerminalText.escaped(path) + "'" }
}

/// The C library's `errno` for the calling thread.
func currentErrno() -> Int32 { errno }

/// The C library's `write(2)` (the enum's own `write` hides it inside ``ReportFile``).
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int { write(fd, buffer, count) }
