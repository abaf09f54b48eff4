import BillcastTestSupport
import Foundation
import Testing

/// `--output` and standard output: written where the user points, never replacing what is there,
/// and a failed write is one line and its own exit status (74), never a crash or status 1.
@Suite("Writing reports")
struct OutputTests {
  static let profile = TestSupport.path("examples/job-posting-analyzer.yaml")

  func scratch() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("billcast-out-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
  }

  func mode(_ path: String) throws -> Int {
    (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as! NSNumber).intValue
  }

  func type(_ path: String) throws -> FileAttributeType? {
    try FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType
  }

  @Test func fullDeviceAsOutputIsAnErrorAndStaysADevice() throws {
    let run = try CLI.run(["estimate", Self.profile, "--output", "/dev/full"])
    #expect(run.status == 74)
    #expect(run.stdout == "")
    #expect(run.stderr == "billcast: error: cannot write '/dev/full': No space left on device\n")
    #expect(try type("/dev/full") == .typeCharacterSpecial)
  }

  @Test func fullStandardOutputIsAnErrorNotACrash() throws {
    // The shell's `billcast estimate X > /dev/full`.
    let process = Process()
    process.executableURL = CLI.executable
    process.arguments = ["estimate", Self.profile]
    process.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
    let err = Pipe()
    process.standardError = err
    try process.run()
    let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationReason == .exit)
    #expect(process.terminationStatus == 74)
    #expect(text == "billcast: error: cannot write standard output: No space left on device\n")
  }

  @Test func aSymlinkIsWrittenThroughAndStaysALink() throws {
    let dir = try scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let target = dir.appendingPathComponent("report.txt").path
    let link = dir.appendingPathComponent("link.txt").path
    try "old".write(toFile: target, atomically: false, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o750], ofItemAtPath: target)
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "report.txt")
    let run = try CLI.run(["estimate", Self.profile, "--output", link])
    #expect(run.status == 0 && run.stdout == "" && run.stderr == "")
    #expect(try type(link) == .typeSymbolicLink)
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "report.txt")
    #expect(
      try String(contentsOfFile: target, encoding: .utf8).hasPrefix("Job Posting Analyzer — monthly estimate (USD)\n"))
    #expect(try mode(target) == 0o750)  // the file's mode is kept
    // no temporary left
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["link.txt", "report.txt"])
  }

  @Test func aDanglingSymlinkCreatesItsTarget() throws {
    let dir = try scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let link = dir.appendingPathComponent("link.json").path
    try FileManager.default.createSymbolicLink(
      atPath: link, withDestinationPath: dir.appendingPathComponent("new.json").path)
    let run = try CLI.run(["estimate", Self.profile, "--format", "json", "--output", link])
    #expect(run.status == 0)
    #expect(try type(link) == .typeSymbolicLink)
    #expect(try String(contentsOfFile: dir.appendingPathComponent("new.json").path, encoding: .utf8).hasPrefix("{"))
  }

  @Test func aFIFOIsWrittenIntoNotReplaced() throws {
    let dir = try scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let fifo = dir.appendingPathComponent("pipe").path
    #expect(mkfifo(fifo, 0o644) == 0)
    let reader = Process()
    // timeout: if billcast replaced the FIFO instead of writing into it, cat would wait forever.
    reader.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
    reader.arguments = ["20", "/bin/cat", fifo]
    let out = Pipe()
    reader.standardOutput = out
    try reader.run()
    let run = try CLI.run(["estimate", Self.profile, "--format", "markdown", "--output", fifo])
    let read = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    reader.waitUntilExit()
    #expect(run.status == 0)
    #expect(read.hasPrefix("# Job Posting Analyzer"))
    var status = stat()
    #expect(lstat(fifo, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO)  // still a FIFO
  }

  @Test func aDirectoryIsRefused() throws {
    let dir = try scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let run = try CLI.run(["estimate", Self.profile, "--output", dir.path])
    #expect(run.status == 74 && run.stdout == "")
    #expect(run.stderr == "billcast: error: cannot write '\(dir.path)': it is a directory\n")
  }

  @Test func aMissingDirectoryNamesThePathAndTheReason() throws {
    let run = try CLI.run(["estimate", Self.profile, "--output", "/nonexistent-billcast-dir/report.txt"])
    #expect(run.status == 74)
    #expect(
      run.stderr == "billcast: error: cannot write '/nonexistent-billcast-dir/report.txt': No such file or directory\n")
  }

  @Test func aNewFileGetsTheUsualModeAndAReplacedFileKeepsItsOwn() throws {
    let dir = try scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("a.txt").path
    #expect(try CLI.run(["estimate", Self.profile, "--output", path]).status == 0)
    let mask = umask(0o022); umask(mask)
    #expect(try mode(path) == 0o666 & ~Int(mask))
    try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
    #expect(try CLI.run(["estimate", Self.profile, "--format", "json", "--output", path]).status == 0)
    #expect(try mode(path) == 0o600)
    #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("{"))
  }

  @Test func aFailedDiffWriteIsNotStatusOne() throws {
    let run = try CLI.run([
      "diff", Self.profile, "--before-as-of", "2024-10-01", "--after-as-of", "2024-10-02", "--output", "/dev/full",
    ])
    #expect(run.status == 74)
    #expect(!run.stderr.contains("NSCocoaErrorDomain"))
    #expect(run.stderr.split(separator: "\n").count == 1)
  }
}
