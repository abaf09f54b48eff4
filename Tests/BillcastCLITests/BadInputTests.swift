import BillcastTestSupport
import Foundation
import Testing

/// Bad input gets `file:line:col: error:` lines naming every problem, exit status 2 and nothing on stdout.
@Suite("Bad input")
struct BadInputTests {
  static let header = "format: billcast.profile/1\nname: bad\nregion: us-east-1\nas_of: 2024-10-01\n"

  static func profile(_ body: String) -> String {
    header + "workload:\n  page_views: 1000\narchitectures:\n  web:\n    components:\n" + body
  }

  static let cases: [(name: String, text: String, expected: [String])] = [
    ("malformed YAML", header + "architectures: [web\n", ["malformed.yaml:6:1: error: invalid YAML"]),
    (
      "unknown service", profile("      fn:\n        service: aws.lamda\n        inputs: {requests: 5}\n"),
      [
        "unknown-service.yaml:11:18: error: architectures.web.components.fn.service: unknown service 'aws.lamda' (did you mean 'aws.lambda'?)"
      ]
    ),
    (
      "misspelt input",
      profile(
        "      fn:\n        service: aws.lambda\n        inputs:\n          requests: 5\n          duraton_ms: 100\n"),
      [
        "misspelt-input.yaml:14:11: error: architectures.web.components.fn.inputs.duraton_ms: aws.lambda has no input 'duraton_ms' (did you mean 'duration_ms'?)",
        "misspelt-input.yaml:10:7: error: architectures.web.components.fn: missing input 'duration_ms' (ms) for aws.lambda; it has no default",
      ]
    ),
    (
      "unknown variable",
      profile(
        "      fn:\n        service: aws.lambda\n        inputs:\n          requests: page_veiws * 2\n          duration_ms: 100\n"
      ),
      [
        "unknown-variable.yaml:13:21: error: architectures.web.components.fn.inputs.requests: the formula names 'page_veiws', which is not a workload variable (did you mean 'page_views'?)"
      ]
    ),
    (
      "not a number",
      profile(
        "      fn:\n        service: aws.lambda\n        inputs:\n          requests: 12abc\n          duration_ms: 100\n"
      ),
      [
        "not-a-number.yaml:13:21: error: architectures.web.components.fn.inputs.requests: invalid value '12abc': '12abc' is not a number"
      ]
    ),
    (
      "negative quantity",
      profile(
        "      fn:\n        service: aws.lambda\n        inputs:\n          requests: -5\n          duration_ms: 100\n"),
      [
        "negative-quantity.yaml:13:21: error: architectures.web.components.fn.inputs.requests: requests = -5 is below 0, the least aws.lambda allows"
      ]
    ),
    (
      "unknown instance type",
      profile("      vm:\n        service: aws.ec2\n        inputs:\n          instance_type: t3.mirco\n"),
      [
        "unknown-instance-type.yaml:13:26: error: architectures.web.components.vm.inputs.instance_type: 't3.mirco' is not a value of instance_type; expected one of: t3.nano, t3.micro,",
        "(did you mean 't3.micro'?)",
      ]
    ),
    (
      "invalid App Runner size",
      profile(
        "      app:\n        service: aws.apprunner\n        inputs:\n          vcpu: 1\n          memory_gb: 8\n          active_hours: 10\n"
      ),
      [
        "invalid-app-runner-size.yaml:10:7: error: architectures.web.components.app: vcpu = 1, memory_gb = 8 is not a valid size: App Runner"
      ]
    ),
  ]

  func write(_ text: String, named name: String) throws -> (dir: URL, file: String) {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("billcast-bad-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
    return (dir, name)
  }

  @Test("each bad profile", arguments: Self.cases.map(\.name))
  func badProfile(name: String) throws {
    let c = Self.cases.first { $0.name == name }!
    let fileName =
      name.replacingOccurrences(of: " ", with: "-").replacingOccurrences(of: "YAML", with: "").lowercased()
      .trimmingCharacters(in: CharacterSet(charactersIn: "-")) + ".yaml"
    let (dir, file) = try write(c.text, named: fileName)
    defer { try? FileManager.default.removeItem(at: dir) }
    let run = try CLI.run(["estimate", file, "--pricing", TestSupport.testPricingPath], in: dir)
    #expect(run.status == 2)
    #expect(run.stdout == "")
    for e in c.expected {
      #expect(run.stderr.contains(e), "expected: \(e)\nstderr:\n\(run.stderr)")
    }
    for line in run.stderr.split(separator: "\n") {
      #expect(line.range(of: #"^[^:]+\.yaml:\d+:\d+: error: "#, options: .regularExpression) != nil, "\(line)")
    }
  }

  @Test func aliasBomb() throws {
    var text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
    for k in 1..<names.count {
      let p = names[k - 1]
      text += "\(names[k]): &\(names[k]) [*\(p), *\(p), *\(p), *\(p), *\(p), *\(p), *\(p), *\(p), *\(p), *\(p)]\n"
    }
    #expect(text.utf8.count <= 500)
    let (dir, file) = try write(text, named: "bomb.yaml")
    defer { try? FileManager.default.removeItem(at: dir) }
    let run = try CLI.run(["estimate", file, "--pricing", TestSupport.testPricingPath], in: dir)
    #expect(run.status == 2 && run.stdout == "")
    #expect(
      run.stderr.hasPrefix(
        "bomb.yaml:1:20: error: the document has more than 100000 nodes once its aliases are expanded"))
  }

  @Test func hundredMegabyteFile() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("billcast-big-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let url = dir.appendingPathComponent("huge.yaml")
    _ = FileManager.default.createFile(atPath: url.path, contents: nil)
    let handle = try FileHandle(forWritingTo: url)
    try handle.truncate(atOffset: 100 * 1024 * 1024)  // a sparse 100 MB file
    try handle.close()
    let run = try CLI.run(["estimate", "huge.yaml", "--pricing", TestSupport.testPricingPath], in: dir)
    #expect(run.status == 2 && run.stdout == "")
    #expect(run.stderr == "huge.yaml:1:1: error: the file is 104857600 bytes; the limit is 1048576 bytes\n")
  }

  @Test func forecastPastTheSampledMonthsLimitIsAnErrorBeforeAnyWork() throws {
    // 1,000,000 samples × 24 months × 6 architectures = 144,000,000 sampled months (the limit is 12,000,000).
    let run = try CLI.run(["forecast", "examples/job-posting-analyzer-today.yaml", "--samples", "1000000"])
    #expect(run.status == 2 && run.stdout == "")
    #expect(
      run.stderr.contains(
        "error: forecast: 1000000 samples × 24 months × 6 architectures is 144000000 sampled months; billcast's limit is 12000000"
      ))
  }

  @Test func badArgumentsUseArgumentParsersStatus() throws {
    let run = try CLI.run(["estimate", "examples/job-posting-analyzer.yaml", "--as-of", "2026-13-01"])
    #expect(run.status == 64)
    #expect(run.stdout == "")
  }
}
