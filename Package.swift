// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "billcast",
  products: [
    .executable(name: "billcast", targets: ["billcast"]),
    .library(name: "BillcastCore", targets: ["BillcastCore"]),
    .library(name: "BillcastPricing", targets: ["BillcastPricing"]),
    .library(name: "BillcastBuiltIn", targets: ["BillcastBuiltIn"]),
    .library(name: "BillcastProfile", targets: ["BillcastProfile"]),
    .library(name: "BillcastBill", targets: ["BillcastBill"]),
    .library(name: "BillcastEngine", targets: ["BillcastEngine"]),
    .library(name: "BillcastReport", targets: ["BillcastReport"]),
  ],
  dependencies: [
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    // 1.6.0: custom shell completion closures receive the word being completed (scenario names).
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.6.0"),
    // Exact fractions for formulas whose decimal evaluation would round (ExactRational).
    .package(url: "https://github.com/attaswift/BigInt", from: "6.0.0"),
  ],
  targets: [
    .target(
      name: "BillcastCore",
      dependencies: [.product(name: "Yams", package: "Yams"), .product(name: "BigInt", package: "BigInt")]),
    .target(name: "BillcastPricing", dependencies: ["BillcastCore"]),
    // The tables of pricing/ built into billcast, generated at build time (Plugins/EmbedData).
    // A target the plugin generates into holds a link to the folder it reads (`pricing`,
    // `docs-schemas`), excluded: SwiftPM plans the build again, and so runs the plugin again,
    // when a file is added to or removed from a target's folder (docs/generated-code.md).
    .target(
      name: "BillcastBuiltIn", dependencies: ["BillcastCore", "BillcastPricing"], exclude: ["pricing"],
      plugins: ["EmbedData"]),
    .target(name: "BillcastProfile", dependencies: ["BillcastCore"], exclude: ["pricing"], plugins: ["EmbedData"]),
    // Real bills (FOCUS and CUR exports) read in bounded memory, for `billcast reconcile`.
    .target(name: "BillcastBill", dependencies: ["BillcastCore", "BillcastPricing"]),
    .target(
      name: "BillcastEngine", dependencies: ["BillcastCore", "BillcastPricing", "BillcastProfile", "BillcastBill"]),
    .target(
      name: "BillcastReport", dependencies: ["BillcastCore", "BillcastPricing", "BillcastProfile", "BillcastEngine"],
      exclude: ["docs-schemas"], plugins: ["EmbedData"]),
    .target(
      name: "BillcastCLI",
      dependencies: [
        "BillcastCore", "BillcastPricing", "BillcastBuiltIn", "BillcastProfile", "BillcastEngine", "BillcastReport",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(name: "billcast", dependencies: ["BillcastCLI"]),
    .executableTarget(
      name: "billcast-example", dependencies: ["BillcastCore", "BillcastPricing", "BillcastProfile", "BillcastEngine"]),
    .executableTarget(name: "billcast-floor", dependencies: [.product(name: "Yams", package: "Yams")]),
    // The build-time generators Plugins/EmbedData runs (docs/generated-code.md): embed-text copies
    // files' texts into Swift (Foundation only); embed-pricing-snapshot reads the pricing tables
    // with every check and writes their compiled snapshot.
    .target(name: "EmbedSupport"),
    .executableTarget(name: "embed-text", dependencies: ["EmbedSupport"]),
    .executableTarget(
      name: "embed-pricing-snapshot", dependencies: ["BillcastCore", "BillcastPricing", "EmbedSupport"]),
    .plugin(name: "EmbedData", capability: .buildTool(), dependencies: ["embed-text", "embed-pricing-snapshot"]),
    .executableTarget(
      name: "billcast-bench",
      dependencies: [
        "BillcastCore", "BillcastPricing", "BillcastProfile", "BillcastEngine", "BillcastReport",
        .product(name: "Yams", package: "Yams"),
      ]),
    .target(
      name: "BillcastTestSupport",
      dependencies: [
        "BillcastCore", "BillcastPricing", "BillcastProfile", "BillcastEngine", .product(name: "Yams", package: "Yams"),
      ],
      path: "Tests/BillcastTestSupport"),
    // Every target lists each module it imports, so an incremental build recompiles it when
    // one of them changes (a transitive import alone was seen to leave stale objects behind).
    .testTarget(name: "BillcastCoreTests", dependencies: ["BillcastCore"]),
    .testTarget(
      name: "BillcastBillTests",
      dependencies: ["BillcastCore", "BillcastPricing", "BillcastBill", "BillcastTestSupport"]),
    .testTarget(
      name: "BillcastPricingTests",
      dependencies: ["BillcastCore", "BillcastPricing", "BillcastBuiltIn", "BillcastTestSupport"]),
    .testTarget(
      name: "BillcastProfileTests", dependencies: ["BillcastCore", "BillcastProfile", "BillcastTestSupport"]),
    .testTarget(
      name: "BillcastEngineTests",
      dependencies: [
        "BillcastCore", "BillcastPricing", "BillcastProfile", "BillcastEngine", "BillcastTestSupport",
        .product(name: "Yams", package: "Yams"),
      ]),
    .testTarget(
      name: "BillcastReportTests",
      dependencies: [
        "BillcastCore", "BillcastPricing", "BillcastProfile", "BillcastBill", "BillcastEngine", "BillcastReport",
        "BillcastTestSupport",
      ]),
    .testTarget(
      name: "BillcastPropertyTests",
      dependencies: [
        "BillcastCore", "BillcastPricing", "BillcastProfile", "BillcastEngine", "BillcastReport", "BillcastTestSupport",
      ]),
    .testTarget(
      name: "BillcastCLITests", dependencies: ["billcast", "BillcastCore", "BillcastTestSupport"],
      exclude: ["Golden", "Fixtures"]),
  ]
)
