import BillcastCore

extension ProfileReader {
  func readBudgets(_ c: YAMLCursor, architectures: [Architecture], scenarios: [String]) -> [Budget] {
    var budgets: [Budget] = []
    for item in c.items("a list of budgets {architecture, scenario, monthly, services}") ?? [] {
      guard
        let f = item.fields(
          ["architecture", "scenario", "monthly", "services"],
          what: "a budget {architecture, scenario, monthly, services}")
      else { continue }
      let names = architectures.map(\.name)
      var architecture: String?
      if let a = f["architecture"], let name = a.string("an architecture name") {
        if names.contains(name) {
          architecture = name
        } else {
          a.error(
            "'\(TerminalText.excerpt(name))' is not an architecture of this profile\(Spelling.hint(for: name, among: names))"
          )
        }
      }
      var scenario: String?
      if let s = f["scenario"], let name = s.string("a scenario name") {
        if scenarios.contains(name) {
          scenario = name
        } else {
          s.error(
            "'\(TerminalText.excerpt(name))' is not a scenario of this profile\(Spelling.hint(for: name, among: scenarios))"
          )
        }
      }
      let monthly = f["monthly"]?.nonNegativeDecimal()
      var services: [(String, ExactDecimal)] = []
      let used = Set(
        architectures.filter { architecture == nil || $0.name == architecture }.flatMap { $0.components.map(\.service) }
      )
      for (service, v) in f["services"]?.entries("a mapping of service ids to monthly limits") ?? [] {
        if !used.contains(service) {
          f["services"]!.keyCursor(service).error(
            "no component of \(architecture ?? "this profile") uses '\(TerminalText.excerpt(service))'\(Spelling.hint(for: service, among: used))"
          )
          continue
        }
        if let limit = v.nonNegativeDecimal() { services.append((service, limit)) }
      }
      if !f.has("monthly") && !f.has("services") { item.error("a budget needs 'monthly' or 'services'") }
      budgets.append(
        Budget(
          architecture: architecture, scenario: scenario, monthly: monthly, services: services, location: item.location)
      )
    }
    return budgets
  }
}
