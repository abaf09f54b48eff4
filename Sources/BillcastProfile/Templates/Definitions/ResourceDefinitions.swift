import BillcastCore

/// Every resource definition billcast reads templates with, by format and resource type: the
/// `resources.yaml` of each service under `pricing/`, built into billcast.
struct ResourceDefinitions: Sendable {
  private var byType: [TemplateFormat: [String: ResourceDefinition]] = [:]
  /// Every definition, in file order.
  private(set) var all: [ResourceDefinition] = []

  /// The definitions built into billcast (checked by a test, so reading them cannot fail).
  static let builtIn: ResourceDefinitions = {
    let diagnostics = DiagnosticCollector()
    let definitions = read(BuiltInResourceDefinitions.files, diagnostics: diagnostics)
    let problems = diagnostics.errors
    precondition(problems.isEmpty, "the built-in resource definitions do not read: \(problems)")
    return definitions
  }()

  /// Reads definition files (path relative to `pricing/`, text); problems go to the collector,
  /// a resource type defined twice among them.
  static func read(_ files: [(path: String, text: String)], diagnostics: DiagnosticCollector) -> ResourceDefinitions {
    var result = ResourceDefinitions()
    let reader = ResourceDefinitionReader(diagnostics: diagnostics)
    for file in files {
      let document: YAMLDocument
      do {
        document = try YAMLDocument.parse(file.text, path: "pricing/" + file.path)
      } catch {
        for d in error.diagnostics { diagnostics.add(d) }
        continue
      }
      for definition in reader.read(document) {
        result.all.append(definition)
        for (format, types) in definition.types {
          for type in types {
            if let other = result.byType[format]?[type] {
              diagnostics.add(
                definition.location.diagnostic(
                  .error, "\(type) is defined twice: here and at \(other.location.short) (\(other.name))"))
            }
            result.byType[format, default: [:]][type] = definition
          }
        }
      }
    }
    return result
  }

  /// The definition of a resource type in a format, if billcast has one.
  func definition(_ format: TemplateFormat, type: String) -> ResourceDefinition? { byType[format]?[type] }

  /// The resource types defined in a format, sorted.
  func types(_ format: TemplateFormat) -> [String] { (byType[format] ?? [:]).keys.sorted() }
}
