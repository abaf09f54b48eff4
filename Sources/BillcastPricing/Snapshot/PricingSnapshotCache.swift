import BillcastCore
import Foundation

/// A directory of compiled pricing snapshots: validated catalogs, each keyed by the exact bytes
/// it was read from, so that a run whose tables have not changed skips reading them again.
///
/// A snapshot's key is the SHA-256 of the snapshot format, the program's build, the YAML limits,
/// the regions composed and every file's path and SHA-256. Any change to a table's bytes gives
/// another key, and the tables are read again with every check. Only a catalog without errors is
/// stored. A snapshot that is missing, cut short, corrupt (its payload carries its own checksum)
/// or from another format is not used: the tables are read from YAML and the snapshot rewritten.
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

  /// The layout of the snapshot file; raised whenever any snapshot type's encoding changes.
  static let format = 1
  /// The bytes a snapshot file starts with.
  static let magic = Array("billcast.pricing-snapshot/\(format)\n".utf8)
  /// The length of a snapshot file's header: the magic line, the key (64 hex digits) and the
  /// payload's checksum (16 hex digits).
  static let headerSize = magic.count + 64 + 16

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

  /// The catalog stored under `key`, or nil when there is none that reads back whole.
  func catalog(forKey key: String) -> PricingCatalog? {
    guard let data = FileManager.default.contents(atPath: path(forKey: key)) else { return nil }
    return try? Self.decode([UInt8](data), key: key)
  }

  /// Stores `catalog` under `key`: written to a temporary file, then renamed into place.
  func store(_ catalog: PricingCatalog, forKey key: String) {
    let fm = FileManager.default
    let bytes = Self.encode(catalog, key: key)
    let temporary = path(forKey: key) + ".\(ProcessInfo.processInfo.processIdentifier).tmp"
    do {
      try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
      try Data(bytes).write(to: URL(fileURLWithPath: temporary))
      guard rename(temporary, path(forKey: key)) == 0 else {
        try? fm.removeItem(atPath: temporary)
        return
      }
    } catch {
      try? fm.removeItem(atPath: temporary)
      return
    }
    prune(keeping: key)
  }

  /// Removes the oldest snapshots beyond `capacity`, never the one just written.
  func prune(keeping key: String) {
    let fm = FileManager.default
    guard let names = try? fm.contentsOfDirectory(atPath: directory) else { return }
    let snapshots = names.filter { $0.hasSuffix(".snapshot") && $0 != key + ".snapshot" }
    guard snapshots.count >= capacity else { return }
    let dated = snapshots.map { name -> (String, Date) in
      let full = (directory as NSString).appendingPathComponent(name)
      let date = (try? fm.attributesOfItem(atPath: full))?[.modificationDate] as? Date
      return (full, date ?? .distantPast)
    }
    for (full, _) in dated.sorted(by: { $0.1 < $1.1 }).prefix(snapshots.count - capacity + 1) {
      try? fm.removeItem(atPath: full)
    }
  }

  /// A snapshot file: the magic line, the key, the payload's checksum (16 hex digits), then the payload.
  ///
  /// The key already names the exact input bytes with SHA-256; the checksum only has to catch a
  /// file damaged on disk or cut short, so it is the cheaper 64-bit FNV-1a (any one changed byte
  /// changes it).
  static func encode(_ catalog: PricingCatalog, key: String) -> [UInt8] {
    var writer = SnapshotWriter()
    writer.write(catalog.tables)
    let payload = writer.bytes
    return magic + Array(key.utf8) + Array(checksum(payload[...]).utf8) + payload
  }

  /// Reads a snapshot file written by `encode` for `key`; throws if any part of it does not check.
  static func decode(_ bytes: [UInt8], key: String) throws(SnapshotError) -> PricingCatalog {
    let header = headerSize
    guard bytes.count > header, bytes.starts(with: magic) else { throw SnapshotError("not a snapshot", at: 0) }
    guard bytes[magic.count..<magic.count + 64].elementsEqual(key.utf8) else {
      throw SnapshotError("a snapshot for another key", at: magic.count)
    }
    guard bytes[magic.count + 64..<header].elementsEqual(checksum(bytes[header...]).utf8) else {
      throw SnapshotError("the payload does not match its checksum", at: header)
    }
    var reader = SnapshotReader(bytes, offset: header)
    let tables: [PricingTable] = try reader.read()
    guard reader.isAtEnd else { throw reader.error("bytes after the tables") }
    return PricingCatalog(tables: tables)
  }

  /// The 64-bit FNV-1a hash of `bytes`, as 16 lower-case hex digits.
  static func checksum(_ bytes: ArraySlice<UInt8>) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
    let digits = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }
}
