import BillcastTestSupport
import Foundation
import Testing

/// Texts built to exhaust memory: `Fn::Sub` and `Fn::Join` doubling level after level.
@Suite("Hostile CloudFormation templates: string bombs")
struct CloudFormationStringBombTests {
  /// `!Sub` of `width` copies of `${a}`, nested `depth` times around the text `x`: width^depth bytes.
  static func bomb(width: Int, depth: Int) -> String {
    var value = "x"
    for _ in 0..<depth {
      value = "!Sub ['\(String(repeating: "${a}", count: width))', {a: \(value)}]"
    }
    return value
  }

  @Test("A Fn::Sub text over 1 MiB is unresolved, naming the limit (it used to be built whole)")
  func overOneMiB() throws {
    // 40^4 = 2,560,000 bytes, over 1 MiB (1,048,576 bytes).
    let template = """
      Resources:
        F:
          \(HostileTemplateTests.function)
          Properties: {MemorySize: \(Self.bomb(width: 40, depth: 4)), \(HostileTemplateTests.functionProperties)}
      """
    let dir = try HostileTemplateTests.workspace(
      templates: ["t.yml": template], usage: "F: {requests: 1, duration_ms: 1}")
    let stderr = try HostileCloudFormationTests.refused(dir)
    #expect(stderr.contains("t.yml:4:"), "\(stderr.prefix(500))")
    #expect(
      stderr.contains(
        "MemorySize cannot be resolved statically: Fn::Sub would make a text of more than 1048576 bytes (1 MiB)"),
      "\(stderr.prefix(500))")
  }

  @Test("A 10 GB Fn::Sub bomb is refused in a moment, and a Join of it too (it aborted)")
  func tenGigabytes() throws {
    // 100^5 = 10,000,000,000 bytes.
    let template = """
      Resources:
        F:
          \(HostileTemplateTests.function)
          Properties:
            MemorySize: !Join ['', [\(Self.bomb(width: 100, depth: 5)), '1']]
            Description: \(Self.bomb(width: 100, depth: 5))
            \(HostileTemplateTests.functionProperties.replacingOccurrences(of: ", ", with: "\n      "))
      """
    let dir = try HostileTemplateTests.workspace(
      templates: ["t.yml": template], usage: "F: {requests: 1, duration_ms: 1}")
    let stderr = try HostileCloudFormationTests.refused(dir)
    #expect(
      stderr.contains(
        "Resources.F.Properties.MemorySize: MemorySize cannot be resolved statically: Fn::Sub would make a text of more than 1048576 bytes"
      ), "\(stderr.prefix(500))")
  }

  @Test("Texts adding up past 64 MiB in one template leave the rest unresolved, naming the budget")
  func templateBudget() throws {
    // P is 65,536 bytes; each topic's name is 15 copies (983,040 bytes, under 1 MiB); 70 topics make
    // 68,812,800 bytes, past 64 MiB (67,108,864): T68 passes the budget (68 × 983,040 = 66,846,720
    // bytes made before it), which is then spent, so F's MemorySize, resolved after them, is not made.
    var lines = [
      "Parameters:", "  P: {Type: String, Default: '\(String(repeating: "p", count: 65_536))'}",
      "  Memory: {Type: String, Default: '1024'}", "Resources:",
    ]
    for i in 0..<70 {
      lines.append(
        "  T\(i): {Type: AWS::SNS::Topic, Properties: {DisplayName: !Sub '\(String(repeating: "${P}", count: 15))'}}")
    }
    lines += [
      "  F:", "    \(HostileTemplateTests.function)",
      "    Properties: {MemorySize: !Sub '${Memory}', \(HostileTemplateTests.functionProperties)}",
    ]
    let dir = try HostileTemplateTests.workspace(
      templates: ["t.yml": lines.joined(separator: "\n")], usage: "F: {requests: 1, duration_ms: 1}")
    let stderr = try HostileCloudFormationTests.refused(dir)
    #expect(
      stderr.contains(
        "Resources.F.Properties.MemorySize: MemorySize cannot be resolved statically: the template's Fn::Join and Fn::Sub texts pass 67108864 bytes (64 MiB)"
      ), "\(stderr.prefix(500))")
  }
}
