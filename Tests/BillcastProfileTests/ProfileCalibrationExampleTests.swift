import BillcastCore
import BillcastProfile
import BillcastTestSupport
import Foundation
import Testing

@Suite("Calibrating the example profiles")
struct ProfileCalibrationExampleTests {
  /// The example's text with whole lines replaced (found by their text) and lines inserted after others.
  static func expected(_ text: String, replacing: [String: String], inserting: [String: [String]] = [:]) -> String {
    var lines: [String] = []
    for line in text.components(separatedBy: "\n") {
      lines.append(replacing[line] ?? line)
      lines += inserting[line] ?? []
    }
    return lines.joined(separator: "\n")
  }

  static func input(_ a: String, _ c: String, _ i: String, _ value: String, _ comment: String) -> CalibratedValue {
    CalibratedValue(target: .input(architecture: a, component: c, input: i), value: value, comment: comment)
  }

  @Test func handWrittenExample() throws {
    let path = TestSupport.path("examples/job-posting-analyzer.yaml")
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let out = try ProfileCalibration.rewrite(
      text, path: path,
      values: [
        CalibratedValue(
          target: .workload(variable: "page_views", scenario: "occasional-demos"), value: "2000..2500", comment: "c1"),
        Self.input("app-runner", "database", "active_hours", "120", "c2"),
        Self.input("lambda-cloudfront", "ssr", "requests", "8000..9000", "c3"),
      ], header: [])
    let expected = Self.expected(
      text,
      replacing: [
        // Same width as 1000..5000: the comment keeps its column (30).
        "  page_views: 1000..5000      # doc: \"Low Traffic: 1,000-5,000 page views\" a month":
          "  page_views: 2000..2500      # c1",
        // The scenario overrides page_views: its value is calibrated too. '#' was at 18 + 8 + 18 = 44; 44 - 28 = 16.
        "      page_views: 100..500                  # assumed: only the demo audience visits":
          "      page_views: 2000..2500" + String(repeating: " ", count: 16) + "# c1",
        // app-runner's database is `*database`: the anchored component in lambda-cloudfront is edited.
        "          active_hours: db_active_hours": "          active_hours: 120 # c2",
        // '#' was at 20 + 37 + 3 = 60; the new value ends at 30: 30 spaces.
        "          requests: page_views * (1 + api_calls_per_view)   # every page render and API call":
          "          requests: 8000..9000" + String(repeating: " ", count: 30) + "# c3",
      ])
    #expect(out == expected)
    let profile = try Profile.read(try YAMLDocument.parse(out, path: path))
    #expect(profile.workload.first { $0.name == "page_views" }?.value == .range(.number(2000), .number(2500)))
    let demos = profile.scenarios.first { $0.name == "occasional-demos" }!
    #expect(demos.overrides.first { $0.name == "page_views" }?.value == .range(.number(2000), .number(2500)))
    for a in ["lambda-cloudfront", "app-runner", "ecs-fargate"] {
      let database = profile.architectures.first { $0.name == a }!.components.first { $0.name == "database" }!
      #expect(database.inputs.first { $0.name == "active_hours" }?.text == "120", "\(a)")
    }
    let ssr = profile.architectures[0].components.first { $0.name == "ssr" }!
    #expect(ssr.inputs.first { $0.name == "requests" }?.text == "8000..9000")
  }

  @Test func cloudFormationExample() throws {
    let path = TestSupport.path("examples/job-posting-analyzer-cloudformation.yaml")
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let out = try ProfileCalibration.rewrite(
      text, path: path,
      values: [
        Self.input("lambda-cloudfront", "NuxtLambdaFunction", "requests", "9000", "r"),
        // The template states MemorySize: 1024, so the profile replaces it under override.
        Self.input("lambda-cloudfront", "NuxtLambdaFunction", "memory_mb", "2048", "m"),
        // A resource with no usage entry yet gets one (the template states its alarms: override again).
        Self.input("lambda-cloudfront", "LambdaErrorAlarm", "alarms", "2", "a"),
        // A hand-written component beside the templates.
        Self.input("lambda-cloudfront", "database", "acu", "2", "u"),
      ], header: ["calibrated from bill.csv"])
    var expected = Self.expected(
      text,
      replacing: [
        "        requests: page_views * (1 + api_calls_per_view) + month_hours * 12": "        requests: 9000 # r",
        "          acu: 1": "          acu: 2 # u",
      ],
      inserting: [
        "        duration_ms: lambda_duration_ms": ["        override:", "          memory_mb: 2048 # m"],
        "        log_storage_gb: page_views * (1 + api_calls_per_view) * 0.2 / 1048576 * 7 / 30": [
          "      LambdaErrorAlarm:", "        override:", "          alarms: 2 # a",
        ],
      ])
    expected = expected.replacingOccurrences(
      of: "\nformat: billcast.profile/1", with: "\n# calibrated from bill.csv\nformat: billcast.profile/1")
    #expect(out == expected)
    let profile = try Profile.read(try YAMLDocument.parse(out, path: path))
    let components = profile.architectures[0].components
    func input(_ c: String, _ i: String) -> String? {
      components.first { $0.name == c }?.inputs.first { $0.name == i }?.text
    }
    #expect(input("NuxtLambdaFunction", "requests") == "9000")
    #expect(input("NuxtLambdaFunction", "memory_mb") == "2048")
    #expect(input("LambdaErrorAlarm", "alarms") == "2")
    #expect(input("ApiGateway5xxAlarm", "alarms") == "1")
    #expect(input("database", "acu") == "2")
  }

  @Test func templateWithoutUsageAndNestedStack() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("calibration-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let alarm = [
      "    Type: AWS::CloudWatch::Alarm", "    Properties:", "      MetricName: Errors", "      Namespace: AWS/Lambda",
      "      Statistic: Sum", "      Period: 300", "      EvaluationPeriods: 1", "      Threshold: 5",
      "      ComparisonOperator: GreaterThanThreshold",
    ].joined(separator: "\n")
    let parent =
      "Resources:\n  Alarm:\n\(alarm)\n  Inner:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: inner.yml\n"
    try parent.write(to: folder.appendingPathComponent("parent.yml"), atomically: true, encoding: .utf8)
    try "Resources:\n  Watch:\n\(alarm)\n".write(
      to: folder.appendingPathComponent("inner.yml"), atomically: true, encoding: .utf8)
    let text = """
      format: billcast.profile/1
      name: t
      region: us-east-1
      architectures:
        stack:
          cloudformation: parent.yml

      """
    let path = folder.appendingPathComponent("profile.yaml").path
    let out = try ProfileCalibration.rewrite(
      text, path: path,
      values: [
        Self.input("stack", "Alarm", "alarms", "3", "a"), Self.input("stack", "Inner/Watch", "alarms", "2", "w"),
      ], header: [])
    // `usage:` is created at the end of the architecture, two spaces deeper per level like its keys;
    // the nested stack's resource is keyed Stack/ID, and the alarm count the template states goes under override.
    #expect(
      out
        == """
        format: billcast.profile/1
        name: t
        region: us-east-1
        architectures:
          stack:
            cloudformation: parent.yml
            usage:
              Alarm:
                override:
                  alarms: 3 # a
              Inner/Watch:
                override:
                  alarms: 2 # w

        """)
    let components = try Profile.read(try YAMLDocument.parse(out, path: path)).architectures[0].components
    #expect(
      components.map { "\($0.name)=\($0.inputs.first { $0.name == "alarms" }?.text ?? "-")" } == [
        "Alarm=3", "Inner/Watch=2",
      ])
  }

  /// Every workload variable and every input of every component of both examples, at once: each
  /// edited line holds its new value, and every other line is as it was.
  @Test(arguments: ["examples/job-posting-analyzer.yaml", "examples/job-posting-analyzer-cloudformation.yaml"])
  func everyValueOfAnExample(_ example: String) throws {
    let path = TestSupport.path(example)
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let before = try Profile.load(path: path)
    var values = before.workload.map {
      CalibratedValue(target: .workload(variable: $0.name, scenario: nil), value: "7", comment: "w")
    }
    for a in before.architectures {
      for c in a.components {
        values += c.inputs.map { Self.input(a.name, c.name, $0.name, "7", "i") }
      }
    }
    let out = try ProfileCalibration.rewrite(text, path: path, values: values, header: [])
    let after = try Profile.read(try YAMLDocument.parse(out, path: path))
    #expect(after.workload.allSatisfy { $0.value == .number(7) })
    for a in after.architectures {
      for c in a.components {
        for i in c.inputs {
          #expect(i.text == "7", "\(a.name).\(c.name).\(i.name)")
        }
      }
    }
    // Lines are only replaced (same key, new value and comment) or added: every old line is
    // still there, in order, as it was or as its key with a calibrated value.
    let newLines = out.components(separatedBy: "\n")
    var index = 0
    for line in text.components(separatedBy: "\n") {
      let key = String(line.prefix { $0 != ":" })
      let found = newLines[index...].firstIndex {
        $0 == line
          || (key.count < line.count && $0.hasPrefix(key + ": 7") && ($0.hasSuffix("# w") || $0.hasSuffix("# i")))
      }
      guard let found else {
        Issue.record("line lost or moved: \(line)")
        break
      }
      index = found + 1
    }
  }
}
