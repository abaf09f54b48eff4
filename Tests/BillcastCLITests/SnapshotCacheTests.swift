import BillcastTestSupport
import Foundation
import Testing

/// The compiled pricing snapshots: a run whose tables have not changed reads a snapshot, with the
/// same bytes out; a changed, corrupt or missing snapshot is never trusted.
@Suite("Pricing snapshots")
struct SnapshotCacheTests {
  /// A fresh directory, removed when the test ends.
  static func directory(_ label: String) throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("billcast-\(label)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
  }

  /// The snapshot files in a cache directory.
  static func snapshots(in cache: URL) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: cache.path)) ?? []).filter { $0.hasSuffix(".snapshot") }
      .sorted()
  }

  @Test("the first run stores a snapshot, the second reads it: every format byte-identical to a run without one")
  func missThenHit() throws {
    let cache = try Self.directory("cache")
    defer { try? FileManager.default.removeItem(at: cache) }
    for format in ["table", "json", "csv", "markdown", "html"] {
      let arguments = ["estimate", "examples/job-posting-analyzer.yaml", "--format", format]
      let uncached = try CLI.run(arguments, environment: ["BILLCAST_CACHE": "off"])
      let first = try CLI.run(arguments, environment: ["BILLCAST_CACHE": cache.path])
      #expect(Self.snapshots(in: cache).count == 1, "one snapshot: the profile's region with the global tables")
      let second = try CLI.run(arguments, environment: ["BILLCAST_CACHE": cache.path])
      #expect(uncached.status == 0 && first.status == 0 && second.status == 0, "\(first.stderr)")
      #expect(first.stdout == uncached.stdout, "\(format): a run that stores a snapshot")
      #expect(second.stdout == uncached.stdout, "\(format): a run that reads it")
    }
    // Another region is another snapshot (its rates are composed instead of us-east-1's).
    let dir = try Self.directory("region")
    defer { try? FileManager.default.removeItem(at: dir) }
    let profile = try RegionTests.example(in: "eu-central-1", at: dir)
    let arguments = ["estimate", profile, "--pricing", TestSupport.testPricingPath, "--format", "csv"]
    let uncached = try CLI.run(arguments, environment: ["BILLCAST_CACHE": "off"])
    let first = try CLI.run(arguments, environment: ["BILLCAST_CACHE": cache.path])
    let second = try CLI.run(arguments, environment: ["BILLCAST_CACHE": cache.path])
    #expect(Self.snapshots(in: cache).count == 2)
    #expect(uncached.status == 0 && first.stdout == uncached.stdout && second.stdout == uncached.stdout)
    #expect(second.stdout.contains(",eu-central-1,"))
  }

  @Test("a corrupt snapshot is not used: the tables are read again and the snapshot rewritten")
  func corruptSnapshot() throws {
    let cache = try Self.directory("cache")
    defer { try? FileManager.default.removeItem(at: cache) }
    let arguments = ["estimate", "examples/job-posting-analyzer.yaml", "--format", "csv"]
    let environment = ["BILLCAST_CACHE": cache.path]
    let expected = try CLI.run(arguments, environment: environment)
    let name = try #require(Self.snapshots(in: cache).first)
    let url = cache.appendingPathComponent(name)
    let good = try Data(contentsOf: url)
    for damage in ["a changed byte", "cut short", "empty"] {
      var bytes = [UInt8](good)
      switch damage {
      case "a changed byte": bytes[bytes.count - 40] ^= 0x01
      case "cut short": bytes.removeLast(bytes.count / 2)
      default: bytes = []
      }
      try Data(bytes).write(to: url)
      let run = try CLI.run(arguments, environment: environment)
      #expect(run.status == 0 && run.stdout == expected.stdout, "\(damage): \(run.stderr)")
      #expect(try Data(contentsOf: url) == good, "\(damage): the snapshot is written again, whole")
    }
  }

  @Test("a changed table is read again with every check: a new rate is priced, a broken one is an error")
  func changedTable() throws {
    let cache = try Self.directory("cache")
    let dir = try Self.directory("pricing")
    defer {
      try? FileManager.default.removeItem(at: cache)
      try? FileManager.default.removeItem(at: dir)
    }
    try FileManager.default.copyItem(
      atPath: TestSupport.testPricingPath, toPath: dir.appendingPathComponent("pricing").path)
    try FileManager.default.copyItem(
      atPath: TestSupport.path("examples/job-posting-analyzer.yaml"),
      toPath: dir.appendingPathComponent("profile.yaml").path)
    let rates = dir.appendingPathComponent("pricing/aws/rates/us-east-1.yaml")
    let arguments = [
      "estimate", "profile.yaml", "--free-tier", "none", "--scenario", "minimum", "--architecture", "lambda-cloudfront",
      "--format", "csv",
    ]
    // The copy of the frozen catalog in `dir` is found beside the profile.
    let environment = ["BILLCAST_CACHE": cache.path, "BILLCAST_PRICING": ""]
    func requestsCost(_ run: CLIRun) -> String? {
      run.stdout.split(separator: "\n").first { $0.hasPrefix("minimum,lambda-cloudfront,Lambda,aws.lambda,requests,") }
        .map { $0.split(separator: ",").dropFirst(10).prefix(2).joined(separator: ",") }
    }
    // Lambda requests at AWS's $0.20 per 1M: 2,000 × $0.20 / 1M = $0.0004; 20,000 × $0.20 / 1M = $0.004.
    let before = try CLI.run(arguments, in: dir, environment: environment)
    #expect(before.status == 0, "\(before.stderr)")
    #expect(requestsCost(before) == "0.0004,0.004", "\(before.stdout)")
    let again = try CLI.run(arguments, in: dir, environment: environment)
    #expect(again.stdout == before.stdout)

    // The rate doubled in the file: 2,000 × $0.40 / 1M = $0.0008; 20,000 × $0.40 / 1M = $0.008.
    let text = try String(contentsOf: rates, encoding: .utf8)
    let line = "  aws.lambda/requests: {rate: 0.20, source: lambda-pricing}"
    #expect(text.contains(line))
    try text.replacingOccurrences(of: line, with: "  aws.lambda/requests: {rate: 0.40, source: lambda-pricing}")
      .write(to: rates, atomically: true, encoding: .utf8)
    let changed = try CLI.run(arguments, in: dir, environment: environment)
    #expect(changed.status == 0, "\(changed.stderr)")
    #expect(requestsCost(changed) == "0.0008,0.008", "\(changed.stdout)")
    #expect(Self.snapshots(in: cache).count == 2)

    // A rate that is not a number: the file's own error, though snapshots of the table exist.
    try text.replacingOccurrences(of: line, with: "  aws.lambda/requests: {rate: 0.2x, source: lambda-pricing}")
      .write(to: rates, atomically: true, encoding: .utf8)
    let broken = try CLI.run(arguments, in: dir, environment: environment)
    #expect(broken.status == 2 && broken.stdout.isEmpty)
    #expect(broken.stderr.contains("pricing/aws/rates/us-east-1.yaml:"), "\(broken.stderr)")
    #expect(broken.stderr.contains("0.2x"), "\(broken.stderr)")
    #expect(Self.snapshots(in: cache).count == 2, "a table with errors is not stored")

    // Put back, the first snapshot is used again: the same bytes as the first run.
    try text.write(to: rates, atomically: true, encoding: .utf8)
    let restored = try CLI.run(arguments, in: dir, environment: environment)
    #expect(restored.stdout == before.stdout)
  }

  @Test("the built-in tables come from the snapshot compiled into billcast, with the output of their YAML")
  func builtInTables() throws {
    let cache = try Self.directory("cache")
    let dir = try Self.directory("built-in")
    defer {
      try? FileManager.default.removeItem(at: cache)
      try? FileManager.default.removeItem(at: dir)
    }
    try FileManager.default.copyItem(
      atPath: TestSupport.path("examples/job-posting-analyzer.yaml"),
      toPath: dir.appendingPathComponent("profile.yaml").path)
    let arguments = ["estimate", "profile.yaml"]
    // No pricing directory anywhere: the built-in tables (this test compares runs and asserts no rate).
    let uncached = try CLI.run(arguments, in: dir, environment: ["BILLCAST_CACHE": "off", "BILLCAST_PRICING": ""])
    let first = try CLI.run(arguments, in: dir, environment: ["BILLCAST_CACHE": cache.path, "BILLCAST_PRICING": ""])
    let second = try CLI.run(arguments, in: dir, environment: ["BILLCAST_CACHE": cache.path, "BILLCAST_PRICING": ""])
    #expect(uncached.status == 0, "\(uncached.stderr)")
    #expect(uncached.stdout.contains("Pricing (built into billcast): aws/global"), "\(uncached.stdout)")
    // BILLCAST_CACHE=off reads the YAML; otherwise the compiled snapshot is used and nothing is cached.
    #expect(Self.snapshots(in: cache).isEmpty)
    #expect(first.stdout == uncached.stdout && second.stdout == uncached.stdout)
  }

  @Test("BILLCAST_CACHE=off writes nothing")
  func off() throws {
    let home = try Self.directory("home")
    defer { try? FileManager.default.removeItem(at: home) }
    let run = try CLI.run(
      ["estimate", "examples/job-posting-analyzer.yaml"],
      environment: [
        "BILLCAST_CACHE": "off", "HOME": home.path, "XDG_CACHE_HOME": home.appendingPathComponent("xdg").path,
      ])
    #expect(run.status == 0)
    #expect((try FileManager.default.contentsOfDirectory(atPath: home.path)).isEmpty)
    // Unset, the cache goes under $XDG_CACHE_HOME.
    let defaulted = try CLI.run(
      ["estimate", "examples/job-posting-analyzer.yaml"],
      environment: ["BILLCAST_CACHE": "", "HOME": home.path, "XDG_CACHE_HOME": home.appendingPathComponent("xdg").path])
    #expect(defaulted.stdout == run.stdout)
    #expect(Self.snapshots(in: home.appendingPathComponent("xdg/billcast")).count == 1)
  }
}
