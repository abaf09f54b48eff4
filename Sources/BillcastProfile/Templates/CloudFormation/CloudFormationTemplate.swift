import BillcastCore

/// One CloudFormation or SAM template, read from YAML or JSON.
struct CloudFormationTemplate {
  /// One resource: its logical ID, type, properties and where it is.
  struct Resource {
    var id: String
    var type: String
    var properties: TemplateNode
    var condition: String?
    var dependsOn: [String]
    var location: SourceLocation
    /// The whole resource entry (for finding what it refers to).
    var node: TemplateNode
  }

  /// One declared parameter.
  struct Parameter {
    var name: String
    var defaultValue: TemplateNode?
    var allowedValues: [String]?
    var location: SourceLocation
    /// The declared `Type` (`String`, `CommaDelimitedList`, `List<AWS::EC2::Subnet::Id>`, …).
    var type: String? = nil

    /// Whether a `Ref` to the parameter is a list of its comma-separated values.
    var isList: Bool { type == "CommaDelimitedList" || type?.hasPrefix("List<") == true }

    /// The parameter's value from `text`: the text, or for a list parameter the list of its
    /// comma-separated values (as CloudFormation makes it).
    func value(_ text: String, at location: SourceLocation) -> TemplateNode {
      guard isList else { return TemplateNode(.scalar(text), location) }
      return TemplateNode(.list(Self.members(text).map { TemplateNode(.scalar($0), location) }), location)
    }

    /// A list parameter's members: its comma-separated values, each space-trimmed, as
    /// CloudFormation reads a `CommaDelimitedList`.
    static func members(_ text: String) -> [String] {
      text.components(separatedBy: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    }
  }

  var file: String
  var parameters: [Parameter]
  var conditions: [(name: String, node: TemplateNode)]
  var mappings: TemplateNode?
  var resources: [Resource]
  var outputs: [(name: String, node: TemplateNode)]
  var globals: TemplateNode?
  /// Whether the template uses the SAM transform (`AWS::Serverless-2016-10-31`).
  var isSAM: Bool
  /// The `Transform` macros billcast does not run (all but SAM's and AWS::LanguageExtensions),
  /// where each is named: the template is priced as written, before they rewrite it.
  var macros: [TemplateNode] = []

  static let samTransform = "AWS::Serverless-2016-10-31"
  static let knownTransforms = [samTransform, "AWS::LanguageExtensions"]
  static let topLevelKeys = [
    "AWSTemplateFormatVersion", "Description", "Metadata", "Parameters", "Rules", "Mappings", "Conditions", "Transform",
    "Resources", "Outputs", "Globals",
  ]
  static let resourceKeys = [
    "Type", "Properties", "Condition", "DependsOn", "Metadata", "DeletionPolicy", "UpdateReplacePolicy", "UpdatePolicy",
    "CreationPolicy", "Version", "Description",
  ]
  /// Attributes only SAM resources take.
  static let samResourceKeys = ["Connectors", "IgnoreGlobals"]

  /// Reads a template file (YAML or JSON) within `limits`; problems go to `diagnostics`.
  /// `parameterValues` are the profile's values of the template's parameters, for the
  /// collections of `Fn::ForEach` loops.
  static func load(
    path: String, limits: YAMLLimits, diagnostics: DiagnosticCollector, parameterValues: [String: String] = [:]
  ) -> CloudFormationTemplate? {
    let document: YAMLDocument
    do {
      document = try YAMLDocument.loadAllowingDuplicateKeys(path: path, limits: limits)
    } catch {
      for d in error.diagnostics { diagnostics.add(d) }
      return nil
    }
    let root = TemplateNode.from(yaml: document.root, file: path, path: "", diagnostics: diagnostics)
    return read(root, file: path, diagnostics: diagnostics, parameterValues: parameterValues)
  }

  /// Reads a template's converted tree, its `Fn::ForEach` loops expanded.
  static func read(
    _ original: TemplateNode, file: String, diagnostics: DiagnosticCollector, parameterValues: [String: String] = [:]
  ) -> CloudFormationTemplate? {
    let root = expandLoops(original, diagnostics: diagnostics, parameterValues: parameterValues)
    guard let top = root.entries else {
      diagnostics.add(
        root.location.diagnostic(
          .error, "expected a CloudFormation template (a mapping with Resources), found \(root.kindName)"))
      return nil
    }
    for (key, value) in top where !topLevelKeys.contains(key) {
      diagnostics.add(
        value.location.diagnostic(
          .error,
          "unknown template section '\(TerminalText.excerpt(key))'\(Spelling.hint(for: key, among: topLevelKeys)); expected one of: \(topLevelKeys.joined(separator: ", "))"
        ))
    }
    var transforms: [String] = []
    if let t = root["Transform"] {
      transforms = (t.items ?? [t]).compactMap(\.text)
    }
    // A template with SAM resources or Globals is read as SAM even without the Transform line
    // (SAM's own tooling adds it); CloudFormation needs it to deploy.
    let usesSAM =
      root["Globals"] != nil
      || (root["Resources"]?.entries ?? []).contains { $0.value["Type"]?.text?.hasPrefix("AWS::Serverless::") == true }
    let isSAM = transforms.contains(samTransform) || usesSAM

    var parameters: [Parameter] = []
    for (name, p) in root["Parameters"]?.entries ?? [] {
      let allowed = p["AllowedValues"]?.items?.compactMap(\.text)
      parameters.append(
        Parameter(
          name: name, defaultValue: p["Default"], allowedValues: allowed, location: p.location, type: p["Type"]?.text))
    }
    var resources: [Resource] = []
    guard let resourceNode = root["Resources"] else {
      diagnostics.add(root.location.diagnostic(.error, "a template needs a Resources section"))
      return nil
    }
    guard let resourceEntries = resourceNode.entries else {
      diagnostics.add(
        resourceNode.location.diagnostic(
          .error, "Resources must be a mapping of logical IDs to resources, found \(resourceNode.kindName)"))
      return nil
    }
    // A loop left unexpanded (the template lacks the transform) has been reported.
    for (id, node) in resourceEntries where !id.hasPrefix(ForEachExpansion.prefix) {
      if let r = readResource(id, node, isSAM: isSAM, diagnostics: diagnostics) { resources.append(r) }
    }
    return CloudFormationTemplate(
      file: file, parameters: parameters, conditions: (root["Conditions"]?.entries ?? []).map { ($0.key, $0.value) },
      mappings: root["Mappings"],
      resources: resources, outputs: (root["Outputs"]?.entries ?? []).map { ($0.key, $0.value) },
      globals: root["Globals"], isSAM: isSAM, macros: macros(root["Transform"]))
  }

  /// The template with its `Fn::ForEach` loops expanded, which needs the
  /// `AWS::LanguageExtensions` transform, as in CloudFormation.
  static func expandLoops(_ root: TemplateNode, diagnostics: DiagnosticCollector, parameterValues: [String: String])
    -> TemplateNode
  {
    guard ForEachExpansion.hasLoops(root) else { return root }
    let transforms = root["Transform"].map { ($0.items ?? [$0]).compactMap(\.text) } ?? []
    guard transforms.contains("AWS::LanguageExtensions") else {
      diagnostics.add(
        root.location.diagnostic(
          .error,
          "the template uses Fn::ForEach, which needs 'Transform: AWS::LanguageExtensions', as in CloudFormation"
        ))
      return root
    }
    let declared = root["Parameters"]?.entries ?? []
    let expansion = ForEachExpansion(diagnostics: diagnostics) { name in
      guard let p = declared.first(where: { $0.key == name })?.value,
        Parameter(name: name, defaultValue: nil, allowedValues: nil, location: p.location, type: p["Type"]?.text).isList
      else { return nil }
      if let text = parameterValues[name] ?? p["Default"]?.text { return Parameter.members(text) }
      return p["Default"]?.items?.compactMap(\.text)
    }
    return expansion.expand(template: root)
  }

  /// The transforms of a `Transform` section that are macros billcast does not run.
  static func macros(_ transform: TemplateNode?) -> [TemplateNode] {
    guard let transform else { return [] }
    return (transform.items ?? [transform]).filter { !knownTransforms.contains($0.text ?? "") }
  }

  static func readResource(_ id: String, _ node: TemplateNode, isSAM: Bool, diagnostics: DiagnosticCollector)
    -> Resource?
  {
    if id.isEmpty || !id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) {
      diagnostics.add(
        node.location.diagnostic(
          .error, "logical ID '\(TerminalText.excerpt(id))' must be alphanumeric (A-Z, a-z, 0-9)"))
    }
    guard let entries = node.entries else {
      diagnostics.add(
        node.location.diagnostic(
          .error,
          "resource \(TerminalText.excerpt(id)) must be a mapping with Type and Properties, found \(node.kindName)"))
      return nil
    }
    let known = resourceKeys + (isSAM ? samResourceKeys : [])
    for (key, value) in entries where !known.contains(key) {
      diagnostics.add(
        value.location.diagnostic(
          .error, "unknown resource attribute '\(TerminalText.excerpt(key))'\(Spelling.hint(for: key, among: known))"))
    }
    guard let type = node["Type"]?.text else {
      diagnostics.add(
        node.location.diagnostic(
          .error, "resource \(TerminalText.excerpt(id)) needs a Type, like AWS::Lambda::Function"))
      return nil
    }
    let properties = node["Properties"] ?? TemplateNode(.map([]), node.location)
    if properties.entries == nil, properties.text != nil || properties.items != nil {  // null is no properties
      diagnostics.add(
        properties.location.diagnostic(.error, "Properties must be a mapping, found \(properties.kindName)"))
    }
    var dependsOn: [String] = []
    if let d = node["DependsOn"] {
      dependsOn = (d.items ?? [d]).compactMap(\.text)
    }
    return Resource(
      id: id, type: type,
      properties: properties.entries == nil ? TemplateNode(.map([]), properties.location) : properties,
      condition: node["Condition"]?.text, dependsOn: dependsOn, location: node.location, node: node)
  }
}

// MARK: SAM

extension CloudFormationTemplate {
  /// The `Globals` section each SAM resource type takes its defaults from.
  static let globalsSection = [
    "AWS::Serverless::Function": "Function", "AWS::Serverless::Api": "Api", "AWS::Serverless::HttpApi": "HttpApi",
    "AWS::Serverless::SimpleTable": "SimpleTable",
  ]

  /// A SAM resource's properties with the template's `Globals` merged in, as SAM merges them:
  /// mappings key by key, lists concatenated (globals first), and the resource's scalars win.
  /// The Globals the resource's `IgnoreGlobals` names (or all, for `'*'`) are left out.
  func effectiveProperties(of resource: Resource) -> TemplateNode {
    guard isSAM, let section = Self.globalsSection[resource.type], var defaults = globals?[section] else {
      return resource.properties
    }
    if let ignore = resource.node["IgnoreGlobals"] {
      if ignore.text == "*" { return resource.properties }
      let names = Set((ignore.items ?? []).compactMap(\.text))
      defaults = TemplateNode(.map((defaults.entries ?? []).filter { !names.contains($0.key) }), defaults.location)
    }
    return Self.merge(defaults, resource.properties)
  }

  /// Checks a resource's `IgnoreGlobals` as SAM does: `'*'`, or a list of properties the
  /// resource type's Globals set.
  func validateIgnoreGlobals(of resource: Resource, diagnostics: DiagnosticCollector) {
    guard let ignore = resource.node["IgnoreGlobals"], ignore.text != "*" else { return }
    guard let items = ignore.items else {
      diagnostics.add(
        ignore.location.diagnostic(
          .error, "IgnoreGlobals must be '*' or a list of the Globals properties the resource ignores"))
      return
    }
    let section = Self.globalsSection[resource.type]
    let set = (section.flatMap { globals?[$0]?.entries } ?? []).map(\.key)
    for item in items where !(item.text.map(set.contains) ?? false) {
      let what = section.map { "Globals.\($0)" } ?? "Globals (\(resource.type) takes none)"
      diagnostics.add(
        item.location.diagnostic(
          .error,
          "IgnoreGlobals names '\(TerminalText.excerpt(item.text ?? item.kindName))', which \(what) does not set\(Spelling.hint(for: item.text ?? "", among: set))"
        ))
    }
  }

  static func merge(_ global: TemplateNode, _ local: TemplateNode) -> TemplateNode {
    switch (global.value, local.value) {
    case (.map(let g), .map(let l)) where !isIntrinsic(local):
      var merged = g
      for (key, value) in l {
        if let i = merged.firstIndex(where: { $0.key == key }) {
          merged[i] = (key, merge(merged[i].value, value))
        } else {
          merged.append((key, value))
        }
      }
      return TemplateNode(.map(merged), local.location)
    case (.list(let g), .list(let l)):
      return TemplateNode(.list(g + l), local.location)
    default:
      return local
    }
  }

  static func isIntrinsic(_ node: TemplateNode) -> Bool {
    guard let e = node.entries, e.count == 1 else { return false }
    return e[0].key == "Ref" || e[0].key.hasPrefix("Fn::")
  }

  /// The APIs SAM creates for functions' `HttpApi` and `Api` events that name no API of their
  /// own: `ServerlessHttpApi` and `ServerlessRestApi`, located at the first such event.
  func implicitAPIs() -> [Resource] {
    guard isSAM else { return [] }
    var result: [Resource] = []
    let declared = Set(resources.map(\.id))
    for (eventType, id, type, apiKey) in [
      ("HttpApi", "ServerlessHttpApi", "AWS::Serverless::HttpApi", "ApiId"),
      ("Api", "ServerlessRestApi", "AWS::Serverless::Api", "RestApiId"),
    ] where !declared.contains(id) {
      let firstEvent = resources.lazy.filter { $0.type == "AWS::Serverless::Function" }.compactMap {
        r -> TemplateNode? in
        self.effectiveProperties(of: r)["Events"]?.entries?.first { e in
          e.value["Type"]?.text == eventType && e.value["Properties"]?[apiKey] == nil
        }?.value
      }.first
      if let event = firstEvent {
        let properties =
          (globals?[eventType]).map { Self.merge($0, TemplateNode(.map([]), event.location)) }
          ?? TemplateNode(.map([]), event.location)
        result.append(
          Resource(
            id: id, type: type, properties: properties, condition: nil, dependsOn: [], location: event.location,
            node: event))
      }
    }
    return result
  }
}
