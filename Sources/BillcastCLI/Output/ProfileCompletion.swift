import ArgumentParser
import BillcastProfile

/// Shell completion from the profile on the command line: its scenario and architecture names.
enum ProfileCompletion {
  /// Completion of profile files: YAML files.
  static let profiles: CompletionKind = .file(extensions: ["yaml", "yml"])

  /// The profile's scenario names, for `--scenario`.
  static let scenarios: CompletionKind = .custom { words, _, prefix in
    names(words, prefix) { $0.scenarios.map(\.name) }
  }

  /// The profile's architecture names, for `--architecture`.
  static let architectures: CompletionKind = .custom { words, _, prefix in
    names(words, prefix) { $0.architectures.map(\.name) }
  }

  /// The names `pick` takes from the first profile among the shell's words (a word naming a
  /// .yaml or .yml file that reads), starting with `prefix`; none when no profile reads.
  static func names(_ words: [String], _ prefix: String, _ pick: (Profile) -> [String]) -> [String] {
    for word in words.dropFirst() where word.hasSuffix(".yaml") || word.hasSuffix(".yml") {
      guard let profile = Profile.reading(path: word).profile else { continue }
      return pick(profile).filter { $0.hasPrefix(prefix) }
    }
    return []
  }
}
