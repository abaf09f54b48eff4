import BillcastCore
import BillcastPricing
import BillcastProfile

/// A starter profile for `billcast init`: one architecture, read from templates or written
/// out per service, with every usage input it needs left to fill in and explained in a comment.
///
/// Until each `~` is replaced, an estimate fails with an error naming it: nothing is priced at
/// a silent zero.
package enum StarterProfile {
  /// A starter profile for templates (`kind`, `patterns` as the profile will name them).
  package static func fromTemplates(
    _ kind: TemplateSource.Kind, patterns: [String], entries: [TemplateInventory.Entry], catalog: PricingCatalog,
    region: String
  ) -> String {
    var out = header(region: region)
    out += "architectures:\n  main:\n"
    switch kind {
    case .cloudFormation:
      out +=
        "    cloudformation: [\(patterns.map(quoted).joined(separator: ", "))]\n    parameters: {}    # template parameters without a default that a price needs\n"
    case .terraformPlan:
      out += "    terraform_plan: \(quoted(patterns.first ?? "plan.json"))   # terraform show -json PLANFILE\n"
    }
    let priced = entries.contains { $0.service != nil }
    out +=
      priced
      ? "    usage:\n" : "    usage: {}    # nothing in the templates is priced: the estimate is $0 and lists them\n"
    var others: [String] = []
    for e in entries {
      guard let serviceID = e.service else {
        others.append("\(e.id) (\(e.type)): \(e.status)")
        continue
      }
      out += "      \(quoted(e.id)):    # \(e.type), priced as \(serviceID)\n"
      for note in e.notes { out += "        # \(note)\n" }
      let inputs = usageInputs(serviceID, stated: e.stated, required: e.required, catalog: catalog, region: region)
      if inputs.isEmpty { out += "        {}    # the template states everything this price needs\n" }
      out += inputs.joined()
    }
    if !others.isEmpty {
      out += "    # Not priced as components of their own:\n" + others.map { "    #   \($0)\n" }.joined()
    }
    return out
  }

  /// A starter profile with one hand-written component per service.
  package static func fromServices(_ services: [String], catalog: PricingCatalog, region: String) -> String {
    var out = header(region: region) + "architectures:\n  main:\n    components:\n"
    for (i, serviceID) in services.enumerated() {
      let name = serviceID.split(separator: ".").last.map(String.init) ?? "component\(i)"
      out +=
        "      \(name)\(services.filter { $0 == serviceID }.count > 1 ? "-\(i + 1)" : ""):\n        service: \(serviceID)\n        inputs:\n"
      out += usageInputs(serviceID, stated: [], required: [], catalog: catalog, region: region, indent: "          ")
        .joined()
    }
    return out
  }

  static func header(region: String) -> String {
    """
    # yaml-language-server: $schema=profile.schema.json
    # (for completion and checking in your editor: billcast schema profile --output profile.schema.json)
    # A starter profile written by billcast init. Replace each ~ with a number, a range
    # (low..high) or a formula over the workload; until then billcast estimate names
    # every input still to fill in.
    format: \(Profile.formatVersion)
    name: My system
    region: \(region)
    workload:
      requests: 100000..1000000   # an example variable: use it in the inputs below

    """
  }

  /// One line per input the profile must give: without a default or required by the resource.
  static func usageInputs(
    _ serviceID: String, stated: [String], required: [String], catalog: PricingCatalog, region: String,
    indent: String = "        "
  ) -> [String] {
    guard let service = catalog.tables(for: region).lazy.compactMap({ $0.services.first { $0.id == serviceID } }).first
    else {
      return ["\(indent)# \(serviceID) is not in the pricing tables for \(region)\n"]
    }
    return service.inputs.compactMap { input in
      guard !stated.contains(input.name) else { return nil }
      let needed =
        required.contains(input.name) || (input.isNumeric ? input.defaultNumber == nil : input.defaultChoice == nil)
      let what: String
      switch input.kind {
      case .numeric(let unit): what = unit
      case .choice(let values):
        // EC2's hundreds of instance types are not listed on one line.
        what =
          values.count <= 30
          ? "one of " + values.joined(separator: ", ")
          : "one of \(values.count) values (billcast pricing show \(serviceID) lists them)"
      }
      let text = "\(input.name): ~   # \(what)" + (input.description.map { " — \($0)" } ?? "")
      return needed ? "\(indent)\(text)\n" : nil
    }
  }

  static func quoted(_ text: String) -> String {
    text.allSatisfy({ $0.isLetter || $0.isNumber || "._-/*".contains($0) }) && !text.hasPrefix("*")
      ? text : "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
  }
}
