import BillcastCore
import BillcastPricing
import BillcastProfile

/// A profile checked against the pricing tables: every component's service found,
/// every input known and of the right kind, every formula naming known variables.
public struct ResolvedProfile: Sendable {
  /// The profile as read.
  public var profile: Profile
  /// The pricing tables it was checked against.
  public var catalog: PricingCatalog
  /// Resolved components, one list per architecture, in profile order.
  public var architectures: [ResolvedArchitecture]

  /// Checks a profile that may have problems of its own against a catalog, and reports the
  /// file's problems and the problems against the tables together, in file order.
  ///
  /// A rate the region lacks is an error only for the components of `architectures` (nil: all),
  /// so that the architectures a region can price are priced there.
  public static func resolve(
    _ reading: Profile.Reading, catalog: PricingCatalog, architectures selected: [String]? = nil
  ) throws(DiagnosticError) -> ResolvedProfile {
    guard let profile = reading.profile else { throw DiagnosticError(reading.diagnostics) }
    if !reading.hasErrors { return try resolve(profile, catalog: catalog, architectures: selected) }
    let collector = DiagnosticCollector()
    reading.diagnostics.forEach(collector.add)
    if catalog.regions.contains(profile.region) {
      for architecture in profile.architectures {
        for component in architecture.components {
          _ = resolve(component, profile: profile, catalog: catalog, diagnostics: collector)
        }
      }
    }
    throw DiagnosticError(collector.errors)
  }

  /// Checks a profile against a catalog, reporting every problem at once.
  ///
  /// A rate the region lacks is an error only for the components of `architectures` (nil: all);
  /// an architecture left out for it cannot then be priced from the result.
  public static func resolve(_ profile: Profile, catalog: PricingCatalog, architectures selected: [String]? = nil)
    throws(DiagnosticError) -> ResolvedProfile
  {
    let collector = DiagnosticCollector()
    if !catalog.regions.contains(profile.region) {
      let regions = catalog.regions
      let at = profile.regionLocation ?? SourceLocation(file: profile.path, path: "region")
      collector.add(
        at.diagnostic(
          .error,
          "no pricing tables for region '\(TerminalText.excerpt(profile.region))'\(Spelling.hint(for: profile.region, among: regions)); tables exist for: \(regions.joined(separator: ", "))"
        ))
      throw DiagnosticError(collector.errors)
    }
    var architectures: [ResolvedArchitecture] = []
    for architecture in profile.architectures {
      let wanted = selected?.contains(architecture.name) ?? true
      var components: [ResolvedComponent] = []
      var priceable = true
      for component in architecture.components {
        let rates = wanted ? collector : DiagnosticCollector()  // unwanted: its missing rates are not reported
        if let c = resolve(
          component, profile: profile, catalog: catalog, diagnostics: collector, rateDiagnostics: rates)
        {
          components.append(c)
        } else if !wanted {
          priceable = false
        }
      }
      if priceable { architectures.append(ResolvedArchitecture(architecture: architecture, components: components)) }
    }
    try collector.throwIfErrors()
    return ResolvedProfile(profile: profile, catalog: catalog, architectures: architectures)
  }

  /// Resolves a component: its service in the region → the inputs it gives, checked →
  /// defaults for the rest → the rates it needs, which the region must have. Nil after an error.
  static func resolve(
    _ component: Component, profile: Profile, catalog: PricingCatalog, diagnostics: DiagnosticCollector,
    rateDiagnostics: DiagnosticCollector? = nil
  ) -> ResolvedComponent? {
    guard let service = catalog.service(component.service, region: profile.region) else {
      let known = catalog.serviceIDs(region: profile.region)
      diagnostics.add(
        component.serviceLocation.diagnostic(
          .error,
          "unknown service '\(TerminalText.excerpt(component.service))'\(Spelling.hint(for: component.service, among: known)) in the pricing tables for \(profile.region); `billcast pricing list` shows the services"
        ))
      return nil
    }
    // Both steps run, so that a wrong input and a missing one are reported together.
    var (numeric, choices, given) = givenInputs(component, service: service, profile: profile, diagnostics: diagnostics)
    let filled = fillDefaults(
      component, service: service, numeric: &numeric, choices: &choices, diagnostics: diagnostics)
    guard given && filled else { return nil }
    var resolved = ResolvedComponent(component: component, service: service, numeric: numeric, choices: choices)
    // A rate the region lacks, for a meter this component uses: an error, never $0 or another region's rate.
    // A meter whose quantity is zero for this component whatever the workload (surplus CPU credits
    // left at their default of 0) needs no rate: it is priced without one, and the report says so.
    let applicable = service.unpriced.filter { u in
      resolved.matches(u.when) && (u.by.map { choices[$0] == u.key.key } ?? true)
    }
    resolved.unusedWithoutRate = applicable.filter { resolved.isUnused($0.key.meter) }
    let lacking = applicable.filter { !resolved.isUnused($0.key.meter) }
    if let file = lacking.first?.ratesFile {
      let names = lacking.map { u in u.billedAs.map { "\(u.key) (billed as \($0))" } ?? u.key.description }
      let shown = names.prefix(5).joined(separator: ", ") + (names.count > 5 ? " and \(names.count - 5) more" : "")
      (rateDiagnostics ?? diagnostics).add(
        component.serviceLocation.diagnostic(
          .error,
          "\(service.id) cannot be priced in \(profile.region) for this component: \(file) has no rate for \(shown); billcast never borrows another region's rates (add them, e.g. with `billcast pricing import`)"
        ))
      return nil
    }
    return resolved
  }

  /// The inputs the component gives: each one the service has, a choice among its values or a
  /// formula over workload variables; and whether all are right (every problem reported).
  static func givenInputs(
    _ component: Component, service: Service, profile: Profile, diagnostics: DiagnosticCollector
  ) -> ([String: Formula], [String: String], Bool) {
    let variables = profile.workload.map(\.name) + Array(Builtins.names) + Array(profile.unreadableVariables)
    var numeric: [String: Formula] = [:]
    var choices: [String: String] = [:]
    var ok = true
    for input in component.inputs {
      guard let declared = service.input(input.name) else {
        diagnostics.add(
          input.keyLocation.diagnostic(
            .error,
            "\(service.id) has no input '\(TerminalText.excerpt(input.name))'\(Spelling.hint(for: input.name, among: service.inputs.map(\.name))); its inputs are: \(service.inputs.map(\.name).joined(separator: ", "))"
          ))
        ok = false
        continue
      }
      switch declared.kind {
      case .choice(let values):
        if values.contains(input.text) {
          choices[input.name] = input.text
        } else {
          diagnostics.add(
            input.location.diagnostic(
              .error,
              "'\(TerminalText.excerpt(input.text))' is not a value of \(input.name); \(Self.expected(values, of: service.id))\(Spelling.hint(for: input.text, among: values))"
            ))
          ok = false
        }
      case .numeric:
        do {
          let formula = try Formula.parse(input.text)
          for n in formula.names where !variables.contains(n) {
            diagnostics.add(
              input.location.diagnostic(
                .error,
                "the formula names '\(TerminalText.excerpt(n))', which is not a workload variable\(Spelling.hint(for: n, among: variables))"
              ))
            ok = false
          }
          numeric[input.name] = formula
        } catch {
          var location = input.location
          if input.isPlain, let c = location.column { location.column = c + error.offset }
          diagnostics.add(
            location.diagnostic(.error, "invalid value '\(TerminalText.excerpt(input.text))': \(error.message)"))
          ok = false
        }
      }
    }
    return (numeric, choices, ok)
  }

  /// "expected one of: a, b, c", or for a long list (EC2's hundreds of instance types) its
  /// count and where to read it.
  static func expected(_ values: [String], of service: String) -> String {
    if values.count <= 30 { return "expected one of: \(values.joined(separator: ", "))" }
    return "expected one of its \(values.count) values (billcast pricing show \(service) lists them)"
  }

  /// Fills in the default of every input the component leaves out; false (reported) if one has none:
  /// a missing input is an error, never a silent zero.
  static func fillDefaults(
    _ component: Component, service: Service, numeric: inout [String: Formula], choices: inout [String: String],
    diagnostics: DiagnosticCollector
  ) -> Bool {
    var ok = true
    for declared in service.inputs where component.inputs.first(where: { $0.name == declared.name }) == nil {
      switch declared.kind {
      case .choice(let values):
        if let d = declared.defaultChoice {
          choices[declared.name] = d
        } else {
          diagnostics.add(
            component.location.diagnostic(
              .error,
              "missing input '\(TerminalText.excerpt(declared.name))' for \(service.id) (one of: \(values.joined(separator: ", "))); it has no default\(component.usagePath.map { "; give it under \($0)" } ?? "")"
            ))
          ok = false
        }
      case .numeric(let unit):
        if let d = declared.defaultNumber {
          numeric[declared.name] = d
        } else {
          diagnostics.add(
            component.location.diagnostic(
              .error,
              "missing input '\(TerminalText.excerpt(declared.name))' (\(unit)) for \(service.id); it has no default\(component.usagePath.map { "; give it under \($0)" } ?? "")"
            ))
          ok = false
        }
      }
    }
    return ok
  }
}
