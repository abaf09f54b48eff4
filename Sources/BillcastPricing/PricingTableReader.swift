import BillcastCore

/// Reads one pricing-table file into a ``PricingTable``, reporting every problem.
///
/// Checks made here need only the file itself; checks across tables
/// (`billed_as`, free-tier draws, replacements) are made by ``PricingCatalog``.
struct PricingTableReader {
  static let formatVersion = "billcast.pricing/1"
  static let builtinNames: Set<String> = Builtins.names

  let diagnostics: DiagnosticCollector
  /// Locations of references to check across tables.
  var references: [(SourceLocation, CrossReference)] = []
  /// Meters (`service/meter`) that had errors of their own and were left out of their service.
  var brokenMeters: Set<String> = []
  /// The region's rates when a model is being read: a price without a rate takes its rates from here.
  var regional: RegionalRates?
  /// The regional rates each service lacks, by service id, in reading order.
  var missingRates: [String: [MeterKey]] = [:]
  /// The rates the region lacks, by service id.
  var unpricedRates: [String: [UnpricedRate]] = [:]
  /// The rates entries a model price used.
  var consumedRates: Set<MeterKey> = []
  /// Every regional price of the models read, in reading order.
  var regionalPrices: [RegionalPrice] = []
  /// The unit of the meter being read.
  var meterUnit = ""
  /// The rates file being composed with, for messages.
  var regionalFile = ""

  enum CrossReference {
    case billedAs(MeterReference, unit: String)
    case draw(MeterKey)
    case replacement(String)
  }

  init(diagnostics: DiagnosticCollector) { self.diagnostics = diagnostics }

  mutating func read(_ document: YAMLDocument) -> PricingTable? {
    let root = YAMLCursor(document: document, diagnostics: diagnostics)
    guard
      let f = root.fields(
        ["format", "id", "provider", "region", "currency", "effective", "sources", "free_tier", "services"],
        what: "a pricing table (a mapping with format, id, services, …)")
    else { return nil }
    if let format = f.required("format")?.string(), format != Self.formatVersion {
      f["format"]!.error(
        "unsupported format '\(TerminalText.excerpt(format))'; this billcast reads '\(TerminalText.excerpt(Self.formatVersion))'"
      )
    }
    let idCursor = f.required("id")
    let id = idCursor?.string() ?? ""
    let provider = f.required("provider")?.string() ?? ""
    let region = f.required("region")?.regionName() ?? ""
    var currency = "USD"
    if let c = f.required("currency"), let text = c.string("a currency code") {
      // Every renderer prints dollars and every total adds tables together: a table in another
      // currency would be summed into a USD report. Until amounts carry their currency, USD only.
      if text == "USD" {
        currency = text
      } else {
        c.error(
          "currency '\(TerminalText.excerpt(text))' is not supported: billcast adds every table's prices into one bill in USD and does not convert currencies"
        )
      }
    }
    let effective = f.required("effective")?.date()
    let sources = f.required("sources").map(readSources) ?? [:]

    var services: [Service] = []
    if let entries = f.required("services")?.entries("a mapping of service ids to services") {
      for (serviceID, cursor) in entries {
        if let s = readService(serviceID, cursor, tableID: id, sources: sources) { services.append(s) }
      }
    }
    var pools: [FreeTierPool] = []
    if let entries = f["free_tier"]?.entries("a mapping of pool ids to free-tier pools") {
      for (poolID, cursor) in entries {
        if let p = readPool(poolID, cursor, tableID: id, sources: sources) { pools.append(p) }
      }
    }
    guard let effective else { return nil }
    return PricingTable(
      id: id, provider: provider, region: region, currency: currency, effective: effective,
      sources: sources, freeTier: pools, services: services, path: document.path, sha256: document.sha256,
      idLocation: idCursor?.location)
  }

  // MARK: Sources

  func readSources(_ cursor: YAMLCursor) -> [String: PriceSource] {
    var result: [String: PriceSource] = [:]
    for (id, c) in cursor.entries("a mapping of source ids to sources") ?? [] {
      guard let f = c.fields(["url", "read", "grade", "note"]) else { continue }
      let url = f.required("url")?.string()
      if let url, !(url.hasPrefix("https://") || url.hasPrefix("http://")) {
        f["url"]!.error("'\(TerminalText.excerpt(url))' is not a web address (expected https://…)")
      }
      let readCursor = f.required("read")
      let read = readCursor?.date()
      let grade = f.required("grade")?.choice(["P", "PL", "S"])
      let note = f["note"]?.string()
      // A source with a bad field is still registered, so prices citing it report nothing more.
      result[id] = PriceSource(
        id: id, url: url ?? "", read: read ?? CalendarDate("1970-01-01")!, grade: grade ?? "?", note: note,
        readLocation: readCursor?.location)
    }
    return result
  }

  func checkSource(_ cursor: YAMLCursor, _ sources: [String: PriceSource]) -> String? {
    guard let id = cursor.string("a source id") else { return nil }
    guard sources[id] != nil else {
      cursor.error(
        "unknown source '\(TerminalText.excerpt(id))'\(Spelling.hint(for: id, among: sources.keys)); every price must name a source listed under 'sources'"
      )
      return nil
    }
    return id
  }

  // MARK: Services

  mutating func readService(_ id: String, _ cursor: YAMLCursor, tableID: String, sources: [String: PriceSource])
    -> Service?
  {
    guard
      let f = cursor.fields(
        ["name", "group", "inputs", "meters", "notes", "availability", "combinations"], what: "a service")
    else { return nil }
    let name = f.required("name")?.string() ?? id
    let group = f["group"]?.string() ?? name
    var inputs: [ServiceInput] = []
    for (inputName, c) in f.required("inputs")?.entries("a mapping of input names to inputs") ?? [] {
      if let input = readInput(inputName, c, sources: sources) { inputs.append(input) }
    }
    var meters: [Meter] = []
    for (meterName, c) in f.required("meters")?.entries("a mapping of meter names to meters") ?? [] {
      if let meter = readMeter(meterName, c, service: id, inputs: inputs, sources: sources) {
        meters.append(meter)
      } else {
        brokenMeters.insert(id + "/" + meterName)  // its own errors say why; references to it add nothing
      }
    }
    var notes: [ServiceNote] = []
    for c in f["notes"]?.items("a list of notes") ?? [] {
      if let note = readNote(c, inputs: inputs, sources: sources) { notes.append(note) }
    }
    var availability: Availability?
    if let c = f["availability"], let a = c.fields(["from", "new_until", "until", "replacement", "source"]) {
      let replacement = a["replacement"]?.string()
      if let r = a["replacement"], let replacement { references.append((r.location, .replacement(replacement))) }
      availability = Availability(
        from: a["from"]?.date(), newUntil: a["new_until"]?.date(), until: a["until"]?.date(), replacement: replacement,
        source: a.required("source").flatMap { checkSource($0, sources) })
    }
    let combinations = f["combinations"].flatMap { readCombinations($0, inputs: inputs, sources: sources) }
    var service = Service(
      id: id, name: name, group: group, inputs: inputs, meters: meters, notes: notes,
      availability: availability, combinations: combinations, tableID: tableID, location: cursor.location)
    service.unpriced = unpricedRates[id] ?? []
    return service
  }

  /// A service input: a choice among `values`, or a number with a unit, a default, hard bounds and soft rules.
  func readInput(_ name: String, _ cursor: YAMLCursor, sources: [String: PriceSource]) -> ServiceInput? {
    guard
      let f = cursor.fields(
        ["unit", "description", "default", "hard", "soft", "values", "launched", "launch_source"], what: "an input")
    else { return nil }
    if let valuesCursor = f["values"] { return readChoiceInput(name, f, values: valuesCursor, sources: sources) }
    for key in ["launched", "launch_source"] where f.has(key) {
      f[key]!.error("only a choice input (one with 'values') has '\(key)'")
    }
    let unit = f.required("unit")?.string() ?? ""
    var def: Formula?
    if let c = f["default"], let formula = c.formula() {
      for n in formula.names where !Self.builtinNames.contains(n) {
        c.error(
          "a default may name only built-in values (\(Self.builtinNames.sorted().joined(separator: ", "))), not '\(TerminalText.excerpt(n))'"
        )
      }
      def = formula
    }
    let constantDefault: ExactDecimal? = def.flatMap { f in f.isConstant ? (try? f.evaluate { _ in nil })?.low : nil }
    var hardMin: ExactDecimal?, hardMax: ExactDecimal?
    if let h = f["hard"], let hf = h.fields(["min", "max"], what: "hard bounds {min, max}") {
      hardMin = hf["min"]?.decimal()
      hardMax = hf["max"]?.decimal()
      if let lo = hardMin, let hi = hardMax, lo > hi { h.error("min \(lo) is above max \(hi)") }
    }
    if let d = constantDefault, let c = f["default"] {
      if let lo = hardMin, d < lo { c.error("default \(d) is below the hard minimum \(lo)") }
      if let hi = hardMax, d > hi { c.error("default \(d) is above the hard maximum \(hi)") }
    }
    let rules = (f["soft"]?.items("a list of soft rules") ?? []).compactMap { readSoftRule($0, sources: sources) }
    return ServiceInput(
      name: name, kind: .numeric(unit: unit), description: f["description"]?.string(), defaultNumber: def,
      defaultChoice: nil, hardMinimum: hardMin, hardMaximum: hardMax, softRules: rules)
  }

  /// A choice input: its values, default, and the values that launched later than the service.
  func readChoiceInput(_ name: String, _ f: YAMLFields, values valuesCursor: YAMLCursor, sources: [String: PriceSource])
    -> ServiceInput
  {
    let description = f["description"]?.string()
    for key in ["unit", "hard", "soft"] where f.has(key) {
      f[key]!.error("a choice input (one with 'values') has no '\(TerminalText.excerpt(key))'")
    }
    let values = (valuesCursor.items("a list of choices") ?? []).compactMap { $0.string("a choice") }
    if values.isEmpty { valuesCursor.error("a choice input needs at least one value") }
    let def = f["default"]?.choice(values)
    var input = ServiceInput(
      name: name, kind: .choice(values: values), description: description, defaultNumber: nil,
      defaultChoice: def, hardMinimum: nil, hardMaximum: nil, softRules: [])
    // Values that launched later than the service, with the source that dates them.
    if let launched = f["launched"] {
      _ = f.required("launch_source").flatMap { checkSource($0, sources) }
      for (value, c) in launched.entries("a mapping of values to launch dates") ?? [] {
        guard values.contains(value) else {
          launched.keyCursor(value).error(
            "'\(TerminalText.excerpt(value))' is not a value of \(name) (\(values.joined(separator: ", ")))")
          continue
        }
        if let date = c.date() { input.launched[value] = date }
      }
    }
    return input
  }

  /// A soft rule on a numeric input: bounds, allowed values or a step, with its message.
  func readSoftRule(_ c: YAMLCursor, sources: [String: PriceSource]) -> SoftRule? {
    guard
      let rf = c.fields(
        ["when", "min", "max", "one_of", "step", "message", "source", "from", "until", "severity"], what: "a soft rule")
    else { return nil }
    let oneOf = rf["one_of"].map { ($0.items("a list of numbers") ?? []).compactMap { $0.decimal() } }
    let step = rf["step"]?.decimal()
    if let step, !(step > .zero), let s = rf["step"] { s.error("step must be above zero") }
    var rule = SoftRule(
      when: rf["when"].map(readCondition) ?? [:], minimum: rf["min"]?.decimal(), maximum: rf["max"]?.decimal(),
      oneOf: oneOf, step: step, message: rf.required("message")?.string() ?? "",
      source: rf["source"].flatMap { checkSource($0, sources) }, from: rf["from"]?.date(),
      until: rf["until"]?.date())
    rule.isError = rf["severity"]?.choice(["warning", "error"]) == "error"
    if rule.minimum == nil && rule.maximum == nil && rule.oneOf == nil && rule.step == nil {
      c.error("a soft rule needs at least one of min, max, one_of, step")
    }
    return rule
  }

  func readCondition(_ cursor: YAMLCursor) -> ChoiceCondition {
    var result: ChoiceCondition = [:]
    for (k, v) in cursor.entries("a mapping of choice inputs to a value or a list of values") ?? [] {
      if case .sequence = v.node {
        result[k] = (v.items() ?? []).compactMap { $0.string("a choice") }
      } else if let s = v.string("a choice") {
        result[k] = [s]
      }
    }
    return result
  }

  func readCombinations(_ cursor: YAMLCursor, inputs: [ServiceInput], sources: [String: PriceSource]) -> Combinations? {
    guard
      let f = cursor.fields(
        ["inputs", "allowed", "message", "source"], what: "combinations {inputs, allowed, message, source}")
    else { return nil }
    let names = (f.required("inputs")?.items("a list of numeric input names") ?? []).compactMap { c -> String? in
      guard let n = c.string("an input name") else { return nil }
      guard inputs.contains(where: { $0.name == n && $0.isNumeric }) else {
        c.error(
          "'\(TerminalText.excerpt(n))' is not a numeric input of this service\(Spelling.hint(for: n, among: inputs.filter(\.isNumeric).map(\.name)))"
        )
        return nil
      }
      return n
    }
    var allowed: [[String: [ExactDecimal]]] = []
    for item in f.required("allowed")?.items("a list of allowed combinations") ?? [] {
      guard let entries = item.entries("a combination {input: value or [values]}") else { continue }
      var combination: [String: [ExactDecimal]] = [:]
      for (k, v) in entries {
        guard names.contains(k) else {
          item.keyCursor(k).error(
            "'\(TerminalText.excerpt(k))' is not one of the combination's inputs (\(names.joined(separator: ", ")))")
          continue
        }
        if case .sequence = v.node {
          combination[k] = (v.items() ?? []).compactMap { $0.decimal() }
        } else if let d = v.decimal() {
          combination[k] = [d]
        }
      }
      for n in names where combination[n] == nil { item.error("missing '\(TerminalText.excerpt(n))'") }
      allowed.append(combination)
    }
    guard let message = f.required("message")?.string() else { return nil }
    return Combinations(
      inputs: names, allowed: allowed, message: message, source: f["source"].flatMap { checkSource($0, sources) })
  }

  func checkCondition(_ condition: ChoiceCondition, at cursor: YAMLCursor?, inputs: [ServiceInput]) {
    guard let cursor else { return }
    for (name, wanted) in condition.sorted(by: { $0.key < $1.key }) {
      guard let input = inputs.first(where: { $0.name == name }), case .choice(let values) = input.kind else {
        cursor.error(
          "'\(TerminalText.excerpt(name))' is not a choice input of this service\(Spelling.hint(for: name, among: inputs.map(\.name)))"
        )
        continue
      }
      for value in wanted where !values.contains(value) {
        cursor.error(
          "'\(TerminalText.excerpt(value))' is not a value of \(name) (\(values.joined(separator: ", ")))\(Spelling.hint(for: value, among: values))"
        )
      }
    }
  }

  mutating func readMeter(
    _ name: String, _ cursor: YAMLCursor, service: String, inputs: [ServiceInput], sources: [String: PriceSource]
  ) -> Meter? {
    guard
      let f = cursor.fields(
        ["unit", "description", "quantity", "quantity_before", "when", "from", "until", "price", "billed_as"],
        what: "a meter")
    else { return nil }
    let unit = f.required("unit")?.string() ?? ""
    meterUnit = unit
    let quantityCursor = f.required("quantity")
    let quantity = quantityCursor?.formula()
    if let quantity, let quantityCursor {
      let numeric = Set(inputs.filter(\.isNumeric).map(\.name)).union(Self.builtinNames)
      for n in quantity.names where !numeric.contains(n) {
        quantityCursor.error(
          "the formula names '\(TerminalText.excerpt(n))', which is not a numeric input of this service\(Spelling.hint(for: n, among: numeric))"
        )
      }
    }
    let when = f["when"].map(readCondition) ?? [:]
    checkCondition(when, at: f["when"], inputs: inputs)
    var billing: Meter.Billing?
    switch (f["price"], f["billed_as"]) {
    case (let p?, nil):
      let missingBefore = missingRates[service]?.count ?? 0
      let price = readPrice(
        p, meter: MeterReference(service: service, meter: name), inputs: inputs, when: when, sources: sources)
      billing = price.map { .price($0) }
      // Rates the region lacks: recorded, so that a component needing one is an error.
      var by: String?
      if case .keyed(let input, _)? = price { by = input }
      for key in (missingRates[service] ?? []).dropFirst(missingBefore) {
        unpricedRates[service, default: []].append(
          UnpricedRate(key: key, by: key.key == nil ? nil : by, when: when, billedAs: nil, ratesFile: regionalFile))
      }
    case (nil, let b?):
      if let text = b.string("a meter reference like aws.data-transfer/internet-out") {
        if let key = MeterKey(text), key.key == nil {
          let ref = MeterReference(service: key.service, meter: key.meter)
          references.append((b.location, .billedAs(ref, unit: unit)))
          billing = .billedAs(ref)
        } else {
          b.error("'\(TerminalText.excerpt(text))' is not a meter reference; expected service/meter")
        }
      }
    case (_?, _?):
      cursor.error("a meter has either 'price' or 'billed_as', not both")
    case (nil, nil):
      cursor.error("missing 'price' (or 'billed_as'): a meter without a price would bill $0 silently")
    }
    guard let quantity, let billing else { return nil }
    let history = readQuantityHistory(f["quantity_before"], inputs: inputs, sources: sources)
    var meter = Meter(
      name: name, unit: unit, description: f["description"]?.string(), quantity: quantity, when: when,
      from: f["from"]?.date(), until: f["until"]?.date(), billing: billing)
    meter.quantityBefore = history
    return meter
  }

  /// Earlier billing rules, like Lambda's 100 ms rounding before 2020-12-01: `[{until, quantity, source}]`, in date order.
  func readQuantityHistory(_ list: YAMLCursor?, inputs: [ServiceInput], sources: [String: PriceSource]) -> [(
    until: CalendarDate, quantity: Formula
  )] {
    var history: [(until: CalendarDate, quantity: Formula)] = []
    let numeric = Set(inputs.filter(\.isNumeric).map(\.name)).union(Self.builtinNames)
    for item in list?.items("a list of {until, quantity}") ?? [] {
      guard let hf = item.fields(["until", "quantity", "source"], what: "an earlier rule {until, quantity, source}"),
        let until = hf.required("until")?.date(), let qc = hf.required("quantity"), let q = qc.formula()
      else { continue }
      _ = hf.required("source").flatMap { checkSource($0, sources) }
      for n in q.names where !numeric.contains(n) {
        qc.error("the formula names '\(TerminalText.excerpt(n))', which is not a numeric input of this service")
      }
      if let last = history.last, until <= last.until {
        hf["until"]!.error("earlier rules must be listed in date order: \(until) is not after \(last.until)")
      }
      history.append((until, q))
    }
    return history
  }

  func readNote(_ cursor: YAMLCursor, inputs: [ServiceInput], sources: [String: PriceSource]) -> ServiceNote? {
    guard
      let f = cursor.fields(["code", "severity", "message", "source", "when", "from", "until"], what: "a note")
    else { return nil }
    let when = f["when"].map(readCondition) ?? [:]
    checkCondition(when, at: f["when"], inputs: inputs)
    guard let code = f.required("code")?.string(), let message = f.required("message")?.string() else { return nil }
    let severity = f["severity"]?.choice(["warning", "info"]).flatMap(ServiceNote.Severity.init) ?? .info
    return ServiceNote(
      code: code, severity: severity, message: message, source: f["source"].flatMap { checkSource($0, sources) },
      when: when, from: f["from"]?.date(), until: f["until"]?.date())
  }

  // MARK: Free tier

  mutating func readPool(_ id: String, _ cursor: YAMLCursor, tableID: String, sources: [String: PriceSource])
    -> FreeTierPool?
  {
    guard
      let f = cursor.fields(
        ["kind", "allowance", "unit", "source", "draws", "from", "until"], what: "a free-tier pool")
    else { return nil }
    let kind = f.required("kind")?.choice(FreeTierKind.allCases.map(\.rawValue)).flatMap(FreeTierKind.init)
    let allowance = f.required("allowance")?.nonNegativeDecimal()
    let unit = f.required("unit")?.string() ?? ""
    let source = f.required("source").flatMap { checkSource($0, sources) }
    var draws: [MeterKey] = []
    for c in f.required("draws")?.items("a list of meters like aws.lambda/duration[x86_64]") ?? [] {
      guard let text = c.string("a meter like aws.lambda/requests") else { continue }
      guard let key = MeterKey(text) else {
        c.error("'\(TerminalText.excerpt(text))' is not a meter; expected service/meter or service/meter[key]")
        continue
      }
      if draws.contains(key) { c.error("'\(TerminalText.excerpt(text))' is listed twice") }
      references.append((c.location, .draw(key)))
      draws.append(key)
    }
    guard let kind, let allowance, let source else { return nil }
    return FreeTierPool(
      id: id, kind: kind, allowance: allowance, unit: unit, source: source, draws: draws,
      from: f["from"]?.date(), until: f["until"]?.date(), tableID: tableID)
  }
}
