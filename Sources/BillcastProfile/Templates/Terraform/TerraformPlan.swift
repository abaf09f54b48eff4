import BillcastCore
import Foundation

/// The resources of a Terraform plan, from the JSON of `terraform show -json PLANFILE`.
///
/// Values come from `planned_values` (root and child modules, `count` and `for_each`
/// instances with their addresses); a value "known after apply" (`resource_changes[].change.after_unknown`)
/// becomes unknown; references between resources come from `configuration`.
struct TerraformPlan {
  /// One managed resource instance.
  struct Resource {
    /// The address, like `module.web.aws_lambda_function.ssr[0]`.
    var address: String
    var type: String
    var values: TemplateNode
    var location: SourceLocation
    /// Each attribute's references to other resources, as absolute addresses without instance keys.
    var references: [String: [String]]
  }

  var resources: [Resource]

  /// The largest plan read (plans of big estates run to tens of megabytes).
  static let maximumBytes = 64 << 20

  static func read(path: String, diagnostics: DiagnosticCollector) -> TerraformPlan? {
    guard let bytes = bytes(of: path, diagnostics: diagnostics) else { return nil }
    if bytes.starts(with: Array("[command]".utf8)) {
      diagnostics.add(
        Diagnostic(
          file: path, line: 1, column: 1,
          message:
            "the file starts with the '[command]' line of setup-terraform's wrapper, not JSON: set terraform_wrapper: false in the workflow, or write the plan with terraform show -json PLANFILE > plan.json"
        ))
      return nil
    }
    let root: JSONNode
    do {
      root = try JSONDocument.parse(bytes, path: path)
    } catch {
      for d in error.diagnostics { diagnostics.add(d) }
      return nil
    }
    guard root["format_version"] != nil, let planned = root["planned_values"]?["root_module"] else {
      let p = root.position
      diagnostics.add(
        Diagnostic(
          file: path, line: p.line, column: p.column,
          message:
            "not the JSON of a Terraform plan (no format_version and planned_values.root_module); write it with: terraform show -json PLANFILE > plan.json"
        ))
      return nil
    }
    var unknowns: [String: JSONNode] = [:]
    for change in root["resource_changes"]?.items ?? [] {
      if let address = change["address"]?.string, let unknown = change["change"]?["after_unknown"] {
        unknowns[address] = unknown
      }
    }
    var references: [String: [String: [String]]] = [:]
    if let config = root["configuration"]?["root_module"] { collectReferences(config, prefix: "", into: &references) }
    var resources: [Resource] = []
    collect(planned, file: path, unknowns: unknowns, references: references, into: &resources)
    return TerraformPlan(resources: resources)
  }

  /// The plan file's bytes: a regular file inside the confinement, at most ``maximumBytes``.
  static func bytes(of path: String, diagnostics: DiagnosticCollector) -> [UInt8]? {
    if let problem = InputFiles.confinementProblem(path) {
      diagnostics.add(Diagnostic(file: path, line: 1, column: 1, message: problem))
      return nil
    }
    switch FileStatus.of(path) {
    case .failure(let error):
      diagnostics.add(Diagnostic(file: path, line: 1, column: 1, message: "cannot read the file (\(error))"))
      return nil
    case .success(let status):
      guard status.isRegularFile, status.size <= maximumBytes else {
        diagnostics.add(
          Diagnostic(
            file: path, line: 1, column: 1,
            message: status.isRegularFile
              ? "the plan is \(status.size) bytes; the limit is \(maximumBytes) bytes" : "not a regular file"))
        return nil
      }
      if let problem = InputFiles.charge(bytes: status.size) {
        diagnostics.add(Diagnostic(file: path, line: 1, column: 1, message: problem))
        return nil
      }
      InputFiles.record(status)
      guard let data = FileManager.default.contents(atPath: path) else {
        diagnostics.add(Diagnostic(file: path, line: 1, column: 1, message: "cannot read the file"))
        return nil
      }
      return [UInt8](data)
    }
  }

  private static func collect(
    _ module: JSONNode, file: String, unknowns: [String: JSONNode], references: [String: [String: [String]]],
    into resources: inout [Resource]
  ) {
    for r in module["resources"]?.items ?? [] where r["mode"]?.string == "managed" {
      guard let address = r["address"]?.string, let type = r["type"]?.string else { continue }
      var values = TemplateNode.from(json: r["values"] ?? .object([], r.position), file: file, path: address)
      if let unknown = unknowns[address] { values = markUnknown(values, unknown) }
      let p = r.position
      resources.append(
        Resource(
          address: address, type: type, values: values,
          location: SourceLocation(file: file, line: p.line, column: p.column, path: address),
          references: references[configAddress(address)] ?? [:]))
    }
    for child in module["child_modules"]?.items ?? [] {
      collect(child, file: file, unknowns: unknowns, references: references, into: &resources)
    }
  }

  /// `values` with every attribute `after_unknown` marks true made unknown.
  private static func markUnknown(_ values: TemplateNode, _ unknown: JSONNode) -> TemplateNode {
    switch (values.value, unknown) {
    case (.map(let entries), .object(let marks, _)):
      var result = entries
      for (key, mark) in marks {
        if case .bool(true, _) = mark {
          let known = result.firstIndex { $0.key == key }
          if let i = known, case .null = result[i].value.value {
            result[i].value = TemplateNode(.unknown("\(key) is known only after apply"), result[i].value.location)
          } else if known == nil {
            result.append((key, TemplateNode(.unknown("\(key) is known only after apply"), values.location)))
          }
        } else if let i = result.firstIndex(where: { $0.key == key }) {
          result[i].value = markUnknown(result[i].value, mark)
        }
      }
      return TemplateNode(.map(result), values.location)
    case (.list(let items), .array(let marks, _)):
      return TemplateNode(
        .list(items.enumerated().map { i, item in i < marks.count ? markUnknown(item, marks[i]) : item }),
        values.location)
    default:
      return values
    }
  }

  /// An address without instance keys (`module.a["x"].aws_s3_bucket.b[0]` → `module.a.aws_s3_bucket.b`).
  static func configAddress(_ address: String) -> String {
    var result = ""
    var depth = 0
    var inString = false
    for c in address {
      if inString {
        if c == "\"" { inString = false }
        continue
      }
      if c == "[" { depth += 1; continue }
      if c == "]" { depth -= 1; continue }
      if depth > 0 {
        if c == "\"" { inString = true }
        continue
      }
      result.append(c)
    }
    return result
  }

  private static func collectReferences(
    _ module: JSONNode, prefix: String, into result: inout [String: [String: [String]]]
  ) {
    for r in module["resources"]?.items ?? [] {
      guard let address = r["address"]?.string else { continue }
      var attributes: [String: [String]] = [:]
      for (attribute, expression) in objectEntries(r["expressions"]) {
        let refs = (expression["references"]?.items ?? []).compactMap(\.string).compactMap {
          resourceReference($0, prefix: prefix)
        }
        if !refs.isEmpty { attributes[attribute] = refs }
      }
      result[prefix + address] = attributes
    }
    for (name, call) in objectEntries(module["module_calls"]) {
      if let child = call["module"] { collectReferences(child, prefix: prefix + "module.\(name).", into: &result) }
    }
  }

  private static func objectEntries(_ node: JSONNode?) -> [(key: String, value: JSONNode)] {
    if case .object(let entries, _)? = node { return entries }
    return []
  }

  /// The resource a reference names (`aws_ecs_task_definition.app.arn` → `aws_ecs_task_definition.app`);
  /// nil for variables, locals, data sources and modules.
  private static func resourceReference(_ reference: String, prefix: String) -> String? {
    let parts = configAddress(reference).split(separator: ".")
    guard parts.count >= 2,
      !["var", "local", "data", "module", "path", "count", "each", "self", "terraform"].contains(String(parts[0]))
    else { return nil }
    return prefix + parts[0] + "." + parts[1]
  }

  /// The resource instance a configuration reference names (its first instance).
  func resource(referencedBy address: String) -> Resource? {
    resources.first { Self.configAddress($0.address) == address }
  }
}
