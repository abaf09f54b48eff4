import ArgumentParser

/// `--architecture`, repeatable: the architectures a command prices, all of them when none is named.
struct ArchitectureSelection: ParsableArguments {
  @Option(name: .long, help: "Price only this architecture (repeatable).", completion: ProfileCompletion.architectures)
  var architecture: [String] = []

  /// The architectures named, or nil for all.
  var selected: [String]? { architecture.isEmpty ? nil : architecture }
}
