import BillcastTestSupport
import Foundation
import Testing

@testable import BillcastCore
@testable import BillcastPricing

/// The snapshot cache under attack (issue 24, items 6, 9 and 30): another user's directory or
/// file, a forged or planted snapshot, a price no table may hold, files billcast did not write.
@Suite struct SnapshotTrustTests {
  static func freshDirectory() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("billcast-trust-\(UUID().uuidString)").path
  }

  static func catalog(rate: String = "0.5") throws -> PricingCatalog {
    try TestSupport.catalog(TestSupport.pricingTableHeader + TestSupport.testService(rate: rate))
  }

  /// A fresh cache directory holding one snapshot of the test catalog, and its key.
  static func storedSnapshot() throws -> (String, PricingSnapshotCache, String) {
    let dir = freshDirectory()
    let cache = PricingSnapshotCache(directory: dir, build: "test")
    let key = cache.key(identity: "x", regions: nil, limits: .standard)
    cache.store(try catalog(), forKey: key)
    return (dir, cache, key)
  }

  @Test("HMAC-SHA256 gives RFC 4231's test vectors 1 and 6")
  func hmacVectors() {
    // RFC 4231, test case 1: key 0x0b × 20, data "Hi There".
    #expect(
      HMACSHA256.hex(key: [UInt8](repeating: 0x0b, count: 20), message: Array("Hi There".utf8))
        == "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")
    // Test case 6: key 0xaa × 131 (longer than a block, so hashed first).
    #expect(
      HMACSHA256.hex(
        key: [UInt8](repeating: 0xaa, count: 131),
        message: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8))
        == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
  }

  @Test("a stored snapshot reads back; the directory is made 0700 and its secret 0600")
  func roundTrip() throws {
    let (dir, cache, key) = try Self.storedSnapshot()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    #expect(cache.catalog(forKey: key) != nil)
    let dirMode = try FileManager.default.attributesOfItem(atPath: dir)[.posixPermissions] as? Int
    let keyMode = try FileManager.default.attributesOfItem(atPath: dir + "/key")[.posixPermissions] as? Int
    #expect(dirMode == 0o700)
    #expect(keyMode == 0o600)
  }

  @Test("a directory writable by others, or another user's, is neither read nor written")
  func untrustedDirectories() throws {
    for change in ["world-writable", "group-writable", "other owner"] {
      let (dir, cache, key) = try Self.storedSnapshot()
      defer { try? FileManager.default.removeItem(atPath: dir) }
      #expect(cache.catalog(forKey: key) != nil)
      switch change {
      case "world-writable": #expect(chmod(dir, 0o777) == 0)
      case "group-writable":  // by a group that is not the user's own
        #expect(chmod(dir, 0o770) == 0 && chown(dir, geteuid(), getegid() + 4242) == 0)
      default: #expect(chown(dir, geteuid() + 4242, getegid()) == 0)  // the tests run as root in CI
      }
      #expect(cache.catalog(forKey: key) == nil, "\(change)")
      let other = cache.key(identity: "y", regions: nil, limits: .standard)
      cache.store(try Self.catalog(), forKey: other)
      #expect(!FileManager.default.fileExists(atPath: cache.path(forKey: other)), "\(change)")
    }
  }

  @Test("a directory writable by the user's own group (umask 002 with user-private groups) is used")
  func ownGroupWritable() throws {
    let (dir, cache, key) = try Self.storedSnapshot()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    #expect(chmod(dir, 0o770) == 0 && chown(dir, geteuid(), getegid()) == 0)
    #expect(cache.catalog(forKey: key) != nil)
  }

  @Test("a snapshot writable by others, a link, one signed with another secret or too large is not read")
  func untrustedFiles() throws {
    let (dir, cache, key) = try Self.storedSnapshot()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = cache.path(forKey: key)
    #expect(chmod(path, 0o666) == 0)
    #expect(cache.catalog(forKey: key) == nil)
    #expect(chmod(path, 0o600) == 0)
    #expect(cache.catalog(forKey: key) != nil)
    // The old FNV checksum could be recomputed by anyone; an HMAC needs the secret.
    let forged = PricingSnapshotCache.encode(try Self.catalog(rate: "0.000001"), key: key, secret: [1, 2, 3])
    try Data(forged).write(to: URL(fileURLWithPath: path))
    #expect(cache.catalog(forKey: key) == nil)
    try FileManager.default.removeItem(atPath: path)
    let real = Self.freshDirectory() + ".snapshot"
    defer { try? FileManager.default.removeItem(atPath: real) }
    cache.store(try Self.catalog(), forKey: key)
    try FileManager.default.moveItem(atPath: path, toPath: real)
    try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: real)
    #expect(cache.catalog(forKey: key) == nil)
    try FileManager.default.removeItem(atPath: path)
    // A file far larger than any snapshot is not read whole (a sparse 3 GB file under the name).
    let fd = open(path, O_WRONLY | O_CREAT, 0o600)
    #expect(ftruncate(fd, 3 << 30) == 0)
    close(fd)
    #expect(cache.catalog(forKey: key) == nil)
  }

  @Test("a snapshot signed with the right secret but holding a negative price is not used")
  func negativePrice() throws {
    let dir = Self.freshDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let cache = PricingSnapshotCache(directory: dir, build: "test")
    let key = cache.key(identity: "x", regions: nil, limits: .standard)
    var catalog = try Self.catalog()
    guard case .price(.ladder(var ladder)) = catalog.tables[0].services[0].meters[0].billing else {
      Issue.record("the test service's first meter has no flat price")
      return
    }
    ladder.tiers[0].rate = ExactDecimal(-5)
    catalog.tables[0].services[0].meters[0].billing = .price(.ladder(ladder))
    #expect(catalog.snapshotValueProblem()?.contains("rate -5 is negative") == true)
    cache.store(catalog, forKey: key)
    #expect(FileManager.default.fileExists(atPath: cache.path(forKey: key)))
    #expect(cache.catalog(forKey: key) == nil)
  }

  @Test("pruning removes only billcast's own snapshots: never a directory, another name or another file")
  func pruneOnlyOwnFiles() throws {
    let dir = Self.freshDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let cache = PricingSnapshotCache(directory: dir, build: "test", capacity: 2)
    let fm = FileManager.default
    try fm.createDirectory(atPath: dir + "/precious.snapshot", withIntermediateDirectories: true)
    try fm.createDirectory(
      atPath: dir + "/" + String(repeating: "a", count: 64) + ".snapshot", withIntermediateDirectories: true)
    try Data("notes".utf8).write(to: URL(fileURLWithPath: dir + "/notes.snapshot"))
    try Data("mine".utf8).write(to: URL(fileURLWithPath: dir + "/" + String(repeating: "b", count: 64) + ".snapshot"))
    let foreign = dir + "/" + String(repeating: "c", count: 64) + ".snapshot"
    try Data("not a snapshot".utf8).write(to: URL(fileURLWithPath: foreign))
    var keys: [String] = []
    for i in 0..<4 {
      let key = cache.key(identity: "\(i)", regions: nil, limits: .standard)
      keys.append(key)
      cache.store(try Self.catalog(), forKey: key)
      Thread.sleep(forTimeInterval: 0.01)
    }
    for kept in ["precious.snapshot", "notes.snapshot", String(repeating: "a", count: 64) + ".snapshot"] {
      #expect(fm.fileExists(atPath: dir + "/" + kept), "\(kept)")
    }
    #expect(fm.fileExists(atPath: foreign))
    #expect(fm.fileExists(atPath: dir + "/" + String(repeating: "b", count: 64) + ".snapshot"))
    // Of billcast's own four, the newest two remain.
    #expect(keys.map { fm.fileExists(atPath: cache.path(forKey: $0)) } == [false, false, true, true])
  }
}
