import BillcastCore
@testable import BillcastPricing
import BillcastTestSupport
import Foundation
import Testing

/// A pricing snapshot reads back as exactly the catalog that was written, every stored property of
/// every table; a damaged one is refused, never half-read.
@Suite struct PricingSnapshotTests {
  /// Every stored property of a value, recursively, as text: dictionaries and sets in sorted order,
  /// so that two equal catalogs give the same text whatever their hash seeds.
  static func canonical(_ value: Any) -> String {
    if value is String || value is Int || value is Int128 || value is UInt64 || value is Bool { return "\(value)" }
    let mirror = Mirror(reflecting: value)
    switch mirror.displayStyle {
    case .optional: return mirror.children.first.map { canonical($0.value) } ?? "nil"
    case .dictionary:
      let entries = mirror.children.map { entry -> String in
        let pair = Array(Mirror(reflecting: entry.value).children)
        return canonical(pair[0].value) + ": " + canonical(pair[1].value)
      }
      return "[" + entries.sorted().joined(separator: ", ") + "]"
    case .set: return "{" + mirror.children.map { canonical($0.value) }.sorted().joined(separator: ", ") + "}"
    case .collection: return "[" + mirror.children.map { canonical($0.value) }.joined(separator: ", ") + "]"
    case .enum:
      guard let payload = mirror.children.first else { return "\(mirror.subjectType).\(value)" }
      return "\(mirror.subjectType).\(payload.label ?? "")(\(canonical(payload.value)))"
    default:
      if mirror.children.isEmpty { return "\(mirror.subjectType)(\(value))" }
      return "\(mirror.subjectType)("
        + mirror.children.map { "\($0.label ?? "_"): \(canonical($0.value))" }.joined(separator: ", ") + ")"
    }
  }

  @Test("every region's catalog reads back with every stored property as read from YAML")
  func roundTrip() throws {
    let catalog = try TestSupport.testCatalog()
    #expect(catalog.tables.count == 6, "global, four regions and Firebase")
    let secret = [UInt8](repeating: 1, count: 32)
    let bytes = PricingSnapshotCache.encode(catalog, key: String(repeating: "a", count: 64), secret: secret)
    let decoded = try PricingSnapshotCache.decode(bytes, key: String(repeating: "a", count: 64), secret: secret)
    #expect(Self.canonical(decoded.tables) == Self.canonical(catalog.tables))
    #expect(decoded.snapshotValueProblem() == nil, "the real tables pass the snapshot's value check")
    #expect(
      PricingSnapshotCache.encode(decoded, key: String(repeating: "a", count: 64), secret: secret) == bytes,
      "same bytes again")
    // A value the comparison covers, from the snapshot: Lambda's requests in us-east-1 at AWS's $0.20 per 1M.
    let lambda = try #require(decoded.service("aws.lambda", region: "us-east-1"))
    guard case .price(let price) = try #require(lambda.meter("requests")).billing else {
      Issue.record("Lambda requests have a price")
      return
    }
    let ladder = try #require(price.ladder(for: nil))
    #expect(ladder.per == TestSupport.d("1000000") && ladder.tiers.map(\.rate) == [TestSupport.d("0.20")])
  }

  @Test("the comparison sees every property: a changed rate, source date or location differs")
  func comparisonIsNotBlind() throws {
    let catalog = try TestSupport.testCatalog()
    var changed = catalog
    changed.tables[0].services[0].location?.line? += 1
    #expect(Self.canonical(changed.tables) != Self.canonical(catalog.tables))
    changed = catalog
    changed.tables[1].sources = changed.tables[1].sources.mapValues {
      var s = $0; s.readLocation = nil; return s
    }
    #expect(Self.canonical(changed.tables) != Self.canonical(catalog.tables))
    changed = catalog
    changed.tables[1].regionalPrices.removeLast()
    #expect(Self.canonical(changed.tables) != Self.canonical(catalog.tables))
  }

  @Test("a snapshot that is cut short, changed, or for another key is refused")
  func damagedSnapshots() throws {
    let catalog = try TestSupport.testCatalog()
    let key = String(repeating: "b", count: 64)
    let secret = [UInt8](repeating: 7, count: 32)
    let bytes = PricingSnapshotCache.encode(catalog, key: key, secret: secret)
    #expect(throws: Never.self) { try PricingSnapshotCache.decode(bytes, key: key, secret: secret) }
    #expect(throws: SnapshotError.self) {
      try PricingSnapshotCache.decode(bytes, key: String(repeating: "c", count: 64), secret: secret)
    }
    // Signed with another secret: what another user who can write the directory could make.
    #expect(throws: SnapshotError.self) {
      try PricingSnapshotCache.decode(bytes, key: key, secret: [UInt8](repeating: 8, count: 32))
    }
    for length in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 300)) {
      #expect(throws: SnapshotError.self) {
        try PricingSnapshotCache.decode(Array(bytes.prefix(length)), key: key, secret: secret)
      }
    }
    var flipped = bytes
    flipped[bytes.count / 2] ^= 0x20
    #expect(throws: SnapshotError.self) { try PricingSnapshotCache.decode(flipped, key: key, secret: secret) }
  }

  @Test("the payload reader refuses damage it can see and never crashes (seeded byte changes, no checksum)")
  func payloadReaderIsTotal() throws {
    let catalog = try TestSupport.testCatalog()
    var writer = SnapshotWriter()
    writer.write(catalog.tables)
    let payload = writer.bytes
    var random = PropertyRandom(seed: 14)
    var refused = 0
    for _ in 0..<200 {
      var bytes = payload
      for _ in 0..<3 { bytes[random.int(0...(bytes.count - 1))] = UInt8(random.int(0...255)) }
      var reader = SnapshotReader(bytes)
      if (try? reader.read([PricingTable].self)) == nil { refused += 1 }
    }
    // Most changes break a length, a tag or a string reference; the file's checksum catches the rest.
    #expect(refused > 20)
    for length in stride(from: 0, to: payload.count, by: max(1, payload.count / 200)) {
      var reader = SnapshotReader(Array(payload.prefix(length)))
      #expect(throws: SnapshotError.self) { try reader.read([PricingTable].self) }
    }
  }

  @Test("the key changes with every input: the files' bytes, the regions, the limits, the build")
  func keys() {
    let cache = PricingSnapshotCache(directory: "/unused", build: "b1")
    let base = cache.key(identity: "pricing/a.yaml\t00\n", regions: ["us-east-1"], limits: .standard)
    #expect(base.count == 64)
    #expect(base == cache.key(identity: "pricing/a.yaml\t00\n", regions: ["us-east-1"], limits: .standard))
    #expect(base != cache.key(identity: "pricing/a.yaml\t01\n", regions: ["us-east-1"], limits: .standard))
    #expect(base != cache.key(identity: "pricing/b.yaml\t00\n", regions: ["us-east-1"], limits: .standard))
    #expect(base != cache.key(identity: "pricing/a.yaml\t00\n", regions: ["eu-west-1"], limits: .standard))
    #expect(base != cache.key(identity: "pricing/a.yaml\t00\n", regions: nil, limits: .standard))
    #expect(
      base != cache.key(identity: "pricing/a.yaml\t00\n", regions: ["us-east-1"], limits: YAMLLimits(maximumNodes: 5)))
    let other = PricingSnapshotCache(directory: "/unused", build: "b2")
    #expect(base != other.key(identity: "pricing/a.yaml\t00\n", regions: ["us-east-1"], limits: .standard))
  }

  @Test("the cache keeps at most its capacity of snapshots, the newest")
  func capacity() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("billcast-capacity-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: dir) }
    let cache = PricingSnapshotCache(directory: dir.path, build: "test", capacity: 3)
    let catalog = try TestSupport.catalog(TestSupport.pricingTableHeader + TestSupport.testService(rate: "0.5"))
    var keys: [String] = []
    for i in 0..<5 {
      let key = cache.key(identity: "\(i)", regions: nil, limits: .standard)
      keys.append(key)
      cache.store(catalog, forKey: key)
      Thread.sleep(forTimeInterval: 0.01)
    }
    let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
    #expect(names == (keys.suffix(3).map { $0 + ".snapshot" } + ["key"]).sorted(), "the snapshots and the secret")
    #expect(cache.catalog(forKey: keys[4]).map { Self.canonical($0.tables) } == Self.canonical(catalog.tables))
    #expect(cache.catalog(forKey: keys[0]) == nil)
  }
}
