#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What `stat(2)` says about a path: whether it is a regular file, its size, when it changed and its inode.
///
/// Foundation's `attributesOfItem` and `resourceValues` also look up the file's owner and
/// group names, which reads `/etc/passwd` and `/etc/group` on every call: about a
/// millisecond per file at start-up.
package struct FileStatus: Sendable, Equatable {
  /// Whether the path is a regular file (after following symbolic links).
  package var isRegularFile: Bool
  /// Whether the path is a directory (after following symbolic links).
  package var isDirectory: Bool = false
  /// The size in bytes.
  package var size: Int
  /// When the file was last modified, in nanoseconds since 1970.
  package var modified: Int = 0
  /// The file's inode number on its device.
  package var inode: UInt64 = 0
  /// The device the file is on (with ``inode``, the file's identity).
  package var device: UInt64 = 0

  /// The status of a path, or the `errno` description when it cannot be read.
  package static func of(_ path: String) -> Result<FileStatus, FileStatusError> {
    var info = stat()
    guard stat(path, &info) == 0 else { return .failure(FileStatusError(code: errno)) }
    #if canImport(Darwin)
      let modified = Int(info.st_mtimespec.tv_sec) &* 1_000_000_000 &+ Int(info.st_mtimespec.tv_nsec)
    #else
      let modified = Int(info.st_mtim.tv_sec) &* 1_000_000_000 &+ Int(info.st_mtim.tv_nsec)
    #endif
    return .success(
      FileStatus(
        isRegularFile: (info.st_mode & S_IFMT) == S_IFREG, isDirectory: (info.st_mode & S_IFMT) == S_IFDIR,
        size: Int(info.st_size), modified: modified, inode: UInt64(info.st_ino),
        device: UInt64(info.st_dev)))
  }
}
