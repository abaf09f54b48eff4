import BillcastTestSupport
import Foundation
import Testing

/// The same inputs give the same bytes in separate processes (each with its own hash seed, so
/// any output that depends on a dictionary's or a set's order shows up here).
@Suite("Determinism across processes")
struct DeterminismTests {
  @Test func generatedProfilesGiveTheSameBytesInEveryRun() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("billcast-determinism-\(getpid())")
    try FileManager.default.createDirectory(
      at: directory.appendingPathComponent("pricing"), withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    for seed in GeneratedCase.seeds(10, count: 12) {
      let c = try GeneratedCase(seed: seed)
      try c.table.yaml.write(
        to: directory.appendingPathComponent("pricing/generated.yaml"), atomically: true, encoding: .utf8)
      try c.profile.yaml().write(
        to: directory.appendingPathComponent("profile.yaml"), atomically: true, encoding: .utf8)
      let commands: [[String]] = [
        ["estimate", "profile.yaml", "--format", "json"],
        ["estimate", "profile.yaml", "--explain"],
        ["compare", "profile.yaml", "--format", "csv"],
        ["forecast", "profile.yaml", "--months", "4", "--samples", "100", "--seed", "\(seed)", "--format", "json"],
      ]
      for command in commands {
        let first = try CLI.run(command, in: directory, environment: CLI.findsItsPricing)
        let second = try CLI.run(command, in: directory, environment: CLI.findsItsPricing)
        #expect(first.status == 0, "\(command) exited \(first.status): \(first.stderr)\n\(c)")
        #expect(first.stdout == second.stdout && !first.stdout.isEmpty, "\(command) differs between runs\n\(c)")
      }
    }
  }
}
