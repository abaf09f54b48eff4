import BillcastCore

/// Composing a region's table from a provider's models and the region's rates file.
extension PricingTableReader {
  static let modelFormat = "billcast.model/1"
  static let ratesFormat = "billcast.rates/1"

  /// Composes one region's table from the provider's models and the region's rates; with no rates
  /// file, reads the models only to report their problems: the rates file's header → the models'
  /// headers and sources → services and pools with the region's rates → what the region lacks.
  mutating func compose(models: [YAMLDocument], rates ratesDocument: YAMLDocument?) -> PricingTable? {
    var sources = SourceRegistry()
    var header: RatesHeader?
    if let ratesDocument {
      header = readRatesHeader(ratesDocument)
      if let header { sources.register(header.sources, from: header.sourcesCursor, file: ratesDocument.path) }
    }
    regional = RegionalRates(region: header?.region ?? "", entries: header?.entries ?? [:])
    regionalFile = ratesDocument?.path ?? ""
    var (modelFields, effective) = readModelHeaders(models, provider: header?.provider, sources: &sources)
    if let date = header?.effective { effective = effective.map { min($0, date) } ?? date }
    guard let ratesDocument else {
      if let first = modelFields.first {
        first.cursor.keyCursor("provider").error(
          "no rates file fills in this model: add pricing/PROVIDER/rates/REGION.yaml (format \(Self.ratesFormat)) with this provider's rates for a region"
        )
      }
      return nil
    }
    guard let header else { return nil }
    if models.isEmpty {
      header.providerCursor?.error(
        "no model (format \(Self.modelFormat)) for provider '\(TerminalText.excerpt(header.provider))' is loaded; a rates file only fills in a model's prices"
      )
      return nil
    }
    var (services, pools) = readServicesAndPools(modelFields, tableID: header.id, sources: sources.sources)
    markMetersBilledAsUnpricedOnes(&services)
    leaveOutUnpriced(services, pools: &pools)
    reportUnusedRates(header)
    guard let effective else { return nil }
    let files = models.map(\.path) + [ratesDocument.path]
    let digest = SHA256.hex((models.map(\.sha256) + [ratesDocument.sha256]).joined(separator: "\n").utf8)
    var table = PricingTable(
      id: header.id, provider: header.provider, region: header.region, currency: "USD", effective: effective,
      sources: sources.sources, freeTier: pools, services: services, path: ratesDocument.path, sha256: digest,
      idLocation: header.idLocation)
    table.files = files
    table.regionalPrices = regionalPrices
    return table
  }

  /// The sources of a provider's models and rates file: one set of ids, each defined once.
  struct SourceRegistry {
    var sources: [String: PriceSource] = [:]
    var files: [String: String] = [:]

    mutating func register(_ read: [String: PriceSource], from cursor: YAMLCursor?, file: String) {
      for (id, source) in read.sorted(by: { $0.key < $1.key }) {
        if let other = files[id] {
          let at = cursor?.keyedEntries()?.first { $0.key == id }?.keyCursor ?? cursor
          at?.error(
            "source '\(TerminalText.excerpt(id))' is also defined in \(other); a provider's models and rates files share one set of source ids"
          )
          continue
        }
        sources[id] = source
        files[id] = file
      }
    }
  }

  /// Each model's header checked (its provider the rates file's, in USD) and its sources
  /// registered; the fields of each, and the earliest effective date.
  func readModelHeaders(_ models: [YAMLDocument], provider: String?, sources: inout SourceRegistry) -> (
    [YAMLFields], CalendarDate?
  ) {
    var modelFields: [YAMLFields] = []
    var effective: CalendarDate?
    for document in models {
      let root = YAMLCursor(document: document, diagnostics: diagnostics)
      guard
        let f = root.fields(
          ["format", "provider", "currency", "effective", "sources", "free_tier", "services"],
          what: "a pricing model (a mapping with format, provider, services, …)")
      else { continue }
      _ = f.required("format")
      if let c = f.required("provider"), let text = c.string(), let provider, text != provider {
        c.error("this model is for '\(TerminalText.excerpt(text))', not '\(TerminalText.excerpt(provider))'")
      }
      if let c = f.required("currency"), let text = c.string("a currency code"), text != "USD" {
        c.error(
          "currency '\(TerminalText.excerpt(text))' is not supported: billcast adds every table's prices into one bill in USD and does not convert currencies"
        )
      }
      if let date = f.required("effective")?.date() { effective = effective.map { min($0, date) } ?? date }
      if let c = f.required("sources") { sources.register(readSources(c), from: c, file: document.path) }
      modelFields.append(f)
    }
    return (modelFields, effective)
  }

  /// The models' services and free-tier pools, with the region's rates.
  mutating func readServicesAndPools(_ modelFields: [YAMLFields], tableID: String, sources: [String: PriceSource]) -> (
    [Service], [FreeTierPool]
  ) {
    var services: [Service] = []
    var pools: [FreeTierPool] = []
    for f in modelFields {
      for (serviceID, cursor) in f.required("services")?.entries("a mapping of service ids to services") ?? [] {
        if let s = readService(serviceID, cursor, tableID: tableID, sources: sources) { services.append(s) }
      }
      for (poolID, cursor) in f["free_tier"]?.entries("a mapping of pool ids to free-tier pools") ?? [] {
        if let p = readPool(poolID, cursor, tableID: tableID, sources: sources) { pools.append(p) }
      }
    }
    return (services, pools)
  }

  /// Free-tier draws and references to rates the region lacks are left out with them.
  mutating func leaveOutUnpriced(_ services: [Service], pools: inout [FreeTierPool]) {
    let unpriced = Set(services.flatMap { $0.unpriced.map(\.key) })
    func lacks(_ key: MeterKey) -> Bool {
      unpriced.contains(key) || unpriced.contains(MeterKey(service: key.service, meter: key.meter))
    }
    for i in pools.indices { pools[i].draws.removeAll(where: lacks) }
    references.removeAll { _, reference in
      switch reference {
      case .billedAs(let ref, _): return lacks(MeterKey(service: ref.service, meter: ref.meter))
      case .draw(let key): return lacks(key)
      case .replacement: return false
      }
    }
  }

  /// A meter billed as a meter the region has no rate for has no rate either.
  func markMetersBilledAsUnpricedOnes(_ services: inout [Service]) {
    var changed = true
    while changed {
      changed = false
      let unpriced = Set(services.flatMap { $0.unpriced.filter { $0.key.key == nil }.map(\.key) })
      for i in services.indices {
        var added: [UnpricedRate] = []
        let id = services[i].id
        services[i].meters.removeAll { meter in
          guard case .billedAs(let ref) = meter.billing,
            unpriced.contains(MeterKey(service: ref.service, meter: ref.meter))
          else { return false }
          added.append(
            UnpricedRate(
              key: MeterKey(service: id, meter: meter.name), by: nil, when: meter.when, billedAs: ref,
              ratesFile: regionalFile))
          return true
        }
        services[i].unpriced += added
        changed = changed || !added.isEmpty
      }
    }
  }

  /// An entry no model price uses is a mistake (a misspelt meter, a removed key): an error.
  func reportUnusedRates(_ header: RatesHeader) {
    let used = consumedRates.union(missingRates.values.joined())
    let known = used.map(\.description)
    for key in header.order where !consumedRates.contains(key) {
      guard let entry = header.entries[key] else { continue }
      entry.keyCursor.error(
        "no model price takes the rate '\(TerminalText.excerpt(key.description))'\(Spelling.hint(for: key.description, among: known)); entries are keyed service/meter or service/meter[key] of a price without a rate"
      )
    }
  }

  /// A rates file's header, sources and entries.
  struct RatesHeader {
    var id: String
    var idLocation: SourceLocation?
    var provider: String
    var providerCursor: YAMLCursor?
    var region: String
    var effective: CalendarDate?
    var sources: [String: PriceSource]
    var sourcesCursor: YAMLCursor?
    var entries: [MeterKey: RatesEntry]
    var order: [MeterKey]
  }

  /// Reads a rates file's header and entries (the entries' bodies are read with the model).
  func readRatesHeader(_ document: YAMLDocument) -> RatesHeader? {
    let root = YAMLCursor(document: document, diagnostics: diagnostics)
    guard
      let f = root.fields(
        ["format", "id", "provider", "region", "effective", "sources", "rates"],
        what: "a rates file (a mapping with format, id, provider, region, rates, …)")
    else { return nil }
    let idCursor = f.required("id")
    let providerCursor = f.required("provider")
    let region = f.required("region")?.regionName() ?? ""
    if region == "global" {
      f["region"]!.error(
        "a rates file is for one region; global services are written as a whole table (format \(Self.formatVersion), region global)"
      )
    }
    let sourcesCursor = f.required("sources")
    var entries: [MeterKey: RatesEntry] = [:]
    var order: [MeterKey] = []
    for (text, keyCursor, value) in f.required("rates")?.keyedEntries(
      "a mapping of meters (service/meter[key]) to rates") ?? []
    {
      guard let key = MeterKey(text) else {
        keyCursor.error("'\(TerminalText.excerpt(text))' is not a meter; expected service/meter or service/meter[key]")
        continue
      }
      entries[key] = RatesEntry(keyCursor: keyCursor, value: value)
      order.append(key)
    }
    return RatesHeader(
      id: idCursor?.string() ?? "", idLocation: idCursor?.location, provider: providerCursor?.string() ?? "",
      providerCursor: providerCursor, region: region, effective: f.required("effective")?.date(),
      sources: sourcesCursor.map(readSources) ?? [:], sourcesCursor: sourcesCursor, entries: entries, order: order)
  }
}
