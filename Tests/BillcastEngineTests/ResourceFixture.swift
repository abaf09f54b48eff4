import BillcastCore
import BillcastEngine
import BillcastPricing
import BillcastTestSupport
import Foundation
import Testing
import Yams

@testable import BillcastProfile

/// One fixture of a service's `fixtures.yaml` (`billcast.fixtures/1`): resources written as a
/// CloudFormation template and as a Terraform plan, the usage a template cannot know, and the
/// line items worked out by hand.
struct ResourceFixture: @unchecked Sendable, CustomTestStringConvertible {
  /// `service-folder/fixture-name`.
  var name: String
  var region: String
  var freeTier: String
  var cloudFormation: String?
  var terraform: String?
  /// The usage block, keyed by logical ID (a plan resource's `name` is the same).
  var usage: Node?
  /// Each meter's cost summed over the components (`aws.sqs/requests`), non-zero ones only.
  var expectedMeters: [String: ExactDecimal]
  var expectedTotal: ExactDecimal
  /// Resource statuses (`free`, `part-of`, `not-priced`, `priced`) by logical ID.
  var expectedStatus: [String: String]

  var testDescription: String { name }

  /// The formats the fixture is written in.
  var formats: [TemplateFormat] {
    (cloudFormation == nil ? [] : [.cloudFormation]) + (terraform == nil ? [] : [.terraform])
  }

  /// The catalog fixtures price against: the frozen test catalog, plus each service model of
  /// `pricing/aws/services/` it does not have and the rates the fixture files state for them
  /// (`rates:` by region), so that adding a service touches no file under `Tests/`.
  static func catalog() throws -> PricingCatalog {
    let fm = FileManager.default
    let folder = fm.temporaryDirectory.appendingPathComponent("billcast-fixture-catalog-\(UUID().uuidString)")
    defer { try? fm.removeItem(at: folder) }
    try fm.copyItem(atPath: TestSupport.testPricingPath, toPath: folder.path)
    let live = TestSupport.path("pricing")
    let files = fm.enumerator(atPath: live)!.compactMap { $0 as? String }.sorted()
    for model in files where model.hasSuffix("/model.yaml") && !fm.fileExists(atPath: folder.path + "/" + model) {
      try fm.createDirectory(
        atPath: folder.path + "/" + FilePath.folder(of: model), withIntermediateDirectories: true)
      try fm.copyItem(atPath: live + "/" + model, toPath: folder.path + "/" + model)
    }
    var added: [String: String] = [:]
    for file in files where file.hasSuffix("/fixtures.yaml") {
      guard let root = try Yams.compose(yaml: String(contentsOfFile: live + "/" + file, encoding: .utf8)),
        let rates = root["rates"]?.mapping
      else { continue }
      for (region, entries) in rates {
        guard let region = region.string, let entries = entries.mapping else { continue }
        let text = try Yams.serialize(node: .mapping(entries))
        added[region, default: ""] += text.split(separator: "\n").map { "  \($0)\n" }.joined()
      }
    }
    for (region, text) in added {
      let path = folder.path + "/aws/rates/\(region).yaml"
      try (String(contentsOfFile: path, encoding: .utf8) + text).write(toFile: path, atomically: true, encoding: .utf8)
    }
    return try PricingCatalog.load(directory: folder.path)
  }

  /// Every fixture under `pricing/`, in path order.
  static func all() throws -> [ResourceFixture] {
    let root = TestSupport.path("pricing")
    let files = FileManager.default.enumerator(atPath: root)!.compactMap { $0 as? String }.filter {
      $0.hasSuffix("/fixtures.yaml")
    }.sorted()
    return try files.flatMap { try read(root + "/" + $0, folder: FilePath.folder(of: $0)) }
  }

  static func read(_ path: String, folder: String) throws -> [ResourceFixture] {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    guard let root = try Yams.compose(yaml: text), let format = root["format"]?.string,
      format == "billcast.fixtures/1", let entries = root["fixtures"]?.mapping
    else { throw FixtureError("\(path): not a billcast.fixtures/1 file") }
    return try entries.map { key, node in
      let name = "\(folder.split(separator: "/").last ?? "")/\(key.string ?? "?")"
      guard let expect = node["expect"]?.mapping, let total = expect["total"]?.string.flatMap(ExactDecimal.init)
      else { throw FixtureError("\(name): no expect.total") }
      var meters: [String: ExactDecimal] = [:]
      for (k, v) in expect where k.string != "total" {
        guard let amount = v.string.flatMap(ExactDecimal.init) else {
          throw FixtureError("\(name): \(k) is not a number")
        }
        meters[k.string!] = amount
      }
      var status: [String: String] = [:]
      for (k, v) in node["status"]?.mapping ?? [:] { status[k.string!] = v.string }
      return ResourceFixture(
        name: name, region: node["region"]?.string ?? "us-east-1", freeTier: node["free_tier"]?.string ?? "always-free",
        cloudFormation: node["cloudformation"]?.string, terraform: node["terraform"]?.string, usage: node["usage"],
        expectedMeters: meters, expectedTotal: total, expectedStatus: status)
    }
  }

  /// The resource types the fixture holds in a format.
  func resourceTypes(_ format: TemplateFormat) -> [String] {
    switch format {
    case .cloudFormation:
      guard let text = cloudFormation, let root = try? Yams.compose(yaml: text) else { return [] }
      return root["Resources"]?.mapping?.values.compactMap { $0["Type"]?.string } ?? []
    case .terraform:
      return planResources().map(\.type)
    }
  }

  /// The plan's resources: address, type and name.
  func planResources() -> [(address: String, type: String, name: String)] {
    guard let text = terraform, let data = text.data(using: .utf8),
      let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      let planned = json["planned_values"] as? [String: Any], let module = planned["root_module"] as? [String: Any]
    else { return [] }
    return (module["resources"] as? [[String: Any]] ?? []).compactMap {
      guard let address = $0["address"] as? String, let type = $0["type"] as? String, let name = $0["name"] as? String
      else { return nil }
      return (address, type, name)
    }
  }

  /// What an estimate of the fixture in one format gives.
  struct Priced {
    var meters: [String: ExactDecimal]
    var total: ExactDecimal
    var statuses: [String: String]
  }

  /// Prices the fixture in one format against a catalog (files in a temporary folder).
  func price(_ format: TemplateFormat, catalog: PricingCatalog) throws -> Priced {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("billcast-fixture-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let names = Dictionary(planResources().map { ($0.name, $0.address) }, uniquingKeysWith: { a, _ in a })
    let source: String
    var usage = usage
    switch format {
    case .cloudFormation:
      try cloudFormation!.write(to: folder.appendingPathComponent("template.yaml"), atomically: true, encoding: .utf8)
      source = "cloudformation: [template.yaml]"
    case .terraform:
      try terraform!.write(to: folder.appendingPathComponent("plan.json"), atomically: true, encoding: .utf8)
      source = "terraform_plan: plan.json"
      if let mapping = usage?.mapping {
        usage = .mapping(.init(mapping.map { (Node(names[$0.string ?? ""] ?? $0.string ?? ""), $1) }))
      }
    }
    var usageText = ""
    if let usage {
      usageText =
        "    usage:\n" + (try Yams.serialize(node: usage)).split(separator: "\n").map { "      \($0)\n" }.joined()
    }
    let profile = """
      format: billcast.profile/1
      name: \(name)
      region: \(region)
      account: {free_tier: \(freeTier)}
      architectures:
        fixture:
          \(source)
      \(usageText)
      """
    let path = folder.appendingPathComponent("profile.yaml").path
    try profile.write(toFile: path, atomically: true, encoding: .utf8)
    let resolved = try ResolvedProfile.resolve(try Profile.load(path: path), catalog: catalog)
    let estimate = try Estimator.estimate(
      resolved, options: EstimateOptions(asOf: nil, today: CalendarDate("2026-11-25")!, freeTier: nil))
    let result = try #require(estimate.results.first)
    var meters: [String: ExactDecimal] = [:]
    for line in result.components.flatMap({ $0.lines }) {
      meters["\(line.service)/\(line.meter)", default: .zero] += line.cost.high
    }
    let addresses = Dictionary(names.map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    var statuses: [String: String] = [:]
    for r in result.resources { statuses[format == .terraform ? addresses[r.id] ?? r.id : r.id] = r.status.name }
    return Priced(meters: meters.filter { $0.value != .zero }, total: result.total.high, statuses: statuses)
  }
}

struct FixtureError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
