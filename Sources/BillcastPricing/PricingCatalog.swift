import BillcastCore
import Foundation

/// Every pricing table billcast loaded, with lookups across them.
public struct PricingCatalog: Sendable {
  /// The tables, sorted by id.
  public var tables: [PricingTable]
  /// The directory the tables were loaded from; nil for tables built into billcast or read otherwise.
  public var directory: String? = nil

  /// Creates a catalog from tables already read (and checked).
  public init(tables: [PricingTable]) { self.tables = tables.sorted { $0.id < $1.id } }

  /// Loads every `*.yaml` file under a directory, reporting every problem in every file.
  ///
  /// The files are composed and read on all cores at once (largest first); their problems and
  /// cross-table references are then merged in file order, so the result does not depend on
  /// the threads.
  ///
  /// `regions` limits the regions composed: a region's rates are composed with the models only
  /// when it returns nil or names the region (global tables and whole tables are always read).
  /// It is called once the files are parsed, so a caller can read its profile meanwhile.
  ///
  /// With a `cache`, the files are read and hashed, and a snapshot of the catalog read before from
  /// the same bytes (for the same regions) is used if there is one; otherwise the catalog is read
  /// with every check and, if it has no errors, stored for next time.
  public static func load(
    directory: String, limits: YAMLLimits = .standard, regions: () -> Set<String>? = { nil },
    cache: PricingSnapshotCache? = nil
  ) throws(DiagnosticError) -> PricingCatalog {
    var catalog = try loadTables(directory: directory, limits: limits, regions: regions, cache: cache)
    catalog.directory = directory
    return catalog
  }

  /// The tables of ``load(directory:limits:regions:cache:)``.
  static func loadTables(
    directory: String, limits: YAMLLimits, regions: () -> Set<String>?, cache: PricingSnapshotCache?
  ) throws(DiagnosticError) -> PricingCatalog {
    switch FileStatus.of(directory) {
    case .failure(let error):
      throw DiagnosticError([
        Diagnostic(
          file: directory,
          message: "cannot read the pricing directory '\(TerminalText.excerpt(directory, limit: 200))' (\(error))")
      ])
    case .success(let status) where !status.isDirectory:
      throw DiagnosticError([
        Diagnostic(
          file: directory,
          message:
            "the pricing directory '\(TerminalText.excerpt(directory, limit: 200))' is not a directory; --pricing and BILLCAST_PRICING name a directory of *.yaml tables"
        )
      ])
    default:
      break
    }
    let files = yamlFiles(under: directory)
    if files.isEmpty {
      throw DiagnosticError([
        Diagnostic(
          file: directory,
          message:
            "no pricing tables (*.yaml) found in the pricing directory '\(TerminalText.excerpt(directory, limit: 200))'"
        )
      ])
    }
    if let cache, let texts = readTexts(files, limits: limits) {
      // Each path with its length first, so no file name can pass for another file's line.
      let identity = zip(files, texts).map { "\($0.utf8.count):\($0)\t\($1.sha256)\n" }.joined()
      return try load(
        cache: cache, identity: identity, limits: limits, count: files.count, sizes: texts.map(\.text.utf8.count),
        regions: regions
      ) { i throws(DiagnosticError) in
        try YAMLDocument.parse(texts[i].text, path: files[i], limits: limits)
      }
    }
    let sizes = files.map { (try? FileStatus.of($0).get())?.size ?? 0 }
    return try load(count: files.count, sizes: sizes, regions: regions) { i throws(DiagnosticError) in
      try YAMLDocument.load(path: files[i], limits: limits)
    }
  }

  /// Composes `count` documents on all cores (largest first), then reads them into a catalog.
  ///
  /// `document(i)` reads the i-th file: from disk for a directory, from memory for the built-in tables.
  static func load(
    count: Int, sizes: [Int], regions: () -> Set<String>?,
    document: @Sendable (Int) throws(DiagnosticError) -> YAMLDocument
  ) throws(DiagnosticError) -> PricingCatalog {
    // Compose every file on all cores (largest first), then read the tables: whole tables one by
    // one, and a provider's models once per region, with that region's rates.
    let schedule = (0..<count).sorted { sizes[$0] > sizes[$1] }
    let documents = ConcurrentSlots<Result<YAMLDocument, DiagnosticError>>(count: count)
    DispatchQueue.concurrentPerform(iterations: count) { i in
      let file = schedule[i]
      do throws(DiagnosticError) {
        documents.set(file, .success(try document(file)))
      } catch {
        documents.set(file, .failure(error))
      }
    }
    var failures: [FileResult] = []
    var loaded: [YAMLDocument] = []
    for result in documents.all {
      switch result {
      case .success(let document): loaded.append(document)
      case .failure(let error):
        failures.append(FileResult(table: nil, references: [], brokenMeters: [], diagnostics: error.diagnostics))
      }
    }
    // A rates file whose model did not load says nothing more: the model's own error is the one to fix.
    let wanted = regions()
    let units = readingUnits(loaded).filter { !($0.table == nil && $0.models.isEmpty && !failures.isEmpty) }.filter {
      unit in
      guard let wanted, let rates = unit.rates, let region = ratesRegion(rates) else { return true }
      return wanted.contains(region)
    }
    let results = ConcurrentSlots<FileResult>(count: units.count)
    DispatchQueue.concurrentPerform(iterations: units.count) { i in results.set(i, units[i].read()) }
    let collector = DiagnosticCollector()
    let catalog = merge(failures + results.all, diagnostics: collector)
    try collector.throwIfErrors()
    return catalog
  }

  /// The `region` a rates document declares, if it is a plain text.
  static func ratesRegion(_ document: YAMLDocument) -> String? {
    guard case .mapping(let mapping) = document.root else { return nil }
    for (key, value) in mapping {
      if case .scalar(let k) = key, k.string == "region", case .scalar(let v) = value { return v.string }
    }
    return nil
  }

  /// Reads composed documents into a catalog; problems go to `diagnostics`.
  package static func read(_ documents: [YAMLDocument], diagnostics: DiagnosticCollector) -> PricingCatalog {
    merge(readingUnits(documents).map { $0.read() }, diagnostics: diagnostics)
  }

  /// What is read into one table: a whole table's file, or a region's rates with the provider's models.
  ///
  /// `@unchecked Sendable`: its documents are parsed before the units are shared and only read after.
  struct ReadingUnit: @unchecked Sendable {
    var table: YAMLDocument?
    var models: [YAMLDocument] = []
    var rates: YAMLDocument?

    func read() -> FileResult {
      let collector = DiagnosticCollector()
      var reader = PricingTableReader(diagnostics: collector)
      let table = self.table.map { reader.read($0) } ?? reader.compose(models: models, rates: rates)
      return FileResult(
        table: table, references: reader.references, brokenMeters: reader.brokenMeters,
        diagnostics: collector.diagnostics)
    }
  }

  /// Groups documents into reading units, in path order: each whole table alone; each rates file
  /// with its provider's models; models no rates file fills in, alone (to report them).
  static func readingUnits(_ documents: [YAMLDocument]) -> [ReadingUnit] {
    var units: [ReadingUnit] = []
    var models: [String: [YAMLDocument]] = [:]
    var rates: [(String, YAMLDocument)] = []
    for document in documents.sorted(by: { $0.path < $1.path }) {
      switch PricingDocumentKind(document) {
      case .table: units.append(ReadingUnit(table: document))
      case .model(let provider): models[provider ?? "", default: []].append(document)
      case .rates(let provider): rates.append((provider ?? "", document))
      }
    }
    for (provider, document) in rates { units.append(ReadingUnit(models: models[provider] ?? [], rates: document)) }
    let filled = Set(rates.map(\.0))
    for (provider, documents) in models.sorted(by: { $0.key < $1.key }) where !filled.contains(provider) {
      units.append(ReadingUnit(models: documents, rates: nil))
    }
    return units
  }

  /// One file's table, its references to check across tables, and its problems.
  struct FileResult {
    var table: PricingTable?
    var references: [(SourceLocation, PricingTableReader.CrossReference)]
    var brokenMeters: Set<String>
    var diagnostics: [Diagnostic]
  }

  /// Joins the files' tables in file order and makes the checks across tables.
  static func merge(_ results: [FileResult], diagnostics: DiagnosticCollector) -> PricingCatalog {
    var tables: [PricingTable] = []
    var references: [(SourceLocation, PricingTableReader.CrossReference, tableID: String)] = []
    var brokenMeters: Set<String> = []
    for result in results {
      result.diagnostics.forEach(diagnostics.add)
      // A model's references are checked in each region's table it is composed into.
      references += result.references.map { ($0.0, $0.1, result.table?.id ?? "") }
      brokenMeters.formUnion(result.brokenMeters)
      if let table = result.table {
        if let other = tables.first(where: { $0.id == table.id }) {
          let location = table.idLocation ?? SourceLocation(file: table.path, path: "id")
          diagnostics.add(
            location.diagnostic(
              .error,
              "table id '\(TerminalText.excerpt(table.id))' is also used by \(other.path)\(other.idLocation?.line.map { ":\($0)" } ?? "")"
            ))
        }
        tables.append(table)
      }
    }
    let catalog = PricingCatalog(tables: tables)
    // A reference to a meter that failed to read repeats that meter's own error: leave it out.
    references.removeAll { _, reference, _ in
      switch reference {
      case .billedAs(let ref, _): return brokenMeters.contains(ref.service + "/" + ref.meter)
      case .draw(let key): return brokenMeters.contains(key.service + "/" + key.meter)
      case .replacement: return false
      }
    }
    catalog.checkReferences(references, diagnostics: diagnostics)
    catalog.checkDuplicateServices(diagnostics: diagnostics)
    return catalog
  }

  package static func yamlFiles(under directory: String) -> [String] {
    let fm = FileManager.default
    guard let enumerator = fm.enumerator(atPath: directory) else { return [] }
    var files: [String] = []
    while let item = enumerator.nextObject() as? String {
      if (item.hasSuffix(".yaml") || item.hasSuffix(".yml")) && !isServiceDefinitionFile(item) {
        files.append((directory as NSString).appendingPathComponent(item))
      }
    }
    return files.sorted()
  }

  /// Whether a file under a pricing directory is a service's resource definitions or fixtures
  /// (`resources.yaml`, `fixtures.yaml`): read by the template reader and the tests, not priced.
  package static func isServiceDefinitionFile(_ path: String) -> Bool {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    return name == "resources.yaml" || name == "fixtures.yaml"
  }

  // MARK: Lookups

  /// The tables that serve a region: the region's own and the `global` ones.
  public func tables(for region: String) -> [PricingTable] {
    tables.filter { $0.region == region || $0.region == "global" }
  }

  /// The service with this id in a region, or nil.
  public func service(_ id: String, region: String) -> Service? {
    for table in tables(for: region) { if let s = table.service(id) { return s } }
    return nil
  }

  /// The ids of every service offered in a region.
  public func serviceIDs(region: String) -> [String] {
    tables(for: region).flatMap { $0.services.map(\.id) }
  }

  /// The table that holds a service in a region.
  public func table(holding serviceID: String, region: String) -> PricingTable? {
    tables(for: region).first { $0.service(serviceID) != nil }
  }

  /// The table with this id.
  public func table(id: String) -> PricingTable? { tables.first { $0.id == id } }

  /// The free-tier pools that apply in a region, in table order.
  public func freeTierPools(region: String) -> [FreeTierPool] { tables(for: region).flatMap(\.freeTier) }

  /// The regions the catalog has tables for (not counting `global`).
  public var regions: [String] { Array(Set(tables.map(\.region)).subtracting(["global"])).sorted() }

  // MARK: Checks across tables

  func anyService(_ id: String, nearRegionOf tableID: String) -> Service? {
    guard let table = table(id: tableID) else { return nil }
    if let s = table.service(id) { return s }
    for t in tables where t.region == table.region || t.region == "global" || table.region == "global" {
      if let s = t.service(id) { return s }
    }
    return nil
  }

  /// Checks each reference a table makes to a service or meter (a replacement, a billed-as
  /// meter, a free-tier draw) against every table loaded.
  func checkReferences(
    _ references: [(SourceLocation, PricingTableReader.CrossReference, tableID: String)],
    diagnostics: DiagnosticCollector
  ) {
    let allServices = tables.flatMap { $0.services.map(\.id) }
    for (location, reference, tableID) in references {
      switch reference {
      case .replacement(let id):
        if anyService(id, nearRegionOf: tableID) == nil {
          diagnostics.add(
            location.diagnostic(
              .error, "unknown service '\(TerminalText.excerpt(id))'\(Spelling.hint(for: id, among: allServices))"))
        }
      case .billedAs(let ref, let unit):
        guard
          let meter = referencedMeter(
            ref.service, ref.meter, tableID: tableID, at: location, allServices: allServices, diagnostics: diagnostics)
        else { continue }
        checkBilledAs(ref, unit: unit, meter: meter, at: location, diagnostics: diagnostics)
      case .draw(let key):
        guard
          let meter = referencedMeter(
            key.service, key.meter, tableID: tableID, at: location, allServices: allServices, diagnostics: diagnostics)
        else { continue }
        checkDraw(key, meter: meter, at: location, diagnostics: diagnostics)
      }
    }
  }

  /// The meter a reference names, or nil (reported) if its service or the meter does not exist.
  func referencedMeter(
    _ serviceID: String, _ meterName: String, tableID: String, at location: SourceLocation, allServices: [String],
    diagnostics: DiagnosticCollector
  ) -> Meter? {
    guard let service = anyService(serviceID, nearRegionOf: tableID) else {
      diagnostics.add(
        location.diagnostic(
          .error,
          "unknown service '\(TerminalText.excerpt(serviceID))'\(Spelling.hint(for: serviceID, among: allServices))"))
      return nil
    }
    guard let meter = service.meter(meterName) else {
      diagnostics.add(
        location.diagnostic(
          .error,
          "\(serviceID) has no meter '\(TerminalText.excerpt(meterName))'\(Spelling.hint(for: meterName, among: service.meters.map(\.name)))"
        ))
      return nil
    }
    return meter
  }

  /// A billed-as meter must point at an unkeyed, priced meter of the same unit.
  func checkBilledAs(
    _ ref: MeterReference, unit: String, meter: Meter, at location: SourceLocation, diagnostics: DiagnosticCollector
  ) {
    guard case .price(let price) = meter.billing else {
      diagnostics.add(
        location.diagnostic(.error, "\(ref) is itself billed as another meter; point at the priced meter"))
      return
    }
    if case .keyed = price {
      diagnostics.add(location.diagnostic(.error, "\(ref) has a keyed price; billed_as needs an unkeyed meter"))
    }
    if meter.unit != unit {
      diagnostics.add(
        location.diagnostic(
          .error,
          "unit '\(TerminalText.excerpt(unit))' differs from \(ref)'s unit '\(TerminalText.excerpt(meter.unit))'"))
    }
  }

  /// A free-tier draw must name a priced meter, with a key exactly when its price is keyed.
  func checkDraw(_ key: MeterKey, meter: Meter, at location: SourceLocation, diagnostics: DiagnosticCollector) {
    switch meter.billing {
    case .billedAs(let ref):
      diagnostics.add(
        location.diagnostic(.error, "\(key.service)/\(key.meter) is billed as \(ref); draw from \(ref) instead"))
    case .price(.ladder):
      if let k = key.key {
        diagnostics.add(location.diagnostic(.error, "\(key.service)/\(key.meter) is not keyed; remove [\(k)]"))
      }
    case .price(.keyed(let by, let ladders)):
      if let k = key.key {
        if ladders[k] == nil {
          diagnostics.add(location.diagnostic(.error, "\(key.service)/\(key.meter) has no price for \(by) = \(k)"))
        }
      } else {
        diagnostics.add(
          location.diagnostic(
            .error,
            "\(key.service)/\(key.meter) is keyed by \(by); name the key, like [\(ladders.keys.sorted().first ?? "…")]")
        )
      }
    }
  }

  func checkDuplicateServices(diagnostics: DiagnosticCollector) {
    var seen: [String: String] = [:]  // "region|service" → table path
    for table in tables {
      for service in table.services {
        let key = table.region + "|" + service.id
        if let other = seen[key] {
          let location = service.location ?? SourceLocation(file: table.path, path: "services.\(service.id)")
          diagnostics.add(
            location.diagnostic(
              .error,
              "service '\(TerminalText.excerpt(service.id))' for region \(table.region) is also defined in \(other)"))
        }
        seen[key] = table.path
      }
    }
  }
}
