import BillcastCore
import Foundation

/// Reads an architecture's templates and turns their resources into components, with the
/// profile's `usage` for what a template cannot know.
struct TemplateExpander {
  let diagnostics: DiagnosticCollector
  let region: String
  /// The directory template paths are relative to: the profile's.
  let directory: String
  let architecture: String

  /// What an architecture's templates add to it.
  struct Expansion {
    var source: TemplateSource
    var components: [Component] = []
    var resources: [TemplateResource] = []
    var notices: [ArchitectureNotice] = []
  }

  /// One usage entry of the profile: inputs, overrides and a label.
  struct Usage {
    var key: YAMLCursor
    var inputs: [ComponentInput] = []
    var overrides: [ComponentInput] = []
    var label: String?
    var used = false
    /// Inputs given with a value that had an error (a `~` still to fill in): reported where
    /// they are, so the resource is not told again that it needs them.
    var reported: Set<String> = []
  }

  static let fields = ["cloudformation", "terraform_plan", "parameters", "usage"]
  /// The most templates one architecture reads.
  static let maximumTemplates = 100

  /// Expands the template fields of an architecture's mapping; nil when it has none.
  func expand(_ f: YAMLFields) -> Expansion? {
    let cf = f["cloudformation"], tf = f["terraform_plan"]
    guard cf != nil || tf != nil else {
      for key in ["parameters", "usage"] where f.has(key) {
        f[key]!.error("'\(key)' applies only to an architecture read from templates (cloudformation or terraform_plan)")
      }
      return nil
    }
    if let cf, tf != nil {
      cf.error("an architecture is read from CloudFormation templates or from a Terraform plan, not both")
    }
    var usage = readUsage(f["usage"])
    let errorsBefore = diagnostics.errorCount
    var expansion: Expansion
    var located: [(id: String, type: String, location: SourceLocation, disposition: ResourceDisposition)]
    if let cf {
      var patterns: [YAMLCursor] = [cf]
      if case .scalar = cf.node {} else { patterns = cf.items("a template path or a list of them") ?? [] }
      var files = patterns.flatMap { expandPattern($0) }
      if files.count > Self.maximumTemplates {
        cf.error(
          "the patterns name \(files.count) templates; one architecture reads at most \(Self.maximumTemplates)"
        )
        files = []
      }
      expansion = Expansion(source: TemplateSource(kind: .cloudFormation, files: files))
      located = readCloudFormation(files, parameters: readParameters(f["parameters"]), into: &expansion)
    } else {
      guard let tf, let pattern = tf.string("a path to the JSON of terraform show -json"),
        let file = expandPattern(tf, pattern: pattern).first
      else { return nil }
      if f.has("parameters") {
        f["parameters"]!.error(
          "a Terraform plan has its variables applied already: 'parameters' applies only to CloudFormation")
      }
      expansion = Expansion(source: TemplateSource(kind: .terraformPlan, files: [file]))
      located =
        TerraformPlan.read(path: file, diagnostics: diagnostics).map {
          TerraformMapper(plan: $0, diagnostics: diagnostics).map(notices: &expansion.notices)
        } ?? []
    }
    build(located, usage: &usage, into: &expansion)
    // Templates that could not be read have no resources to match usage against.
    let templatesRead = diagnostics.errorCount == errorsBefore || !located.isEmpty
    for (id, entry) in usage.sorted(by: { $0.key < $1.key }) where !entry.used && templatesRead {
      let priced = expansion.components.map(\.name)
      let resource = expansion.resources.first { $0.id == id }
      let why =
        resource.map {
          "\($0.id) (\($0.type)) is \($0.status.name.replacingOccurrences(of: "-", with: " ")): usage applies only to priced resources"
        }
        ?? "no priced resource of the templates is called that\(Spelling.hint(for: id, among: priced))"
      entry.key.error("'\(TerminalText.excerpt(id))': \(why)")
    }
    return expansion
  }

  /// The resources of CloudFormation templates and of the nested templates they read, whose
  /// files join the expansion's source.
  private func readCloudFormation(
    _ files: [String], parameters: [String: (String, YAMLCursor)], into expansion: inout Expansion
  ) -> [Located] {
    var nested: [String] = []
    let located = CloudFormationArchitecture(diagnostics: diagnostics, region: region).read(
      files: files, parameters: parameters, notices: &expansion.notices, nestedFiles: &nested)
    let listed = Set(files.map(NestedStacks.identity))
    expansion.source.files += nested.filter { !listed.contains(NestedStacks.identity($0)) }
    return located
  }

  // MARK: Profile fields

  private func readUsage(_ cursor: YAMLCursor?) -> [String: Usage] {
    var result: [String: Usage] = [:]
    for (id, keyCursor, c) in cursor?.keyedEntries("a mapping of resource ids to their usage inputs") ?? [] {
      var entry = Usage(key: keyCursor)
      for (name, nameCursor, value) in c.keyedEntries("a mapping of usage inputs to values") ?? [] {
        switch name {
        case "label": entry.label = value.string()
        case "override":
          for (oname, oKey, ovalue) in value.keyedEntries(
            "a mapping of inputs to the values that replace the template's") ?? []
          {
            if let input = input(oname, ovalue, key: oKey) { entry.overrides.append(input) }
          }
        default:
          if let input = input(name, value, key: nameCursor) {
            entry.inputs.append(input)
          } else {
            entry.reported.insert(name)
          }
        }
      }
      result[id] = entry
    }
    return result
  }

  private func input(_ name: String, _ c: YAMLCursor, key: YAMLCursor) -> ComponentInput? {
    if c.isNull {
      c.error("\(name) is not filled in yet: give a number, a range or a formula over the workload")
      return nil
    }
    guard let text = c.string("a number, a range, a formula or a choice") else { return nil }
    var plain = false
    if case .scalar(let s) = c.node { plain = s.style == .plain }
    return ComponentInput(name: name, text: text, isPlain: plain, location: c.location, keyLocation: key.location)
  }

  private func readParameters(_ cursor: YAMLCursor?) -> [String: (String, YAMLCursor)] {
    var result: [String: (String, YAMLCursor)] = [:]
    for (name, c) in cursor?.entries("a mapping of template parameters to values") ?? [] {
      if let text = c.string("a parameter value") { result[name] = (text, c) }
    }
    return result
  }

  /// The files a path pattern names, relative to the profile (`*` and `?` in its last part), sorted.
  func expandPattern(_ cursor: YAMLCursor, pattern given: String? = nil) -> [String] {
    guard let pattern = given ?? cursor.string("a template path") else { return [] }
    let full = pattern.hasPrefix("/") ? pattern : FilePath.joining(directory, pattern)
    let files = PathPattern.files(full)
    if files.isEmpty {
      cursor.error(
        PathPattern.hasWildcard(full)
          ? "'\(TerminalText.excerpt(pattern))' matches no file"
          : "'\(TerminalText.excerpt(pattern))' is not a readable file")
    }
    return files
  }
}
