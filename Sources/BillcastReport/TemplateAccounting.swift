import BillcastEngine
import BillcastProfile

/// How a report accounts for every resource of an architecture's templates: priced, part of
/// another component, free, not priced or not created.
enum TemplateAccounting {
  /// The account in lines of words; none for an architecture written out by hand.
  static func lines(_ result: ScenarioResult?) -> [String] {
    guard let result, let source = result.templates else { return [] }
    let resources = result.resources
    let kind = source.kind == .cloudFormation ? "CloudFormation template" : "Terraform plan"
    let count = { (name: String) in resources.filter { $0.status.name == name }.count }
    var lines = [
      "Read from \(source.files.count) \(kind)\(source.files.count == 1 ? "" : "s"): \(resources.count) resources, \(count("priced")) priced, "
        + "\(count("part-of")) part of another, \(count("free")) free, \(count("not-priced")) not priced, \(count("not-created")) not created"
    ]
    func list(_ title: String, _ items: [String]) {
      if !items.isEmpty { lines.append("\(title): " + items.joined(separator: ", ")) }
    }
    list(
      "Priced",
      resources.compactMap { r in
        guard case .priced(let components) = r.status else { return nil }
        return components == [r.id]
          ? "\(r.id) (\(r.type))" : "\(r.id) (\(r.type), as \(components.joined(separator: " + ")))"
      })
    list(
      "Part of another component",
      resources.compactMap { r in
        if case .partOf(let owner) = r.status { return "\(r.id) (\(r.type), with \(owner))" } else { return nil }
      })
    list("Free", resources.filter { $0.status == .free }.map { "\($0.id) (\($0.type))" })
    list(
      "Not priced",
      resources.compactMap { r in
        if case .notPriced(let why) = r.status { return "\(r.id) (\(r.type)): \(why)" } else { return nil }
      })
    list(
      "Not created",
      resources.compactMap { r in
        if case .notCreated(let condition) = r.status {
          return "\(r.id) (\(r.type)): condition \(condition) is false"
        } else {
          return nil
        }
      })
    return lines
  }

  /// The account as JSON members: `templates` and `resources`; none for a hand-written architecture.
  static func json(_ result: ScenarioResult) -> [(String, JSONValue)] {
    guard let source = result.templates else { return [] }
    return [
      (
        "templates",
        .object([("kind", .string(source.kind.rawValue)), ("files", .array(source.files.map { .string($0) }))])
      ),
      (
        "resources",
        .array(
          result.resources.map { r in
            var members: [(String, JSONValue)] = [
              ("id", .string(r.id)), ("type", .string(r.type)), ("status", .string(r.status.name)),
              ("file", .string(r.location.file)), ("line", r.location.line.map { .number("\($0)") } ?? .null),
            ]
            switch r.status {
            case .priced(let components): members.append(("components", .array(components.map { .string($0) })))
            case .partOf(let owner): members.append(("part_of", .string(owner)))
            case .notPriced(let why): members.append(("reason", .string(why)))
            case .notCreated(let condition): members.append(("condition", .string(condition)))
            case .free: break
            }
            return .object(members)
          })
      ),
    ]
  }
}
