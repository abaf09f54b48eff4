import BillcastCore
import BillcastProfile
import BillcastTestSupport
import Foundation
import Testing

@Suite("Calibrating a profile's text")
struct ProfileCalibrationTests {
  static let profile = """
    # yaml-language-server: $schema=profile.schema.json
    # A small profile.
    format: billcast.profile/1
    name: t
    region: us-east-1
    workload:
      page_views: 1000..5000      # doc: a guess
      api_calls: {value: 1..3, unit: calls}
      storage:
        value: 2   # GB
        unit: GB
      requests: page_views * (1 + api_calls)
    scenarios:
      busy:
        workload:
          page_views: 9000   # busier
      quiet:
        description: q
    architectures:
      web:
        components:
          fn: &fn
            service: aws.lambda
            inputs:
              requests: requests   # every call
              duration_ms: '120'
              memory_mb: "512"
          db:
            service: aws.rds
      other:
        components:
          fn: *fn
          queue:
            service: aws.sqs
            inputs: {requests: 5, payload_kb: 64}

    """

  static func workload(_ name: String, _ value: String, scenario: String? = nil, _ comment: String = "c")
    -> CalibratedValue
  {
    CalibratedValue(target: .workload(variable: name, scenario: scenario), value: value, comment: comment)
  }

  static func input(_ a: String, _ c: String, _ i: String, _ value: String, _ comment: String = "c")
    -> CalibratedValue
  {
    CalibratedValue(target: .input(architecture: a, component: c, input: i), value: value, comment: comment)
  }

  /// The text with line `n` (1-based) of `profile` replaced.
  static func replacing(_ lines: [Int: String], in text: String = profile) -> String {
    var all = text.components(separatedBy: "\n")
    for (n, line) in lines { all[n - 1] = line }
    return all.joined(separator: "\n")
  }

  static func errors(_ values: [CalibratedValue], text: String = profile) -> [String] {
    do {
      _ = try ProfileCalibration.rewrite(text, path: "profile.yaml", values: values, header: [])
      return []
    } catch {
      return error.diagnostics.map(\.description).sorted()
    }
  }

  @Test func plainValueInPlaceWithHeader() throws {
    let out = try ProfileCalibration.rewrite(
      Self.profile, path: "profile.yaml",
      values: [Self.workload("page_views", "41250..52000", "calibrated from the bill, 2026-09..2026-11 (3 months)")],
      header: ["Calibrated by billcast reconcile", "from bill.csv"])
    // The old comment's '#' was at column 30 (2 + 12 + 10 + 6 spaces); the new value ends at 26, so 4 spaces keep it there.
    let body = Self.replacing([
      7: "  page_views: 41250..52000    # calibrated from the bill, 2026-09..2026-11 (3 months)"
    ])
    let lines = body.components(separatedBy: "\n")
    let expected = (lines[0..<2] + ["# Calibrated by billcast reconcile", "# from bill.csv"] + lines[2...])
      .joined(separator: "\n")
    #expect(out == expected)
    let read = try TestSupport.profile(out)
    #expect(read.workload.first { $0.name == "page_views" }?.value == .range(.number(41250), .number(52000)))
    // The scenario's override is left alone: no scenario was named.
    #expect(read.scenarios[0].overrides[0].value == .number(9000))
  }

  @Test func scenarioOverrideAndMappingVariables() throws {
    let out = try ProfileCalibration.rewrite(
      Self.profile, path: "profile.yaml",
      values: [
        Self.workload("page_views", "7000..9000", scenario: "busy"),
        Self.workload("api_calls", "2.5", scenario: "quiet"),
        Self.workload("storage", "3.25"),
      ], header: [])
    #expect(
      out
        == Self.replacing([
          7: "  page_views: 7000..9000      # c",  // 10 characters for 10: the comment stays at column 30
          8: "  api_calls: {value: 2.5, unit: calls} # c",  // inside a flow mapping: the comment ends the line
          10: "    value: 3.25 # c",  // '#' was at 15; 4 + 7 + 4 = 15, so one space
          16: "      page_views: 7000..9000 # c",  // '#' was at 25, the value ends at 28: one space
        ]))
    let read = try TestSupport.profile(out)
    #expect(read.scenarios.first { $0.name == "busy" }?.overrides[0].value == .range(.number(7000), .number(9000)))
    #expect(read.workload.first { $0.name == "storage" }?.unit == "GB")
    #expect(
      Self.errors([Self.workload("page_views", "1", scenario: "bussy")]) == [
        "profile.yaml:13:1: error: scenarios.bussy: no such scenario (did you mean 'busy'?)"
      ])
  }

  @Test func quotedValuesAndMissingInputs() throws {
    let out = try ProfileCalibration.rewrite(
      Self.profile, path: "profile.yaml",
      values: [
        Self.input("web", "fn", "duration_ms", "250"),
        Self.input("web", "fn", "memory_mb", "min(1024, 2048)"),
        Self.input("web", "fn", "architecture", "arm64"),
        Self.input("web", "db", "storage_gb", "20"),
        Self.input("web", "db", "iops", "null"),
      ], header: [])
    var lines = Self.replacing([
      26: "          duration_ms: 250 # c",
      27: "          memory_mb: min(1024, 2048) # c",
    ]).components(separatedBy: "\n")
    // New keys go at the end of their mapping, indented like its keys; `inputs:` is created for db.
    lines.insert(
      contentsOf: ["        inputs:", "          storage_gb: 20 # c", "          iops: \"null\" # c"], at: 29)
    lines.insert("          architecture: arm64 # c", at: 27)
    #expect(out == lines.joined(separator: "\n"))
    let read = try TestSupport.profile(out)
    let db = read.architectures[0].components.first { $0.name == "db" }!
    #expect(db.inputs.map(\.name) == ["storage_gb", "iops"])
    #expect(db.inputs.map(\.text) == ["20", "null"])
    // The anchored component is the other architecture's too.
    let other = read.architectures[1].components.first { $0.name == "fn" }!
    #expect(other.inputs.map(\.text) == ["requests", "250", "min(1024, 2048)", "arm64"])
  }

  @Test func anchoredNodeOneValueOnly() throws {
    let same = try ProfileCalibration.rewrite(
      Self.profile, path: "profile.yaml",
      values: [
        Self.input("web", "fn", "requests", "500", "first"), Self.input("other", "fn", "requests", "500", "second"),
      ],
      header: [])
    // One anchored node, one edit: the first value's comment; '#' was at 31, the value ends at 23.
    #expect(same == Self.replacing([25: "          requests: 500        # first"]))
    #expect(
      Self.errors([Self.input("web", "fn", "requests", "500"), Self.input("other", "fn", "requests", "600")]) == [
        "profile.yaml:25:21: error: architectures.other.components.fn.inputs.requests: this value is shared through an anchor (also architectures.web.components.fn.inputs.requests): it cannot be calibrated to both '500' (architectures.web.components.fn.inputs.requests) and '600' (architectures.other.components.fn.inputs.requests); give the uses their own copies, or one value"
      ])
    // A key added through the alias goes into the anchored mapping, once.
    let added = try ProfileCalibration.rewrite(
      Self.profile, path: "profile.yaml",
      values: [Self.input("other", "fn", "architecture", "arm64"), Self.input("web", "fn", "architecture", "arm64")],
      header: [])
    var lines = Self.profile.components(separatedBy: "\n")
    lines.insert("          architecture: arm64 # c", at: 27)
    #expect(added == lines.joined(separator: "\n"))
  }

  @Test func flowMappings() throws {
    let out = try ProfileCalibration.rewrite(
      Self.profile, path: "profile.yaml",
      values: [
        Self.input("other", "queue", "requests", "12345", "r"),
        Self.input("other", "queue", "payload_kb", "min(8, 64)", "p"),
      ],
      header: [])
    // A formula with a comma is quoted inside a flow mapping; the line takes both comments.
    #expect(out == Self.replacing([35: "        inputs: {requests: 12345, payload_kb: \"min(8, 64)\"} # r; p"]))
    #expect(
      Self.errors([Self.input("other", "queue", "delay_s", "1")]) == [
        "profile.yaml:35:17: error: architectures.other.components.queue.inputs.delay_s: this flow mapping ({…}) cannot be calibrated safely: write it in block style (one key per line) to calibrate it"
      ])
  }

  @Test func blockScalarsAndLongPlainValues() throws {
    let text = """
      format: billcast.profile/1
      name: t
      region: us-east-1
      workload:
        a: >-
          1..2
        b: 3 *
          4
        c: 5
      architectures:
        w:
          components:
            x:
              service: s
              inputs:
                n: a

      """
    let out = try ProfileCalibration.rewrite(
      text, path: "profile.yaml", values: [Self.workload("a", "10"), Self.workload("b", "12")], header: [])
    // The block scalar and the plain scalar's second line go with the values they held.
    #expect(
      out
        == """
        format: billcast.profile/1
        name: t
        region: us-east-1
        workload:
          a: 10 # c
          b: 12 # c
          c: 5
        architectures:
          w:
            components:
              x:
                service: s
                inputs:
                  n: a

        """)
  }

  @Test func everyMissingTargetAtOnce() {
    #expect(
      Self.errors([
        Self.workload("pageviews", "1"),
        Self.workload("requests", "12abc"),
        Self.input("nope", "fn", "requests", "1"),
        Self.input("web", "fnn", "requests", "1"),
        Self.input("web", "fn", "requests", "1\n2"),
      ])
        == [
          "profile.yaml:12:13: error: workload.requests: the calibrated value '12abc' is not a formula: '12abc' is not a number (expected digits like 1000, 1_000, 0.25 or 1e6) at character 1",
          "profile.yaml:6:1: error: workload.pageviews: no such workload variable (did you mean 'page_views'?)",
          "profile.yaml:19:1: error: architectures.nope: no such architecture",
          "profile.yaml:21:5: error: architectures.web.components.fnn: no such component in architecture 'web' (hand-written or read from its templates) (did you mean 'fn'?)",
          "profile.yaml:22:7: error: architectures.web.components.fn.inputs.requests: the calibrated value '1\\u{A}2' must be one line of text: a number, a range, a formula or a choice",
        ].sorted())
  }

  @Test func lineEndingsAndUnicode() throws {
    let text = Self.profile.replacingOccurrences(of: "# A small profile.", with: "# Un profil, café → ✓")
      .replacingOccurrences(of: "\n", with: "\r\n")
    let out = try ProfileCalibration.rewrite(
      text, path: "profile.yaml",
      values: [
        Self.workload("page_views", "2000", "mesuré sur 3 mois ✓"), Self.input("web", "db", "storage_gb", "20"),
      ],
      header: ["étalonné"])
    var lines = Self.replacing([7: "  page_views: 2000            # mesuré sur 3 mois ✓"])
      .replacingOccurrences(of: "# A small profile.", with: "# Un profil, café → ✓")
      .components(separatedBy: "\n")
    lines.insert(contentsOf: ["        inputs:", "          storage_gb: 20 # c"], at: 29)
    lines.insert("# étalonné", at: 2)
    #expect(out == lines.joined(separator: "\r\n"))
    #expect(try TestSupport.profile(out).workload[0].value == .number(2000))
  }
}
