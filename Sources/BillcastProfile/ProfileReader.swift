import BillcastCore
import Foundation

/// Reads a profile's YAML; problems go to the collector.
struct ProfileReader {
  let diagnostics: DiagnosticCollector

  static let namePattern = "lower-case letters, digits, '_' and '-'"

  /// Reads a profile: header → account → workload → scenarios → architectures → forecast →
  /// budgets, every problem reported; nil if the document is not a mapping.
  func read(_ document: YAMLDocument) -> Profile? {
    let root = YAMLCursor(document: document, diagnostics: diagnostics)
    guard
      let f = root.fields(
        [
          "format", "name", "description", "region", "as_of", "account", "workload", "scenarios", "architectures",
          "forecast", "budgets",
        ],
        what: "a usage profile (a mapping with format, name, region, workload, architectures, …)")
    else { return nil }
    if let format = f.required("format")?.string(), format != Profile.formatVersion {
      f["format"]!.error(
        "unsupported format '\(TerminalText.excerpt(format))'; this billcast reads '\(TerminalText.excerpt(Profile.formatVersion))'"
      )
    }
    let name = f.required("name")?.string() ?? ""
    let region = f.required("region")?.regionName() ?? ""
    let asOf = f["as_of"]?.date()
    let account = f["account"].map(readAccount) ?? Account(freeTier: .alwaysFree)

    var workload: [WorkloadVariable] = []
    let workloadEntries = f["workload"]?.entries("a mapping of workload variables") ?? []
    for (key, c) in workloadEntries {
      if let v = readVariable(key, c) { workload.append(v) }
    }
    // Every name under workload, even one whose value has an error, so nothing is reported twice.
    let known = workloadEntries.map(\.key)
    checkWorkload(workload)

    var scenarios: [Scenario] = []
    for (key, c) in f["scenarios"]?.entries("a mapping of scenario names to scenarios") ?? [] {
      if let scenario = readScenario(key, c, workload: workload, known: known) { scenarios.append(scenario) }
    }
    var architectures: [Architecture] = []
    let archCursor = f.required("architectures")
    for (key, c) in archCursor?.entries("a mapping of architecture names to architectures") ?? [] {
      if let architecture = readArchitecture(key, c, region: region, path: document.path, known: known) {
        architectures.append(architecture)
      }
    }
    if architectures.isEmpty, let archCursor, case .mapping = archCursor.node {
      archCursor.error("a profile needs at least one architecture")
    }

    let forecast = f["forecast"].flatMap { readForecast($0, workload: known, scenarios: scenarios.map(\.name)) }
    let budgets =
      f["budgets"].map { readBudgets($0, architectures: architectures, scenarios: scenarios.map(\.name)) } ?? []

    return Profile(
      name: name, description: f["description"]?.string(), region: region, asOf: asOf, account: account,
      workload: workload, unreadableVariables: Set(known).subtracting(workload.map(\.name)),
      workloadLocation: f.has("workload") ? root.keyCursor("workload").location : root.location,
      scenarios: scenarios, architectures: architectures, forecast: forecast, budgets: budgets, path: document.path,
      sha256: document.sha256, regionLocation: f["region"]?.location)
  }

  /// A scenario: its description and the workload variables it overrides (only existing ones),
  /// checked together with the rest of the workload.
  func readScenario(_ key: String, _ c: YAMLCursor, workload: [WorkloadVariable], known: [String]) -> Scenario? {
    checkName(key, root: c, what: "scenario")
    guard let sf = c.fields(["description", "workload"], what: "a scenario {description, workload}") else { return nil }
    var overrides: [WorkloadVariable] = []
    for (vk, vc) in sf["workload"]?.entries("a mapping of workload variables to override") ?? [] {
      if !known.contains(vk) {
        sf["workload"]!.keyCursor(vk).error(
          "'\(TerminalText.excerpt(vk))' is not a workload variable\(Spelling.hint(for: vk, among: known)); a scenario can only override variables under 'workload'"
        )
        continue
      }
      if let v = readVariable(vk, vc) { overrides.append(v) }
    }
    var merged = workload
    for o in overrides { if let i = merged.firstIndex(where: { $0.name == o.name }) { merged[i] = o } }
    checkWorkload(merged, only: Set(overrides.map(\.name)))
    return Scenario(name: key, description: sf["description"]?.string(), overrides: overrides, location: c.location)
  }

  /// An architecture: components read from its templates (CloudFormation, SAM, a Terraform plan),
  /// then the hand-written ones, at least one and at most ``Profile/componentLimit``.
  func readArchitecture(_ key: String, _ c: YAMLCursor, region: String, path: String, known: [String]) -> Architecture?
  {
    checkName(key, root: c, what: "architecture")
    guard
      let af = c.fields(
        ["description", "components", "reconcile"] + TemplateExpander.fields,
        what:
          "an architecture {description, components} or {cloudformation | terraform_plan, parameters, usage, components}"
      )
    else { return nil }
    let expander = TemplateExpander(
      diagnostics: diagnostics, region: region, directory: FilePath.folder(of: path),
      architecture: key)
    let expansion = expander.expand(af)
    var components: [Component] = expansion?.components ?? []
    let fromTemplates = Set(components.map(\.name))
    let handWritten = expansion == nil ? af.required("components") : af["components"]
    for (ck, keyCursor, cc) in handWritten?.keyedEntries("a mapping of component names to components") ?? [] {
      if var comp = readComponent(ck, cc, known: known) {
        comp.location = keyCursor.location  // point at the component's name
        if fromTemplates.contains(ck) {
          keyCursor.error(
            "component '\(TerminalText.excerpt(ck))' is also a resource of the architecture's templates; name it differently"
          )
        }
        components.append(comp)
      }
    }
    // Templates with nothing priced (only free resources, or types billcast does not price yet)
    // estimate to $0 with the list of their resources; a hand-written architecture needs one.
    if components.isEmpty && expansion == nil && af.has("components") {
      (af["components"] ?? c).error("an architecture needs at least one component")
    }
    if components.count > Profile.componentLimit {
      af.cursor.keyCursor("components").error(
        "\(components.count) components; billcast's limit is \(Profile.componentLimit) per architecture")
    }
    var architecture = Architecture(
      name: key, description: af["description"]?.string(), components: components, location: c.location)
    architecture.templates = expansion?.source
    architecture.resources = expansion?.resources ?? []
    architecture.notices = expansion?.notices ?? []
    if let rc = af["reconcile"], let rules = readReconcile(rc, components: components.map(\.name)) {
      architecture.reconcile = rules
    }
    return architecture
  }

  func checkName(_ name: String, root: YAMLCursor, what: String) {
    let ok =
      !name.isEmpty && name.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-" || $0 == "_") }
    if !ok { root.error("\(what) name '\(TerminalText.excerpt(name))' must use only \(Self.namePattern)") }
  }

  func readAccount(_ c: YAMLCursor) -> Account {
    guard
      let f = c.fields(
        ["free_tier", "opened", "credits", "plan"], what: "an account {free_tier, opened, credits, plan}")
    else {
      return Account(freeTier: .alwaysFree)
    }
    let kind =
      f.required("free_tier")?.choice(Account.FreeTier.allCases.map(\.rawValue)).flatMap(Account.FreeTier.init)
      ?? .alwaysFree
    let opened = f["opened"]?.date()
    let credits = f["credits"]?.nonNegativeDecimal()
    let plan = f["plan"]?.choice(Account.Plan.allCases.map(\.rawValue)).flatMap(Account.Plan.init)
    switch kind {
    case .legacy:
      if !f.has("opened") {
        c.error(
          "a legacy account needs 'opened' (the date it was created), so billcast knows when its 12-month offers end")
      }
      if let opened, opened >= Account.creditProgramStart {
        f["opened"]!.error(
          "accounts opened on or after 2025-07-15 are on the credit-based free tier; use free_tier: credits")
      }
      for key in ["credits", "plan"] where f.has(key) {
        f[key]!.error("'\(TerminalText.excerpt(key))' applies only to free_tier: credits")
      }
    case .credits:
      if !f.has("opened") {
        c.error(
          "a credit-based account needs 'opened' (the date it was created), so billcast knows when its credits expire")
      }
      if let opened, opened < Account.creditProgramStart {
        f["opened"]!.error("accounts opened before 2025-07-15 are on the legacy free tier; use free_tier: legacy")
      }
      if !f.has("credits") { c.error("a credit-based account needs 'credits' (up to 200 USD)") }
      if let credits, credits > ExactDecimal(200), let cc = f["credits"] {
        cc.error(
          "new accounts receive at most $200 of free-tier credits ($100 at sign-up plus up to $100 for activities)")
      }
    case .none, .alwaysFree:
      for key in ["credits", "plan"] where f.has(key) {
        f[key]!.error("'\(TerminalText.excerpt(key))' applies only to free_tier: credits")
      }
    }
    return Account(
      freeTier: kind, opened: opened, credits: credits, plan: kind == .credits ? (plan ?? .paid) : nil,
      location: c.location)
  }

  func readVariable(_ name: String, _ c: YAMLCursor) -> WorkloadVariable? {
    let valid =
      name.first.map { $0.isLetter || $0 == "_" } == true
      && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    if !valid {
      c.error(
        "workload variable '\(TerminalText.excerpt(name))' must be a name of letters, digits and '_' (it is used in formulas)"
      )
      return nil
    }
    if Builtins.names.contains(name) {
      c.error(
        "'\(TerminalText.excerpt(name))' is a built-in name (month_hours, month_mondays, month_is_jan and the like say what the month priced is); choose another name"
      )
      return nil
    }
    if case .mapping = c.node {
      guard let f = c.fields(["value", "unit", "description"], what: "a workload variable {value, unit, description}")
      else { return nil }
      guard let value = f.required("value")?.formula() else { return nil }
      return WorkloadVariable(
        name: name, value: value, unit: f["unit"]?.string(), description: f["description"]?.string(),
        location: f["value"]!.location)
    }
    guard let value = c.formula() else { return nil }
    return WorkloadVariable(name: name, value: value, unit: nil, description: nil, location: c.location)
  }

  /// Every name a variable's formula uses must be another variable, without cycles.
  func checkWorkload(_ variables: [WorkloadVariable], only: Set<String>? = nil) {
    let byName = Dictionary(variables.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    for v in variables where only == nil || only!.contains(v.name) {
      for n in v.value.names where byName[n] == nil && !Builtins.names.contains(n) {
        v.location.diagnostic(
          .error,
          "the formula names '\(TerminalText.excerpt(n))', which is not a workload variable\(Spelling.hint(for: n, among: byName.keys))"
        ).report(to: diagnostics)
      }
    }
    // Cycles, each reported once, at the variable that closes it.
    var reported = Set<String>()
    let walk = DependencyOrder.order(roots: variables.map(\.name)) { byName[$0]?.value.names }
    for cycle in walk.cycles {
      guard let name = cycle.last, let v = byName[name], reported.insert(name).inserted else { continue }
      v.location.diagnostic(
        .error, "workload variables refer to each other in a cycle: \(cycle.joined(separator: " → "))"
      ).report(to: diagnostics)
    }
  }

  func readComponent(_ name: String, _ c: YAMLCursor, known: [String]) -> Component? {
    checkName(name, root: c, what: "component")
    guard let f = c.fields(["service", "label", "description", "inputs"], what: "a component {service, inputs}") else {
      return nil
    }
    guard let serviceCursor = f.required("service"), let service = serviceCursor.string("a service id like aws.lambda")
    else { return nil }
    var inputs: [ComponentInput] = []
    for (key, ic) in f["inputs"]?.entries("a mapping of input names to values") ?? [] {
      if ic.isNull {
        ic.error("\(key) is not filled in yet: give a number, a range, a formula over the workload or a choice")
        continue
      }
      guard let text = ic.string("a number, a range, a formula or a choice") else { continue }
      var plain = false
      if case .scalar(let s) = ic.node { plain = s.style == .plain }
      inputs.append(
        ComponentInput(
          name: key, text: text, isPlain: plain, location: ic.location,
          keyLocation: f["inputs"]!.keyCursor(key).location))
    }
    return Component(
      name: name, label: f["label"]?.string(), service: service, description: f["description"]?.string(),
      inputs: inputs, location: c.location, serviceLocation: serviceCursor.location)
  }
}
