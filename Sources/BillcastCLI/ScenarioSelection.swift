import ArgumentParser

/// `--scenario`, repeatable: the scenarios a command prices, all of them when none is named.
struct ScenarioSelection: ParsableArguments {
  @Option(name: .long, help: "Price only this scenario (repeatable).", completion: ProfileCompletion.scenarios)
  var scenario: [String] = []

  /// The scenarios named, or nil for all.
  var selected: [String]? { scenario.isEmpty ? nil : scenario }
}
