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
    /// Each attribute's references to other resources of its module.
    var references: [String: [Reference]]
  }

  /// A reference to a resource of the referrer's module: `aws_rds_cluster.c`, with the instance
  /// key when the configuration names a constant one (`aws_rds_cluster.c[0].id`).
  struct Reference: Hashable {
    /// The resource's type and name, like `aws_rds_cluster.c`.
    var name: String
    /// The instance key, like `[0]` or `["a"]`.
    var key: String?
  }

  var resources: [Resource]

  /// The largest plan read (plans of big estates run to tens of megabytes).
  static let maximumBytes = 64 << 20

  static func read(path: String, diagnostics: DiagnosticCollector) -> TerraformPlan? {
    guard let bytes = readBytes(path: path, diagnostics: diagnostics) else { return nil }
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
      root = try JSONDocument.parse(try TerraformPlanEncoding.utf8(bytes, path: path), path: path)
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
    var changes: [String: JSONPosition] = [:]
    for (i, change) in (root["resource_changes"]?.items ?? []).enumerated() {
      // A deposed object (create_before_destroy) shares its address with the new one.
      guard let address = change["address"]?.string, change["deposed"] == nil else { continue }
      if let first = changes[address] {
        diagnostics.add(
          duplicate(address, at: change, keyPath: "resource_changes[\(i)]", file: path, first: first, verb: "changes"))
        continue
      }
      changes[address] = change.position
      if let unknown = change["change"]?["after_unknown"] { unknowns[address] = unknown }
    }
    var references: [String: [String: [Reference]]] = [:]
    if let config = root["configuration"]?["root_module"] { collectReferences(config, prefix: "", into: &references) }
    var reader = Reader(file: path, unknowns: unknowns, references: references, diagnostics: diagnostics)
    reader.collect(planned, path: "planned_values.root_module")
    return TerraformPlan(resources: reader.resources)
  }

  /// A resource instance's address met a second time, located there, naming the first place.
  static func duplicate(
    _ address: String, at node: JSONNode, keyPath: String, file: String, first: JSONPosition, verb: String
  ) -> Diagnostic {
    let p = node.position
    return Diagnostic(
      file: file, line: p.line, column: p.column, path: keyPath,
      message:
        "address \(address) is also at \(file):\(first.line):\(first.column); a plan \(verb) each resource instance once"
    )
  }

  /// The plan's file as bytes: confined, a regular file within the size limit (in bytes as read).
  private static func readBytes(path: String, diagnostics: DiagnosticCollector) -> [UInt8]? {
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
      // The file may have grown since it was measured.
      guard data.count <= maximumBytes else {
        diagnostics.add(
          Diagnostic(
            file: path, line: 1, column: 1,
            message: "the plan is \(data.count) bytes; the limit is \(maximumBytes) bytes"))
        return nil
      }
      return [UInt8](data)
    }
  }

  /// Collects the managed resources of `planned_values`, each address once.
  private struct Reader {
    let file: String
    let unknowns: [String: JSONNode]
    let references: [String: [String: [Reference]]]
    let diagnostics: DiagnosticCollector
    var resources: [Resource] = []
    var seen: [String: JSONPosition] = [:]

    mutating func collect(_ module: JSONNode, path: String) {
      for (i, r) in (module["resources"]?.items ?? []).enumerated() {
        guard let address = r["address"]?.string else { continue }
        if let first = seen[address] {
          diagnostics.add(
            TerraformPlan.duplicate(
              address, at: r, keyPath: "\(path).resources[\(i)]", file: file, first: first, verb: "names"))
          continue
        }
        seen[address] = r.position
        guard r["mode"]?.string == "managed", let type = r["type"]?.string else { continue }
        add(r, address: address, type: type)
      }
      for (i, child) in (module["child_modules"]?.items ?? []).enumerated() {
        collect(child, path: "\(path).child_modules[\(i)]")
      }
    }

    mutating func add(_ r: JSONNode, address: String, type: String) {
      var values = TemplateNode.from(json: r["values"] ?? .object([], r.position), file: file, path: address)
      if let unknown = unknowns[address] { values = TerraformPlan.markUnknown(values, unknown) }
      let p = r.position
      resources.append(
        Resource(
          address: address, type: type, values: values,
          location: SourceLocation(file: file, line: p.line, column: p.column, path: address),
          references: references[TerraformPlan.configAddress(address)] ?? [:]))
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
    _ module: JSONNode, prefix: String, into result: inout [String: [String: [Reference]]]
  ) {
    for r in module["resources"]?.items ?? [] {
      guard let address = r["address"]?.string else { continue }
      var attributes: [String: [Reference]] = [:]
      collectExpressions(r["expressions"], path: "", into: &attributes)
      result[prefix + address] = attributes
    }
    for (name, call) in objectEntries(module["module_calls"]) {
      if let child = call["module"] { collectReferences(child, prefix: prefix + "module.\(name).", into: &result) }
    }
  }

  /// Each attribute's references; a nested block's (a list of expression objects, like a
  /// distribution's `default_cache_behavior`) under its dotted path without list indexes
  /// (`default_cache_behavior.lambda_function_association.lambda_arn`), every block item's together.
  private static func collectExpressions(
    _ expressions: JSONNode?, path: String, into attributes: inout [String: [Reference]]
  ) {
    for (attribute, expression) in objectEntries(expressions) {
      let name = path.isEmpty ? attribute : "\(path).\(attribute)"
      if case .array = expression {
        for block in expression.items ?? [] { collectExpressions(block, path: name, into: &attributes) }
        continue
      }
      var refs = attributes[name] ?? []
      for reference in (expression["references"]?.items ?? []).compactMap(\.string).compactMap(resourceReference)
      where !refs.contains(reference) {
        refs.append(reference)
      }
      // `aws_rds_cluster.c[0].id` is listed with `aws_rds_cluster.c[0]` and `aws_rds_cluster.c`: the keyed one says more.
      let keyed = Set(refs.filter { $0.key != nil }.map(\.name))
      refs.removeAll { $0.key == nil && keyed.contains($0.name) }
      if !refs.isEmpty { attributes[name] = refs }
    }
  }

  private static func objectEntries(_ node: JSONNode?) -> [(key: String, value: JSONNode)] {
    if case .object(let entries, _)? = node { return entries }
    return []
  }

  /// The resource a reference names (`aws_ecs_task_definition.app.arn` → `aws_ecs_task_definition.app`,
  /// `aws_instance.web[0].id` → `aws_instance.web` `[0]`); nil for variables, locals, data
  /// sources and modules.
  private static func resourceReference(_ reference: String) -> Reference? {
    let parts = TerraformAddress.parts(reference)
    guard parts.count >= 2,
      !["var", "local", "data", "module", "path", "count", "each", "self", "terraform"].contains(String(parts[0]))
    else { return nil }
    let name = parts[1].prefix { $0 != "[" }
    let key = parts[1].dropFirst(name.count)
    let constant = key.hasPrefix("[\"") || (key.count > 2 && key.dropFirst().dropLast().allSatisfy(\.isNumber))
    return Reference(name: parts[0] + "." + name, key: constant && key.hasSuffix("]") ? String(key) : nil)
  }
}
