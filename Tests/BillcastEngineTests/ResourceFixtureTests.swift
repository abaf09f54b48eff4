import BillcastCore
import BillcastEngine
import BillcastPricing
import BillcastTestSupport
import Foundation
import Testing

@testable import BillcastProfile

/// Every resource type billcast maps is priced by a fixture of its service's `fixtures.yaml`,
/// read as a CloudFormation template and as a Terraform plan, against hand-worked line items.
@Suite("Resource fixtures")
struct ResourceFixtureTests {
  static let fixtures: [ResourceFixture] = (try? ResourceFixture.all()) ?? []
  /// The catalog every fixture prices against (read once).
  static let catalog = Result { try ResourceFixture.catalog() }

  @Test("the fixture files read")
  func fixturesRead() throws {
    let all = try ResourceFixture.all()
    #expect(all.count >= 10, "\(all.count) fixtures")
  }

  @Test("each fixture prices as its hand-worked line items, in both formats", arguments: fixtures)
  func fixturePrices(_ fixture: ResourceFixture) throws {
    let catalog = try Self.catalog.get()
    var seen: Set<String> = []
    for format in fixture.formats {
      let priced = try fixture.price(format, catalog: catalog)
      #expect(
        priced.meters == fixture.expectedMeters,
        "\(fixture.name) as \(format.rawValue): \(priced.meters) (expected \(fixture.expectedMeters))")
      #expect(priced.total == fixture.expectedTotal, "\(fixture.name) as \(format.rawValue): total \(priced.total)")
      for (id, status) in fixture.expectedStatus where priced.statuses[id] != nil {
        #expect(
          priced.statuses[id] == status, "\(fixture.name) as \(format.rawValue): \(id) is \(priced.statuses[id]!)")
      }
      seen.formUnion(priced.statuses.keys)
    }
    let unknown = Set(fixture.expectedStatus.keys).subtracting(seen)
    #expect(unknown.isEmpty, "\(fixture.name): status of resources in no format: \(unknown.sorted())")
  }

  @Test("every mapped resource type has a fixture")
  func everyTypeHasAFixture() throws {
    let fixtures = try ResourceFixture.all()
    for format in TemplateFormat.allCases {
      let covered = Set(fixtures.flatMap { $0.resourceTypes(format) })
      let missing = ResourceDefinitions.builtIn.types(format).filter { !covered.contains($0) }
      #expect(missing.isEmpty, "\(format.rawValue) types without a fixture: \(missing.joined(separator: ", "))")
    }
  }

  @Test("every input a definition names is an input of its service")
  func inputsExist() throws {
    let catalog = try Self.catalog.get()
    for definition in ResourceDefinitions.builtIn.all {
      let services: [String]
      switch definition.service {
      case .fixed(let id): services = [id]
      case .chosen(_, let map, let absent):
        services = Array(Set(map.cloudFormation.values).union(map.terraform.values)) + (absent.map { [$0] } ?? [])
      case .free, .owner: continue
      }
      for id in services {
        let service = try #require(catalog.service(id, region: "us-east-1"), "\(definition.name): no service \(id)")
        for name in definition.inputs.map(\.name) + definition.required {
          #expect(
            service.input(name) != nil,
            "\(definition.name) (\(definition.location.short)) sets \(name), not an input of \(id)")
        }
      }
    }
  }
}
