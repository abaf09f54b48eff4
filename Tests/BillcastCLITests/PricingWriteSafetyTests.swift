import BillcastTestSupport
import Foundation
import Testing

/// How `pricing import` and `pricing export` write (issue 24, round 2, items 7, 14 and 37): all
/// files or none, never through a symbolic link, never over another user's file.
///
/// The tests run as root, whom permissions do not stop: a write is made to fail with a
/// directory where the import's temporary file goes, and another user is played with setpriv.
@Suite("Pricing writes")
struct PricingWriteSafetyTests {
  static let east = "after/aws/rates/us-east-1.yaml"
  static let west = "after/aws/rates/us-west-2.yaml"

  func text(_ dir: URL, _ path: String) throws -> String {
    try String(contentsOf: dir.appendingPathComponent(path), encoding: .utf8)
  }

  /// A us-west-2 Lambda offer pricing requests at $0.30 per million (the table has $0.20).
  static func westOffer() -> OfferFixture {
    var product = OfferFixture.Product.requests(usd: "0.0000003000", sku: "ZWHFK83WS2P4WZR6")
    product.regionCode = "us-west-2"
    product.location = "US West (Oregon)"
    product.usageType = "USW2-Request"
    return OfferFixture(products: [product])
  }

  @Test("a write that fails for the second region leaves the first unchanged and no temporary behind")
  func importIsAllOrNothing() throws {
    let dir = try PriceListCommandTests.workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    let (east, west) = (try text(dir, Self.east), try text(dir, Self.west))
    try Self.westOffer().write("west.json", in: dir)
    let changed = PriceListCommandTests.fixture("AWSLambda-us-east-1-changed.json")
    // us-west-2's file cannot be staged: a directory holds its temporary's name.
    let blocker = dir.appendingPathComponent("after/aws/rates/.us-west-2.yaml.billcast-new")
    try FileManager.default.createDirectory(at: blocker, withIntermediateDirectories: false)
    let run = try CLI.run(["pricing", "import", changed, "west.json", "--pricing", "after"], in: dir)
    #expect(run.status == 74 && run.stdout.isEmpty, "\(run.stdout)")
    #expect(
      run.stderr
        == "billcast: error: cannot write 'after/aws/rates/us-west-2.yaml': 'after/aws/rates/.us-west-2.yaml.billcast-new' is in the way (left by an interrupted run?); remove it and run again. Nothing was written\n",
      "\(run.stderr)")
    #expect(try text(dir, Self.east) == east)
    #expect(try text(dir, Self.west) == west)
    let left = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("after/aws/rates").path)
    #expect(
      left.sorted() == [
        ".us-west-2.yaml.billcast-new", "eu-central-1.yaml", "eu-west-1.yaml", "us-east-1.yaml", "us-west-2.yaml",
      ])

    try FileManager.default.removeItem(at: blocker)
    let again = try CLI.run(["pricing", "import", changed, "west.json", "--pricing", "after"], in: dir)
    #expect(again.status == 0, "\(again.stderr)")
    #expect(try text(dir, Self.east).contains("      - {upto: 6000000000, rate: 0.000017}"))
    #expect(try text(dir, Self.west).contains("  aws.lambda/requests:\n    rate: 0.3\n"))
  }

  @Test("a disk that fills while the second region's file is written leaves the first unchanged")
  func importIsAllOrNothingWhenTheDiskFills() throws {
    let dir = try PriceListCommandTests.workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    let (east, west) = (try text(dir, Self.east), try text(dir, Self.west))
    try Self.westOffer().write("west.json", in: dir)
    let changed = PriceListCommandTests.fixture("AWSLambda-us-east-1-changed.json")
    // A file-size limit of 28 KiB (SIGXFSZ ignored, so a write past it fails with EFBIG, as on a
    // full disk) lets us-east-1's new file (23 KB) be written and stops us-west-2's (33 KB).
    let run = try CLI.runProgram(
      "/bin/bash",
      [
        "-c", "trap '' XFSZ; ulimit -f 28; exec \"$0\" \"$@\"", CLI.executable.path, "pricing", "import", changed,
        "west.json", "--pricing", "after",
      ], in: dir, environment: ["BILLCAST_CACHE": "off"])
    #expect(run.status == 74 && run.stdout.isEmpty, "\(run.stdout)")
    #expect(
      run.stderr
        == "billcast: error: cannot write 'after/aws/rates/us-west-2.yaml': File too large; nothing was written\n",
      "\(run.stderr)")
    #expect(try text(dir, Self.east) == east)
    #expect(try text(dir, Self.west) == west)
    let left = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("after/aws/rates").path)
    #expect(left.sorted() == ["eu-central-1.yaml", "eu-west-1.yaml", "us-east-1.yaml", "us-west-2.yaml"])
  }

  @Test("export refuses a dangling symbolic link at an output path and a linked directory: nothing lands outside DIR")
  func exportDoesNotFollowLinks() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("billcast-export-\(UUID().uuidString)")
    let outside = FileManager.default.temporaryDirectory.appendingPathComponent("billcast-outside-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: dir.appendingPathComponent("tables/aws/rates"), withIntermediateDirectories: true)
    try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
    defer {
      try? FileManager.default.removeItem(at: dir)
      try? FileManager.default.removeItem(at: outside)
    }
    // A dangling link where a rates file goes, pointing outside DIR.
    let target = outside.appendingPathComponent("planted.yaml")
    try FileManager.default.createSymbolicLink(
      atPath: dir.appendingPathComponent("tables/aws/rates/us-east-1.yaml").path, withDestinationPath: target.path)
    let run = try CLI.run(["pricing", "export", "tables"], in: dir)
    #expect(run.status == 2 && run.stdout.isEmpty)
    #expect(
      run.stderr == "billcast: error: tables/aws/rates/us-east-1.yaml exists; export does not replace pricing files\n",
      "\(run.stderr)")
    #expect(!FileManager.default.fileExists(atPath: target.path))

    // A linked directory below DIR: nothing is written through it.
    try FileManager.default.removeItem(at: dir.appendingPathComponent("tables"))
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("tables"), withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      atPath: dir.appendingPathComponent("tables/aws").path, withDestinationPath: outside.path)
    let linked = try CLI.run(["pricing", "export", "tables"], in: dir)
    #expect(linked.status == 74 && linked.stdout.isEmpty)
    #expect(
      linked.stderr
        == "billcast: error: cannot write 'tables/aws': it is a symbolic link; billcast does not write through it\n",
      "\(linked.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path) == [])
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("tables").path) == ["aws"])
  }

  @Test("import does not replace a file another user owns; as root it keeps the owner and mode")
  func importKeepsOwnership() throws {
    let setpriv = "/usr/bin/setpriv"
    guard getuid() == 0, FileManager.default.isExecutableFile(atPath: setpriv) else { return }
    let dir = try PriceListCommandTests.workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    let fm = FileManager.default
    let cache = dir.appendingPathComponent("cache")
    try fm.createDirectory(at: cache, withIntermediateDirectories: true)
    for path in ["", "after", "after/aws", "after/aws/rates", "cache"] {
      try fm.setAttributes([.posixPermissions: 0o777], ofItemAtPath: dir.appendingPathComponent(path).path)
    }
    let changed = PriceListCommandTests.fixture("AWSLambda-us-east-1-changed.json")
    let original = try text(dir, Self.east)
    // As nobody (65534), over root's file in a directory anyone may write.
    let run = try CLI.runProgram(
      setpriv,
      [
        "--reuid=65534", "--regid=65534", "--clear-groups", CLI.executable.path, "pricing", "import", changed,
        "--pricing", "after",
      ],
      in: dir, environment: ["BILLCAST_CACHE": cache.path])
    #expect(run.status == 74, "\(run.stdout)\(run.stderr)")
    #expect(
      run.stderr
        == "billcast: error: cannot write 'after/aws/rates/us-east-1.yaml': it is owned by uid 0, not by you (uid 65534); billcast replaces only your own files (as root, it keeps the owner)\n",
      "\(run.stderr)")
    let path = dir.appendingPathComponent(Self.east).path
    #expect(try text(dir, Self.east) == original)
    #expect(try fm.attributesOfItem(atPath: path)[.ownerAccountID] as? Int == 0)

    // As root over user 1234's file, mode 0640: both kept.
    try fm.setAttributes(
      [.ownerAccountID: 1234, .groupOwnerAccountID: 1234, .posixPermissions: 0o640], ofItemAtPath: path)
    let root = try CLI.run(["pricing", "import", changed, "--pricing", "after"], in: dir)
    #expect(root.status == 0, "\(root.stderr)")
    let attributes = try fm.attributesOfItem(atPath: path)
    #expect(attributes[.ownerAccountID] as? Int == 1234 && attributes[.groupOwnerAccountID] as? Int == 1234)
    #expect(attributes[.posixPermissions] as? Int == 0o640)
    #expect(try text(dir, Self.east) != original)
  }
}
