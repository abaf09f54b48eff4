import BillcastCore
import Foundation

/// A directory of compiled pricing snapshots: validated catalogs, each keyed by the exact bytes
/// it was read from, so that a run whose tables have not changed skips reading them again.
///
/// A snapshot's key is the SHA-256 of the snapshot format, the program's build, the YAML limits,
/// the regions composed and every file's path and SHA-256. Any change to a table's bytes gives
/// another key, and the tables are read again with every check. Only a catalog without errors is
/// stored. A snapshot that is missing, cut short, corrupt, signed with another secret, or that
/// holds a value no pricing table may hold is not used: the tables are read from YAML and the
/// snapshot rewritten. Each snapshot carries an HMAC-SHA256 under a secret kept in the directory
/// (mode 0600), and a directory or file that another user owns or can write is never read: no one
/// else can change a price through the cache (docs/performance.md, "Snapshot cache").
/// Writing is best effort: a directory that cannot be written costs the next run its speed-up,
/// nothing else.
public struct PricingSnapshotCache: Sendable {
  /// The directory holding the snapshots (created when the first one is written).
  public var directory: String
  /// What identifies the program reading and writing snapshots: its version and build. A
  /// snapshot written by another build is never read.
  public var build: String
  /// How many snapshots the directory keeps; older ones are removed when a new one is written.
  public var capacity: Int

  /// Creates a cache in `directory` for the program build `build`.
  public init(directory: String, build: String, capacity: Int = 16) {
    self.directory = directory
    self.build = build
    self.capacity = capacity
  }

  /// The layout of the snapshot payload; raised whenever any snapshot type's encoding changes.
  package static let format = 1
  /// The bytes a snapshot file starts with: the payload's format and the code's kind.
  static let magic = Array("billcast.pricing-snapshot/\(format) hmac-sha256\n".utf8)
  /// The length of a snapshot file's header: the magic line, the key (64 hex digits) and the
  /// HMAC-SHA256 of the key and payload under the directory's secret (64 hex digits).
  static let headerSize = magic.count + 64 + 64

  /// The key of a catalog read from files with these paths and SHA-256s (`identity`), for `regions`.
  func key(identity: String, regions: Set<String>?, limits: YAMLLimits) -> String {
    let regionList = regions.map { $0.sorted().joined(separator: ",") } ?? "*"
    let material =
      "billcast.pricing-snapshot/\(Self.format)\nbuild:\(build)\n"
      + "limits:\(limits.maximumBytes),\(limits.maximumNodes),\(limits.maximumDepth)\n"
      + "regions:\(regionList)\n\(identity)"
    return SHA256.hex(material.utf8)
  }

  /// The path of the snapshot with this key.
  func path(forKey key: String) -> String { (directory as NSString).appendingPathComponent(key + ".snapshot") }

  /// The catalog stored under `key`, or nil when there is none that reads back whole, checks
  /// against the directory's secret and holds only values a pricing table may hold.
  ///
  /// Nothing is read from a directory or file that another user owns or can write.
  func catalog(forKey key: String) -> PricingCatalog? {
    guard let secret = SnapshotDirectory.secret(in: directory, create: false),
      let bytes = SnapshotDirectory.readOwnFile(path(forKey: key), limit: SnapshotDirectory.maximumBytes),
      let catalog = try? Self.decode(bytes, key: key, secret: secret),
      catalog.snapshotValueProblem() == nil
    else { return nil }
    return catalog
  }

  /// Stores `catalog` under `key`: written to a temporary file, then renamed into place; nothing
  /// is written to a directory another user owns or can write.
  func store(_ catalog: PricingCatalog, forKey key: String) {
    guard let secret = SnapshotDirectory.secret(in: directory, create: true) else { return }
    let bytes = Self.encode(catalog, key: key, secret: secret)
    let temporary = path(forKey: key) + ".\(ProcessInfo.processInfo.processIdentifier).tmp"
    let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
    guard fd >= 0 else { return }
    var offset = 0
    while offset < bytes.count {
      let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
      if n < 0, errno == EINTR { continue }
      guard n > 0 else { break }
      offset += n
    }
    close(fd)
    guard offset == bytes.count, rename(temporary, path(forKey: key)) == 0 else {
      unlink(temporary)
      return
    }
    prune(keeping: key)
  }

  /// Removes the oldest snapshots beyond `capacity`, never the one just written, and only
  /// billcast's own: regular files of the user's with a snapshot's name and header.
  func prune(keeping key: String) {
    let snapshots = SnapshotDirectory.ownSnapshots(in: directory, magic: Self.magic).filter {
      $0.path != path(forKey: key)
    }
    guard snapshots.count >= capacity else { return }
    for (path, _) in snapshots.sorted(by: { $0.modified < $1.modified }).prefix(snapshots.count - capacity + 1) {
      unlink(path)
    }
  }

  /// A snapshot file: the magic line, the key, the HMAC-SHA256 of key and payload under
  /// `secret` (64 hex digits), then the payload.
  static func encode(_ catalog: PricingCatalog, key: String, secret: [UInt8]) -> [UInt8] {
    var writer = SnapshotWriter()
    writer.write(catalog.tables)
    let payload = writer.bytes
    return magic + Array(key.utf8) + Array(code(key: key, payload: payload[...], secret: secret).utf8) + payload
  }

  /// Reads a snapshot file written by `encode` for `key` and `secret`; throws if any part of it does not check.
  static func decode(_ bytes: [UInt8], key: String, secret: [UInt8]) throws(SnapshotError) -> PricingCatalog {
    let header = headerSize
    guard bytes.count > header, bytes.starts(with: magic) else { throw SnapshotError("not a snapshot", at: 0) }
    guard bytes[magic.count..<magic.count + 64].elementsEqual(key.utf8) else {
      throw SnapshotError("a snapshot for another key", at: magic.count)
    }
    guard bytes[magic.count + 64..<header].elementsEqual(code(key: key, payload: bytes[header...], secret: secret).utf8)
    else {
      throw SnapshotError("the snapshot's code does not check with this cache's secret", at: header)
    }
    var reader = SnapshotReader(bytes, offset: header)
    let tables: [PricingTable] = try reader.read()
    guard reader.isAtEnd else { throw reader.error("bytes after the tables") }
    return PricingCatalog(tables: tables)
  }

  /// The HMAC-SHA256 of the key and the payload under the cache's secret.
  static func code(key: String, payload: ArraySlice<UInt8>, secret: [UInt8]) -> String {
    HMACSHA256.hex(key: secret, message: Array(key.utf8) + payload)
  }
}
