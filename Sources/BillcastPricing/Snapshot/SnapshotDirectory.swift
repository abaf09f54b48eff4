import BillcastCore
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The file-system rules of the snapshot cache: a directory only its owner can write, a secret
/// only its owner can read, and files read and removed only when they are billcast's own.
///
/// Anyone who could write the directory could otherwise plant a snapshot with any price in it.
/// A snapshot's code is an HMAC under the secret (`key`, 32 random bytes, mode 0600), so a
/// snapshot cannot be forged without reading the user's own files.
enum SnapshotDirectory {
  /// The largest snapshot file read (the built-in tables of every region take about 1 MB).
  static let maximumBytes = 32 << 20
  /// The secret's file name in the directory.
  static let secretName = "key"

  /// Why a directory or file is not trusted, or nil when it is.
  static func distrust(_ status: stat, what: String) -> String? {
    if status.st_uid != geteuid() { return "\(what) is owned by another user (uid \(status.st_uid))" }
    if FileTrust.othersCanWrite(mode: status.st_mode, group: status.st_gid) {
      return "\(what) is writable by other users"
    }
    return nil
  }

  /// Makes the directory (mode 0700) if it is missing; nil when it is trusted, else why not.
  static func prepare(_ directory: String) -> String? {
    var status = stat()
    if lstat(directory, &status) != 0 {
      let parent = FilePath.folder(of: directory)
      if !parent.isEmpty { try? FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true) }
      guard mkdir(directory, 0o700) == 0 || errno == EEXIST, lstat(directory, &status) == 0 else {
        return "the cache directory cannot be made"
      }
    }
    guard status.st_mode & S_IFMT == S_IFDIR else { return "the cache directory is not a directory" }
    return distrust(status, what: "the cache directory")
  }

  /// The directory's secret, made on first use; nil when the directory or secret is not trusted.
  static func secret(in directory: String, create: Bool) -> [UInt8]? {
    guard prepare(directory) == nil else { return nil }
    let path = (directory as NSString).appendingPathComponent(secretName)
    if let bytes = readOwnFile(path, limit: 32), bytes.count == 32 { return bytes }
    guard create else { return nil }
    var generator = SystemRandomNumberGenerator()
    let secret = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
    let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
    guard fd >= 0 else { return nil }  // another run made it first, or something else is there
    defer { close(fd) }
    let written = secret.withUnsafeBytes { write(fd, $0.baseAddress!, 32) }
    return written == 32 ? secret : nil
  }

  /// A file's bytes, only when it is a regular file (not a link), the user's own, writable by
  /// no one else, and at most `limit` bytes.
  static func readOwnFile(_ path: String, limit: Int) -> [UInt8]? {
    let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var status = stat()
    guard fstat(fd, &status) == 0, status.st_mode & S_IFMT == S_IFREG, distrust(status, what: "") == nil,
      Int(status.st_size) <= limit
    else { return nil }
    var bytes = [UInt8](repeating: 0, count: Int(status.st_size))
    var offset = 0
    while offset < bytes.count {
      let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + offset, $0.count - offset) }
      if n < 0, errno == EINTR { continue }
      guard n > 0 else { return nil }
      offset += n
    }
    return bytes
  }

  /// Whether `name` is one of the names billcast gives snapshots: 64 hex digits and `.snapshot`.
  static func isSnapshotName(_ name: String) -> Bool {
    let utf8 = Array(name.utf8)
    guard utf8.count == 64 + 9, name.hasSuffix(".snapshot") else { return false }
    return utf8.prefix(64).allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
  }

  /// The user's own snapshot files in the directory (regular files with a snapshot's name that
  /// start with a snapshot's header), with their modification times in nanoseconds.
  static func ownSnapshots(in directory: String, magic: [UInt8]) -> [(path: String, modified: Int)] {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
    return names.filter(isSnapshotName).compactMap { name in
      let path = (directory as NSString).appendingPathComponent(name)
      let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
      guard fd >= 0 else { return nil }
      defer { close(fd) }
      var status = stat()
      guard fstat(fd, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_uid == geteuid() else { return nil }
      var head = [UInt8](repeating: 0, count: magic.count)
      guard head.withUnsafeMutableBytes({ read(fd, $0.baseAddress!, magic.count) }) == magic.count, head == magic else {
        return nil
      }
      #if canImport(Darwin)
        let modified = Int(status.st_mtimespec.tv_sec) &* 1_000_000_000 &+ Int(status.st_mtimespec.tv_nsec)
      #else
        let modified = Int(status.st_mtim.tv_sec) &* 1_000_000_000 &+ Int(status.st_mtim.tv_nsec)
      #endif
      return (path, modified)
    }
  }
}
