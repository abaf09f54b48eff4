import BillcastCore

extension ProfileReader {
  /// An architecture's `reconcile:` block: `{tags, accounts, components: {NAME: {tags, resources, logical_ids}}}`.
  func readReconcile(_ c: YAMLCursor, components: [String]) -> ReconcileRules? {
    guard let f = c.fields(["tags", "accounts", "components"], what: "a mapping {tags, accounts, components}") else {
      return nil
    }
    var rules = ReconcileRules(location: c.location)
    rules.tags = f["tags"].map(readTags) ?? [:]
    rules.accounts = f["accounts"].map(readTexts) ?? []
    let known = Set(components)
    for (name, keyCursor, rc) in f["components"]?.keyedEntries("a mapping of component names to rules") ?? [] {
      if !known.contains(name) {
        keyCursor.error(
          "no component '\(TerminalText.excerpt(name))' in this architecture\(Spelling.suggestion(for: name, among: components).map { "; did you mean '\($0)'?" } ?? "")"
        )
        continue
      }
      guard
        let rf = rc.fields(
          ["tags", "resources", "logical_ids"], what: "a mapping {tags, resources, logical_ids}")
      else { continue }
      let rule = ReconcileRules.ComponentRule(
        tags: rf["tags"].map(readTags) ?? [:], resources: rf["resources"].map(readTexts) ?? [],
        logicalIDs: rf["logical_ids"].map(readTexts) ?? [], location: keyCursor.location)
      if rule.tags.isEmpty && rule.resources.isEmpty && rule.logicalIDs.isEmpty {
        rc.error("a component's rule needs tags, resources or logical_ids")
      }
      rules.components[name] = rule
    }
    return rules
  }

  /// A mapping of tag keys to text values.
  private func readTags(_ c: YAMLCursor) -> [String: String] {
    var tags: [String: String] = [:]
    for (key, value) in c.entries("a mapping of tag keys to values") ?? [] {
      if let text = value.string("a tag value") { tags[key] = text }
    }
    return tags
  }

  /// A list of texts.
  private func readTexts(_ c: YAMLCursor) -> [String] {
    c.items("a list of texts")?.compactMap { $0.string() } ?? []
  }
}
