import BillcastCore
import BillcastProfile
import BillcastReport
import BillcastTestSupport
import Foundation
import Testing
import Yams

@testable import BillcastPricing

/// The JSON Schemas `billcast schema` prints agree with the readers key for key, and every
/// example, pricing file and golden report validates against them.
@Suite struct SchemaTests {
  static let profiles = ["job-posting-analyzer", "job-posting-analyzer-today", "job-posting-analyzer-cloudformation"]
    .map { TestSupport.path("examples/\($0).yaml") }
  static var pricingFiles: [String] { PricingCatalog.yamlFiles(under: TestSupport.path("pricing")) }

  static func schema(_ kind: JSONSchemas.Kind) throws -> JSONSchemaCheck { try JSONSchemaCheck(JSONSchemas.text(kind)) }

  @Test func theBuiltInSchemasAreDocsSchemas() throws {
    for kind in JSONSchemas.Kind.allCases {
      let file = try String(
        contentsOfFile: TestSupport.path("docs/schemas/\(kind.rawValue).schema.json"), encoding: .utf8)
      #expect(
        JSONSchemas.text(kind) == file,
        "docs/schemas/\(kind.rawValue).schema.json differs from the copy built in (docs/generated-code.md)")
    }
  }

  @Test func everyExampleEveryPricingFileAndEveryGoldenReportValidates() throws {
    let checks: [(JSONSchemas.Kind, [String])] = [
      (.profile, Self.profiles),
      (.pricing, Self.pricingFiles),
      (
        .report,
        (FileManager.default.enumerator(atPath: TestSupport.path("Tests/BillcastCLITests/Golden"))?.allObjects
          as? [String] ?? [])
          .filter { $0.hasSuffix(".json") || $0.hasSuffix(".json.parts") }.map {
            TestSupport.path("Tests/BillcastCLITests/Golden/" + $0)
          }
      ),
    ]
    for (kind, files) in checks {
      let schema = try Self.schema(kind)
      #expect(files.count >= 3, "\(kind): no files found")
      for file in files {
        // A golden JSON report is a folder of slices (GoldenSlices); joined, they are the report.
        let text =
          file.hasSuffix(".parts")
          ? try GoldenSlices.joined(directory: file) : try String(contentsOfFile: file, encoding: .utf8)
        let errors = schema.errors(try SchemaValue.parse(text))
        #expect(errors.isEmpty, "\(file): \(errors.prefix(5))")
      }
    }
  }

  @Test(arguments: [
    (
      "profile", "examples/job-posting-analyzer.yaml", "      cdn:\n        service: aws.cloudfront",
      "      cdn:\n        servce: aws.cloudfront",
      "/architectures/lambda-cloudfront/components/cdn: unknown key 'servce'"
    ),
    (
      "profile", "examples/job-posting-analyzer.yaml", "as_of: 2024-10-01", "as_off: 2024-10-01",
      ": unknown key 'as_off'"
    ),
    ("pricing", "pricing/aws/rates/eu-west-1.yaml", "\nrates:\n", "\nrate:\n", ": unknown key 'rate'"),
    (
      "pricing", "pricing/aws/model/serverless.yaml", "        quantity: requests\n", "        quantty: requests\n",
      "unknown key 'quantty'"
    ),
  ])
  func aMisspeltKeyDoesNotValidate(kind: String, file: String, original: String, misspelt: String, expected: String)
    throws
  {
    let text = try String(contentsOfFile: TestSupport.path(file), encoding: .utf8)
    #expect(text.contains(original))
    let errors = try Self.schema(JSONSchemas.Kind(rawValue: kind)!).errors(
      SchemaValue.parse(text.replacingOccurrences(of: original, with: misspelt)))
    #expect(errors.contains { $0.contains(expected) }, "\(errors.prefix(5))")
  }

  /// Each mapping a reader reads with `fields(known)`, found by its position, and the schema
  /// object at the same place: the schema must accept exactly `known`.
  @Test func theSchemasAcceptExactlyTheKeysTheReadersAccept() throws {
    let recorder = KnownKeysRecorder()
    let pricingDocuments = try Self.pricingFiles.map { try YAMLDocument.load(path: $0) }
    KnownKeysRecorder.$current.withValue(recorder) {
      for profile in Self.profiles { _ = Profile.reading(path: profile) }
      _ = PricingCatalog.read(pricingDocuments, diagnostics: DiagnosticCollector())
    }
    let recorded = recorder.recorded, paths = recorder.recordedPaths
    var compared = 0
    for (kind, files) in [(JSONSchemas.Kind.profile, Self.profiles), (.pricing, Self.pricingFiles)] {
      let schema = try Self.schema(kind)
      for file in files {
        guard let root = try Yams.compose(yaml: String(contentsOfFile: file, encoding: .utf8), Resolver.basic) else {
          continue
        }
        var walker = KeyWalker(schema: schema, file: file, recorded: recorded)
        walker.walk(root, schema.root)
        compared += walker.compared
        for mismatch in walker.mismatches {
          Issue.record(
            "\(file) \(paths[mismatch.position] ?? ""): the reader accepts \(mismatch.known.sorted()), the schema \(mismatch.schema.sorted())"
          )
        }
      }
    }
    // Every top level, every service, input, meter, price, tier, source, pool, component, budget…
    #expect(compared > 1_000, "only \(compared) mappings compared")
  }
}

/// Walks a YAML document beside its schema, comparing keys where a reader recorded them.
struct KeyWalker {
  let schema: JSONSchemaCheck
  let file: String
  let recorded: [KnownKeysRecorder.Position: Set<String>]
  var compared = 0
  var mismatches: [(position: KnownKeysRecorder.Position, known: Set<String>, schema: Set<String>)] = []

  /// The object schemas `s` may stand for: itself, or its oneOf/anyOf branches.
  func objectBranches(_ s: SchemaValue) -> [SchemaValue] {
    let s = schema.resolve(s)
    var out: [SchemaValue] = s["properties"] != nil || s["additionalProperties"] != nil ? [s] : []
    for keyword in ["oneOf", "anyOf"] {
      if case .array(let branches)? = s[keyword] { out += branches.flatMap(objectBranches) }
    }
    return out
  }

  static func propertyNames(_ s: SchemaValue) -> Set<String> {
    guard case .object(let members)? = s["properties"] else { return [] }
    return Set(members.map(\.0))
  }

  mutating func walk(_ node: Node, _ s: SchemaValue) {
    switch node {
    case .mapping(let mapping):
      let keys = Set(mapping.compactMap { $0.key.string })
      // The branch that names most of the mapping's keys (a pricing file's format picks its own).
      let format = mapping.first { $0.key.string == "format" }?.value.string
      let branches = objectBranches(s)
      guard
        let branch = branches.first(where: { b in
          format != nil && b["properties"]?["format"]?["const"] == .string(format!)
        })
          ?? branches.max(by: {
            Self.propertyNames($0).intersection(keys).count < Self.propertyNames($1).intersection(keys).count
          })
      else { return }
      if let mark = node.mark, let known = recorded[.init(file: file, line: mark.line, column: mark.column)],
        branch["additionalProperties"] == .bool(false)
      {
        compared += 1
        let names = Self.propertyNames(branch)
        if names != known { mismatches.append((.init(file: file, line: mark.line, column: mark.column), known, names)) }
      }
      for (key, value) in mapping {
        guard let name = key.string else { continue }
        if let child = branch["properties"]?[name] {
          walk(value, child)
        } else if let extra = branch["additionalProperties"], extra != .bool(false) {
          walk(value, extra)
        }
      }
    case .sequence(let items):
      let resolved = schema.resolve(s)
      let itemSchema = resolved["items"] ?? objectBranches(s).compactMap { $0["items"] }.first
      if let itemSchema { for item in items { walk(item, itemSchema) } }
    default:
      break
    }
  }
}
