import BillcastCore
import BillcastPricing
import BillcastTestSupport
import Testing

/// Every check the pricing-table reader and the catalog make, each with its message and location.
@Suite("Pricing table checks")
struct PricingReaderTests {
  /// A table with one service `test.svc` (line 10 on): a numeric input `n`, a choice input `arch`,
  /// and the meters and extra keys given (indented as service keys).
  static func table(meters: String, extra: String = "") -> String {
    func indented(_ text: String) -> String {
      text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "  " + $0 }.joined(
        separator: "\n")
    }
    return TestSupport.pricingTableHeader
      + "  test.svc:\n    name: Test\n    inputs:\n      n: {unit: requests, hard: {min: 0}}\n      arch: {values: [a, b], default: a}\n    meters:\n"
      + indented(meters) + "\n" + indented(extra) + "\n"
  }

  static func problems(_ tables: [String]) -> [String] {
    let documents = tables.enumerated().map { i, text in try! YAMLDocument.parse(text, path: "t\(i).yaml") }
    let collector = DiagnosticCollector()
    _ = PricingCatalog.read(documents, diagnostics: collector)
    return collector.errors.map(\.description)
  }

  static let cases: [(name: String, tables: [String], expected: String)] = [
    (
      "earlier prices out of date order",
      [
        table(
          meters: """
                m:
                  unit: requests
                  quantity: n
                  price:
                    rate: 0.3
                    source: page
                    before:
                      - {until: 2024-01-01, rate: 0.2, source: page}
                      - {until: 2023-01-01, rate: 0.1, source: page}
            """)
      ],
      "t0.yaml:24:15: error: services.test.svc.meters.m.price.before[1]: earlier prices must be listed in date order: 2023-01-01 is not after 2024-01-01"
    ),
    (
      "earlier quantity rules out of date order",
      [
        table(
          meters: """
                m:
                  unit: requests
                  quantity: n
                  quantity_before:
                    - {until: 2024-01-01, quantity: n * 2, source: page}
                    - {until: 2023-01-01, quantity: n * 3, source: page}
                  price: {rate: 0.3, source: page}
            """)
      ],
      "error: services.test.svc.meters.m.quantity_before[1].until: earlier rules must be listed in date order: 2023-01-01 is not after 2024-01-01"
    ),
    (
      "a keyed price missing a value",
      [
        table(
          meters: """
                m:
                  unit: requests
                  quantity: n
                  price: {by: arch, values: {a: {rate: 0.1, source: page}}}
            """)
      ],
      "error: services.test.svc.meters.m.price.values: no price for arch = b; every value of arch this meter applies to needs one"
    ),
    (
      "a keyed price with an unknown value",
      [
        table(
          meters: """
                m:
                  unit: requests
                  quantity: n
                  price: {by: arch, values: {a: {rate: 0.1, source: page}, b: {rate: 0.1, source: page}, c: {rate: 0.1, source: page}}}
            """)
      ],
      "error: services.test.svc.meters.m.price.values.c: 'c' is not a value of arch (a, b)"
    ),
    (
      "a price keyed by a numeric input",
      [
        table(
          meters: """
                m:
                  unit: requests
                  quantity: n
                  price: {by: n, values: {a: {rate: 0.1, source: page}}}
            """)
      ],
      "error: services.test.svc.meters.m.price.by: 'n' is not a choice input of this service"
    ),
    (
      "billed as a keyed meter",
      [
        table(
          meters: """
                m:
                  unit: requests
                  quantity: n
                  price: {by: arch, values: {a: {rate: 0.1, source: page}, b: {rate: 0.2, source: page}}}
                shared:
                  unit: requests
                  quantity: n
                  billed_as: test.svc/m
            """)
      ],
      "error: services.test.svc.meters.shared.billed_as: test.svc/m has a keyed price; billed_as needs an unkeyed meter"
    ),
    (
      "billed as a meter of another unit",
      [
        table(
          meters: """
                m:
                  unit: GB
                  quantity: n
                  price: {rate: 0.1, source: page}
                shared:
                  unit: requests
                  quantity: n
                  billed_as: test.svc/m
            """)
      ],
      "error: services.test.svc.meters.shared.billed_as: unit 'requests' differs from test.svc/m's unit 'GB'"
    ),
    (
      "billed as a meter that does not exist",
      [
        table(
          meters: """
                shared:
                  unit: requests
                  quantity: n
                  billed_as: test.svc/nope
            """)
      ],
      "error: services.test.svc.meters.shared.billed_as: test.svc has no meter 'nope'"
    ),
    (
      "a combination naming an unknown input",
      [
        table(
          meters: """
                m: {unit: requests, quantity: n, price: {rate: 0.1, source: page}}
            """,
          extra: """
              combinations:
                inputs: [n, size]
                message: only these
                source: page
                allowed:
                  - {n: 1, size: 2}
            """)
      ],
      "error: services.test.svc.combinations.inputs[1]: 'size' is not a numeric input of this service"
    ),
    (
      "a combination missing an input",
      [
        table(
          meters: """
                m: {unit: requests, quantity: n, price: {rate: 0.1, source: page}}
            """,
          extra: """
              combinations:
                inputs: [n]
                message: only these
                source: page
                allowed:
                  - {}
            """)
      ],
      "error: services.test.svc.combinations.allowed[0]: missing 'n'"
    ),
    (
      "tiers that do not ascend",
      [
        table(
          meters: """
                m:
                  unit: requests
                  quantity: n
                  price: {per: 1, source: page, tiers: [{upto: 10, rate: 0.2}, {upto: 5, rate: 0.1}, {rate: 0.05}]}
            """)
      ],
      "error: services.test.svc.meters.m.price.tiers[1].upto: tiers must ascend: 5 is not above the previous tier's 10"
    ),
    (
      "a meter without a price",
      [
        table(
          meters: """
                m: {unit: requests, quantity: n}
            """)
      ],
      "error: services.test.svc.meters.m: missing 'price' (or 'billed_as'): a meter without a price would bill $0 silently"
    ),
    (
      "a quantity naming an unknown input",
      [
        table(
          meters: """
                m: {unit: requests, quantity: requests * 2, price: {rate: 0.1, source: page}}
            """)
      ],
      "error: services.test.svc.meters.m.quantity: the formula names 'requests', which is not a numeric input of this service"
    ),
    (
      "a price citing an unknown source",
      [
        table(
          meters: """
                m: {unit: requests, quantity: n, price: {rate: 0.1, source: pgae}}
            """)
      ],
      "error: services.test.svc.meters.m.price.source: unknown source 'pgae' (did you mean 'page'?); every price must name a source listed under 'sources'"
    ),
    (
      "two tables with one id",
      [
        table(meters: "    m: {unit: requests, quantity: n, price: {rate: 0.1, source: page}}"),
        table(meters: "    m: {unit: requests, quantity: n, price: {rate: 0.1, source: page}}").replacingOccurrences(
          of: "test.svc", with: "test.other"),
      ],
      "t1.yaml:2:5: error: id: table id 'test/r' is also used by t0.yaml:2"
    ),
    (
      "one service in two tables of a region",
      [
        table(meters: "    m: {unit: requests, quantity: n, price: {rate: 0.1, source: page}}"),
        table(meters: "    m: {unit: requests, quantity: n, price: {rate: 0.1, source: page}}").replacingOccurrences(
          of: "id: test/r", with: "id: test/r2"),
      ],
      "t1.yaml:11:5: error: services.test.svc: service 'test.svc' for region r is also defined in t0.yaml"
    ),
  ]

  @Test("each bad table", arguments: Self.cases.indices)
  func badTable(index: Int) {
    let c = Self.cases[index]
    let found = Self.problems(c.tables)
    #expect(
      found.contains { $0.contains(c.expected) },
      "\(c.name)\nexpected: \(c.expected)\nfound:\n\(found.joined(separator: "\n"))")
  }
}
