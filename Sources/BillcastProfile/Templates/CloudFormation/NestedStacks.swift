import BillcastCore
import Foundation

/// The nested stacks of an architecture's templates: each `AWS::CloudFormation::Stack`
/// (`TemplateURL`) and `AWS::Serverless::Application` (`Location`) whose template is a local
/// path, read as part of the architecture with the parameters its parent passes.
///
/// A child's resources are named `Stack/ID` (the path SAM CLI gives them too), so that the
/// profile's `usage` can name them; a remote template or a Serverless Application Repository
/// application stays not priced, with why.
final class NestedStacks {
  /// One template read as part of the architecture, with the path its logical IDs are qualified by.
  final class Instance {
    let template: CloudFormationTemplate
    let resolver: CloudFormationResolver
    /// Empty for a template the profile names, `Stack/` (or `Outer/Inner/`) for a nested one.
    let prefix: String
    /// The templates from the architecture's down to this one (standardized paths).
    let chain: [String]
    /// Each nested stack resource's outcome, by logical ID.
    var stacks: [String: Outcome] = [:]
    /// The outputs already resolved, by name.
    var outputs: [String: TemplateNode] = [:]

    init(template: CloudFormationTemplate, resolver: CloudFormationResolver, prefix: String, chain: [String]) {
      self.template = template
      self.resolver = resolver
      self.prefix = prefix
      self.chain = chain
    }
  }

  /// What became of one nested stack resource.
  enum Outcome {
    /// Its template is read.
    case read(Instance)
    /// Its template is not read, and why (a remote URL, an application of the repository).
    case notRead(String)
    /// Its template could not be read: an error says why.
    case failed
    /// Being read (a reference to its outputs while its parameters are resolved is a cycle).
    case reading
  }

  /// The property naming the template of each nested stack type.
  static let types = ["AWS::CloudFormation::Stack": "TemplateURL", "AWS::Serverless::Application": "Location"]
  /// The deepest nesting read: a template the profile names, and up to this many levels of
  /// stacks within it.
  static let maximumDepth = 5

  let diagnostics: DiagnosticCollector
  /// The most templates the architecture reads, its own included.
  let limit: Int
  /// Makes a template's resolver with its parameter values, validated and with its exports registered.
  let makeResolver: (CloudFormationTemplate, [String: TemplateNode]) -> CloudFormationResolver
  /// Whether nested templates are read from files (not when a template is read from its text alone).
  var readsFiles = true
  /// What reading a nested template reports besides errors (repeated keys, macros).
  var notices: [ArchitectureNotice] = []
  private(set) var roots: [Instance] = []
  private var count: Int

  init(
    diagnostics: DiagnosticCollector, limit: Int, templates: Int,
    makeResolver: @escaping (CloudFormationTemplate, [String: TemplateNode]) -> CloudFormationResolver
  ) {
    self.diagnostics = diagnostics
    self.limit = limit
    self.count = templates
    self.makeResolver = makeResolver
  }

  /// Reads the nested stacks of a template the profile names, and theirs, depth first.
  func add(root resolver: CloudFormationResolver) {
    let instance = Instance(
      template: resolver.template, resolver: resolver, prefix: "", chain: [Self.identity(resolver.template.file)])
    connect(instance)
    roots.append(instance)
    expand(instance)
  }

  /// Every template read, each parent before its children, children in their stacks' order.
  var instances: [Instance] {
    var result: [Instance] = []
    func walk(_ i: Instance) {
      result.append(i)
      for r in i.template.resources { if case .read(let child)? = i.stacks[r.id] { walk(child) } }
    }
    roots.forEach(walk)
    return result
  }

  /// The files of the nested templates read (not those the profile names), each once, in order read.
  var nestedFiles: [String] {
    var seen: Set<String> = []
    return instances.filter { !$0.prefix.isEmpty }.map(\.template.file).filter { seen.insert($0).inserted }
  }

  /// Breaks the cycles between resolvers and instances once the architecture is read.
  func clear() {
    for i in instances { i.resolver.nestedOutput = { _, _, _ in nil } }
    roots = []
  }

  /// The disposition of a nested stack resource whose template was considered; nil for any other.
  func disposition(of id: String, in instance: Instance) -> ResourceDisposition? {
    switch instance.stacks[id] {
    case .read?: return .free
    case .notRead(let why)?: return .notPriced(why)
    default: return nil
    }
  }

  private func connect(_ instance: Instance) {
    instance.resolver.nestedOutput = { [unowned self] stack, name, location in
      self.output(name, of: stack, in: instance, at: location)
    }
  }

  private func expand(_ instance: Instance) {
    for r in instance.template.resources where Self.types[r.type] != nil {
      if let c = r.condition, instance.resolver.condition(c) == false { continue }
      _ = child(of: r.id, in: instance)
    }
  }

  /// The outcome of a nested stack resource of `parent`, read on first use.
  private func child(of id: String, in parent: Instance) -> Outcome? {
    if let done = parent.stacks[id] { return done }
    guard let r = parent.template.resources.first(where: { $0.id == id && Self.types[$0.type] != nil }) else {
      return nil
    }
    parent.stacks[id] = .reading
    let outcome = read(r, in: parent)
    parent.stacks[id] = outcome
    if case .read(let instance) = outcome { expand(instance) }
    return outcome
  }

  /// A nested stack's output, resolved in its template, with the resources it names qualified;
  /// nil when the stack's template is not read.
  private func output(_ name: String, of stack: String, in parent: Instance, at location: SourceLocation)
    -> TemplateNode?
  {
    guard case .read(let child)? = child(of: stack, in: parent) else { return nil }
    if let done = child.outputs[name] { return TemplateNode(done.value, location) }
    guard let node = child.template.outputs.first(where: { $0.name == name })?.node else {
      return TemplateNode(
        .unknown(
          "\(child.template.file) has no output \(name)\(Spelling.hint(for: name, among: child.template.outputs.map(\.name)))"
        ), location)
    }
    let value =
      (node["Value"].map(child.resolver.resolve) ?? TemplateNode(.unknown("output \(name) has no Value"), node.location))
      .qualifyingReferences(child.prefix)
    child.outputs[name] = value
    return TemplateNode(value.value, location)
  }
}

// MARK: Reading a child

extension NestedStacks {
  /// Where a nested stack's template is: a local file, or why it is not read.
  enum Place {
    case local(String)
    case remote(String)
  }

  /// The place a nested stack's template property names, resolved against the parent's folder:
  /// `s3://`, `http://` and `https://` are remote, `file://` and plain paths local (as SAM CLI reads them).
  static func place(_ text: String, parent: String) -> Place {
    if ["s3://", "http://", "https://"].contains(where: { text.lowercased().hasPrefix($0) }) { return .remote(text) }
    if text.hasPrefix("file://") {
      return .local(URL(string: text)?.path ?? String(text.dropFirst(7)))
    }
    if text.contains("://") { return .remote(text) }
    return .local(normalized(text.hasPrefix("/") ? text : FilePath.joining(FilePath.folder(of: parent), text)))
  }

  /// A path with its `.` parts dropped and each `..` taking back the part before it, as text.
  static func normalized(_ path: String) -> String {
    var parts: [Substring] = []
    for part in path.split(separator: "/", omittingEmptySubsequences: false) {
      if part == "." { continue }
      if part == "..", let last = parts.last, last != "..", !last.isEmpty {
        parts.removeLast()
        continue
      }
      parts.append(part)
    }
    let joined = parts.joined(separator: "/")
    return joined.isEmpty ? "." : joined
  }

  /// A file's identity for finding a template nested in itself.
  static func identity(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.path }

  /// The local file a nested stack resource names, if any: for listing a template the
  /// architecture names that another nests.
  static func literalFile(of r: CloudFormationTemplate.Resource, in template: String) -> String? {
    guard let key = types[r.type], let text = r.properties[key]?.text,
      case .local(let path) = place(text, parent: template)
    else { return nil }
    return path
  }

  private func read(_ r: CloudFormationTemplate.Resource, in parent: Instance) -> Outcome {
    let key = Self.types[r.type]!
    guard let raw = r.properties[key] else {
      return .notRead("it has no \(key), so billcast has no template to read")
    }
    if r.type == "AWS::Serverless::Application", let id = raw["ApplicationId"] {
      let app = parent.resolver.resolve(id).text.map { " \(TerminalText.excerpt($0))" } ?? ""
      let version = raw["SemanticVersion"].flatMap { parent.resolver.resolve($0).text }.map { " \($0)" } ?? ""
      return .notRead(
        "Location names an application of the AWS Serverless Application Repository\(app)\(version): billcast does not fetch applications, so its resources are not priced"
      )
    }
    let value = parent.resolver.resolve(raw)
    guard let text = value.text else {
      return .notRead(
        "its \(key) cannot be resolved statically (\(value.unknownReason ?? "it is not a text")): billcast reads a nested template only from a local path"
      )
    }
    switch Self.place(text, parent: parent.template.file) {
    case .remote(let url):
      return .notRead(
        "its \(key) \(TerminalText.excerpt(url)) is a remote template, and billcast does not fetch templates: give the local path that sam build or aws cloudformation package uploads (like ./child.yaml) to price its resources"
      )
    case .local where !readsFiles:
      return .notRead("billcast reads a nested template only beside a template file, not from a template's text")
    case .local(let path):
      return readLocal(path, text: text, key: key, r, in: parent, at: raw.location)
    }
  }

  private func readLocal(
    _ path: String, text: String, key: String, _ r: CloudFormationTemplate.Resource, in parent: Instance,
    at location: SourceLocation
  ) -> Outcome {
    let identity = Self.identity(path)
    let names = (parent.chain + [identity]).map { FilePath.name(of: $0) }.joined(separator: " → ")
    func error(_ message: String) -> Outcome {
      diagnostics.add(location.diagnostic(.error, message))
      return .failed
    }
    if parent.chain.contains(identity) {
      return error(
        "\(r.id) nests \(TerminalText.excerpt(text)), a template it is part of (\(names)): CloudFormation would nest stacks without end"
      )
    }
    if parent.chain.count > Self.maximumDepth {
      return error(
        "\(r.id) nests a template more than \(Self.maximumDepth) levels deep (\(names)); billcast reads nested stacks up to \(Self.maximumDepth) levels"
      )
    }
    if count >= limit {
      return error(
        "\(r.id) nests one more template, past the \(limit) templates one architecture reads, nested stacks included")
    }
    if let problem = InputFiles.confinementProblem(path) {
      return error("\(key) \(TerminalText.excerpt(text)): \(problem)")
    }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
      return error("\(key) \(TerminalText.excerpt(text)) of \(r.id) is not a readable file (\(path))")
    }
    count += 1
    let given = parent.resolver.resolve(r.properties["Parameters"] ?? TemplateNode(.map([]), r.location))
    let reading = DiagnosticCollector()
    let loaded = CloudFormationTemplate.load(
      path: path, limits: .standard, diagnostics: reading,
      parameterValues: Dictionary((given.entries ?? []).compactMap { e in e.value.text.map { (e.key, $0) } }) {
        a, _ in a
      })
    for d in reading.diagnostics { relay(d) }
    guard let template = loaded, reading.errorCount == 0 else { return .failed }
    let values = parameterValues(template, given: given, stack: r.id)
    let resolver = makeResolver(template, values)
    resolver.parameterSource = "\(r.id) (\(FilePath.name(of: parent.template.file))) does not pass it in Parameters"
    let instance = Instance(
      template: template, resolver: resolver, prefix: parent.prefix + r.id + "/", chain: parent.chain + [identity])
    connect(instance)
    return .read(instance)
  }

  /// Errors go to the diagnostics; a repeated key becomes a notice, as for the architecture's own templates.
  private func relay(_ d: Diagnostic) {
    guard d.severity != .error else { return diagnostics.add(d) }
    let at = SourceLocation(file: d.file, line: d.line, column: d.column, path: d.path)
    notices.append(
      ArchitectureNotice(
        kind: .duplicateKey, message: "\(at.short):\(d.column.map(String.init) ?? "") \(d.path): \(d.message)",
        component: nil, location: at))
  }

  /// A nested template's parameter values: those its stack passes, else the defaults; a value
  /// passed to a parameter the template does not declare is an error, as in CloudFormation.
  private func parameterValues(_ template: CloudFormationTemplate, given: TemplateNode, stack: String) -> [String:
    TemplateNode]
  {
    let declared = template.parameters.map(\.name)
    for (name, node) in given.entries ?? [] where !declared.contains(name) {
      diagnostics.add(
        node.location.diagnostic(
          .error,
          "\(stack) passes parameter '\(TerminalText.excerpt(name))', which \(template.file) does not declare\(Spelling.hint(for: name, among: declared))"
        ))
    }
    var values: [String: TemplateNode] = [:]
    for p in template.parameters {
      if let node = given[p.name] {
        values[p.name] = node.text.map { p.value($0, at: node.location) } ?? node
      } else if let d = p.defaultValue {
        values[p.name] = d.text.map { p.value($0, at: d.location) } ?? d
      }
    }
    return values
  }
}
