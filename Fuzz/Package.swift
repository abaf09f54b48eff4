// swift-tools-version: 6.0
// libFuzzer harnesses for every entry point that reads untrusted text. Not part of the
// main package's build: scripts/fuzz.sh builds them with -sanitize=fuzzer,address.
import PackageDescription

let harness: (String, [Target.Dependency]) -> Target = { name, dependencies in
  .executableTarget(
    name: name, dependencies: dependencies + ["FuzzSupport"], swiftSettings: [.unsafeFlags(["-parse-as-library"])],
    // libFuzzer (its `main`) is linked into the harnesses only: billcast's build-time tools
    // (Plugins/EmbedData) are executables of their own, built with the same flags.
    linkerSettings: [.unsafeFlags(["-sanitize=fuzzer"])])
}

let package = Package(
  name: "billcast-fuzz",
  // a symlink to the repository, so the identity is "billcast" wherever it is cloned
  dependencies: [.package(path: "billcast")],
  targets: [
    .target(name: "FuzzSupport"),
    harness(
      "fuzz-profile",
      [.product(name: "BillcastProfile", package: "billcast"), .product(name: "BillcastCore", package: "billcast")]),
    harness(
      "fuzz-pricing",
      [.product(name: "BillcastPricing", package: "billcast"), .product(name: "BillcastCore", package: "billcast")]),
    harness("fuzz-snapshot", [.product(name: "BillcastPricing", package: "billcast")]),
    harness("fuzz-formula", [.product(name: "BillcastCore", package: "billcast")]),
    harness("fuzz-gzip", [.product(name: "BillcastCore", package: "billcast")]),
    harness("fuzz-bill", [.product(name: "BillcastBill", package: "billcast")]),
    harness(
      "fuzz-template",
      [.product(name: "BillcastProfile", package: "billcast"), .product(name: "BillcastCore", package: "billcast")]),
    harness(
      "fuzz-report",
      [.product(name: "BillcastReport", package: "billcast"), .product(name: "BillcastCore", package: "billcast")]),
  ]
)
