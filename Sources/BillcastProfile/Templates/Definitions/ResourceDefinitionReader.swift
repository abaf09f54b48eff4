import BillcastCore

/// Reads a service's `resources.yaml` (`billcast.resources/1`) into resource definitions,
/// reporting every problem with its file, line, column and key path.
struct ResourceDefinitionReader {
  static let format = "billcast.resources/1"

  let diagnostics: DiagnosticCollector

  /// The definitions of one document; problems go to the collector.
  func read(_ document: YAMLDocument) -> [ResourceDefinition] {
    let root = YAMLCursor(document: document, diagnostics: diagnostics)
    guard let fields = root.fields(["format", "resources"], what: "a resource definitions file") else { return [] }
    if let format = fields.required("format"), let text = format.string(), text != Self.format {
      format.error("expected '\(Self.format)', found '\(TerminalText.excerpt(text))'")
    }
    guard let entries = fields.required("resources")?.entries("a mapping of definitions by name") else { return [] }
    return entries.compactMap { definition(name: $0.key, $0.value) }
  }

  private func definition(name: String, _ cursor: YAMLCursor) -> ResourceDefinition? {
    let known = [
      "cloudformation", "terraform", "service", "free", "part-of", "required", "inputs", "conditions", "rules",
    ]
    guard let fields = cursor.fields(known, what: "a resource definition") else { return nil }
    let location = SourceLocation(file: cursor.file, line: cursor.line, column: cursor.column, path: cursor.path)
    var types: [TemplateFormat: [String]] = [:]
    for format in TemplateFormat.allCases {
      if let list = fields[format.rawValue] { types[format] = strings(list) }
    }
    if types.isEmpty { cursor.error("a definition names its resource types under cloudformation, terraform or both") }
    if let free = fields["free"] {
      if fields.has("service") { fields["service"]?.error("a free resource has no service") }
      guard let why = free.string("why the resource costs nothing") else { return nil }
      var d = ResourceDefinition(name: name, types: types, service: .free(why), location: location)
      d.conditions = fields["conditions"]?.items("a list of conditions")?.compactMap(condition) ?? []
      return d
    }
    if let partOf = fields["part-of"] {
      if fields.has("service") { fields["service"]?.error("a resource priced with another has no service of its own") }
      var d = ResourceDefinition(name: name, types: types, service: .owner, location: location)
      d.partOf = self.partOf(partOf)
      return d.partOf == nil ? nil : d
    }
    guard let serviceCursor = fields.required("service"), let service = service(serviceCursor) else { return nil }
    var d = ResourceDefinition(name: name, types: types, service: service, location: location)
    d.required = fields["required"].map(strings) ?? []
    d.inputs = fields["inputs"]?.entries("a mapping of inputs by name")?.compactMap { input($0.key, $0.value) } ?? []
    d.conditions = fields["conditions"]?.items("a list of conditions")?.compactMap(condition) ?? []
    d.rules = fields["rules"].map(strings) ?? []
    for rule in d.rules where !IrregularRules.names.contains(rule) {
      fields["rules"]?.error(
        "unknown rule '\(TerminalText.excerpt(rule))'; expected one of: \(IrregularRules.names.sorted().joined(separator: ", "))"
      )
    }
    return d
  }

  private func partOf(_ cursor: YAMLCursor) -> ResourceDefinition.PartOf? {
    guard let fields = cursor.fields(["at", "names", "referrer", "when", "otherwise"], what: "a link to an owner"),
      let at = fields.required("at").flatMap(path), let otherwise = fields.required("otherwise")?.string()
    else { return nil }
    let link: ResourceDefinition.PartOf.Link
    if let referrer = fields["referrer"] {
      guard let types = self.path(referrer) else { return nil }
      link = .referrer([.cloudFormation: types.cloudFormation, .terraform: types.terraform], at)
    } else {
      link = .target(at, names: fields["names"]?.choice(["cluster", "function"]))
    }
    var result = ResourceDefinition.PartOf(link: link, otherwise: otherwise)
    if let when = fields["when"]?.fields(["at", "is"], what: "a test"), let whenAt = when.required("at").flatMap(path),
      let values = when.required("is").map(strings)
    {
      result.when = (whenAt, values)
    }
    return result
  }

  /// A text or a list of texts.
  private func strings(_ cursor: YAMLCursor) -> [String] {
    if case .scalar = cursor.node { return cursor.string().map { [$0] } ?? [] }
    return cursor.items("a text or a list of texts")?.compactMap { $0.string() } ?? []
  }

  private func path(_ cursor: YAMLCursor) -> ResourceDefinition.PropertyPath? {
    guard let fields = cursor.fields(["cloudformation", "terraform"], what: "a property path per format") else {
      return nil
    }
    return .init(
      cloudFormation: fields["cloudformation"].map(strings) ?? [], terraform: fields["terraform"].map(strings) ?? [])
  }

  /// A map of values, the same in both formats or given per format.
  private func valueMap(_ cursor: YAMLCursor) -> ResourceDefinition.ValueMap? {
    guard let entries = cursor.entries("a mapping of values") else { return nil }
    let perFormat =
      !entries.isEmpty
      && entries.allSatisfy { entry in
        TemplateFormat(rawValue: entry.key) != nil && { if case .mapping = entry.value.node { true } else { false } }()
      }
    func flat(_ entries: [(key: String, value: YAMLCursor)]) -> [String: String] {
      var result: [String: String] = [:]
      for (key, value) in entries { result[key] = value.string() }
      return result
    }
    guard perFormat else {
      let map = flat(entries)
      return .init(cloudFormation: map, terraform: map)
    }
    let byFormat = Dictionary(uniqueKeysWithValues: entries.map { ($0.key, flat($0.value.entries() ?? [])) })
    return .init(cloudFormation: byFormat["cloudformation"] ?? [:], terraform: byFormat["terraform"] ?? [:])
  }

  private func service(_ cursor: YAMLCursor) -> ResourceDefinition.Service? {
    if case .scalar = cursor.node { return cursor.string().map { .fixed($0) } }
    guard let fields = cursor.fields(["at", "values", "absent"], what: "a service or a choice of services"),
      let at = fields.required("at").flatMap(path), let values = fields.required("values").flatMap(valueMap)
    else { return nil }
    return .chosen(at, values, absent: fields["absent"]?.string())
  }

  private func input(_ name: String, _ cursor: YAMLCursor) -> ResourceDefinition.Input? {
    let known = ["value", "at", "values", "divide", "count", "plus", "default", "first-item", "after-apply"]
    guard let fields = cursor.fields(known, what: "an input's source") else { return nil }
    let source: ResourceDefinition.Input.Source
    if let value = fields["value"] {
      guard let text = value.string() else { return nil }
      source = .constant(text)
    } else if let count = fields["count"] {
      guard let at = path(count) else { return nil }
      source = .count(at, plus: fields["plus"]?.integer(in: 0...1000) ?? 0)
    } else if let at = fields["at"].flatMap(path) {
      if let values = fields["values"] {
        guard let map = valueMap(values) else { return nil }
        source = .choice(at, map)
      } else {
        source = .number(at, divisor: fields["divide"]?.integer(in: 1...1_000_000) ?? 1)
      }
    } else {
      cursor.error("an input needs one of: value, count, at")
      return nil
    }
    var input = ResourceDefinition.Input(name: name, source: source, defaultValue: fields["default"]?.string())
    input.firstItem = fields["first-item"]?.bool() ?? false
    if let afterApply = fields["after-apply"] { input.afterApplyIsDefault = afterApply.choice(["default"]) != nil }
    return input
  }

  private func condition(_ cursor: YAMLCursor) -> ResourceDefinition.Condition? {
    let known = ["at", "is", "is-not", "below", "present", "absent", "absent-value", "then", "why"]
    guard let fields = cursor.fields(known, what: "a condition"), let at = fields.required("at").flatMap(path),
      let then = fields.required("then")?.choice(["free", "not-priced", "error", "note"]),
      let message = fields.required("why")?.string()
    else { return nil }
    let test: ResourceDefinition.Condition.Test
    if let values = fields["is"] {
      test = .isIn(perFormat(values))
    } else if let values = fields["is-not"] {
      test = .isNotIn(perFormat(values))
    } else if let below = fields["below"]?.decimal() {
      test = .below(below)
    } else if fields.has("present") {
      test = .present
    } else if fields.has("absent") {
      test = .absent
    } else {
      cursor.error("a condition needs one of: is, is-not, below, present, absent")
      return nil
    }
    let outcome: ResourceDefinition.Condition.Outcome =
      switch then {
      case "free": .free
      case "not-priced": .notPriced
      case "error": .error
      default: .note
      }
    return .init(at: at, absentValue: fields["absent-value"]?.string(), test: test, outcome: outcome, message: message)
  }

  /// A list of values for both formats, or a mapping of lists per format.
  private func perFormat(_ cursor: YAMLCursor) -> [String: [String]] {
    if case .mapping = cursor.node {
      guard let fields = cursor.fields(["cloudformation", "terraform"], what: "values per format") else { return [:] }
      return [
        "cloudformation": fields["cloudformation"].map(strings) ?? [],
        "terraform": fields["terraform"].map(strings) ?? [],
      ]
    }
    let list = strings(cursor)
    return ["cloudformation": list, "terraform": list]
  }
}
