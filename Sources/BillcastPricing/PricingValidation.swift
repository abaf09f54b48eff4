import BillcastCore

/// Checks a loaded catalog beyond what loading enforces: dates that cannot be right yet, and counts for the summary.
package enum PricingValidation {
  /// What a catalog holds, for the summary line.
  package struct Summary: Sendable {
    /// How many tables, services, meters, prices (tier rates, earlier ones included), sources and free-tier pools.
    package var tables = 0, services = 0, meters = 0, prices = 0, sources = 0, pools = 0
    /// How many Price List identities (one per meter and key, however many regions share it), and
    /// how many of them carry `unconfirmed:`.
    package var identities = 0, unconfirmed = 0
    /// How many identities AWS's data confirms.
    package var confirmed: Int { identities - unconfirmed }
  }

  /// Problems no single file shows: a source read after today, or after the `effective` date
  /// of the file that lists it (`fileEffective`, by path; a file not in it is dated by its
  /// table, the earliest date of its files). A rates file's sources are dated by the rates
  /// file, so an import that brings a region's rates forward to an offer's date validates.
  /// Every source must also keep its grade's rules (``SourceGradeRules``), reported once even
  /// when several composed tables share it.
  package static func check(
    _ catalog: PricingCatalog, today: CalendarDate, fileEffective: [String: CalendarDate] = [:]
  ) -> [Diagnostic] {
    var problems: [Diagnostic] = []
    var graded: Set<Diagnostic> = []  // problems of sources and notes, which composed tables share
    for table in catalog.tables {
      for (id, source) in table.sources.sorted(by: { $0.key < $1.key }) {
        for problem in SourceGradeRules.problems(id: id, source: source, file: table.path)
        where graded.insert(problem).inserted {
          problems.append(problem)
        }
        let effective = source.readLocation.flatMap { fileEffective[$0.file] } ?? table.effective
        if source.read > today {
          problems.append(
            Diagnostic(
              file: table.path, line: source.readLocation?.line ?? 1, column: source.readLocation?.column ?? 1,
              path: "sources.\(id).read", message: "read on \(source.read), which is after today (\(today))"))
        }
        if source.read > effective {
          problems.append(
            Diagnostic(
              file: table.path, line: source.readLocation?.line ?? 1, column: source.readLocation?.column ?? 1,
              path: "sources.\(id).read",
              message:
                "read on \(source.read), after the table's effective date \(effective); bring 'effective' up to date"
            ))
        }
      }
      // A model's service is in every region's composed table: report each note once.
      for note in notesContradictingMeters(table) where graded.insert(note).inserted {
        problems.append(note)
      }
    }
    return problems
  }

  /// Words with which a note says its charge is left out of the estimate.
  static let exclusionPhrases = [
    "not in this component", "not included here", "not included in this component", "not modelled here",
    "not modeled here", "not priced here",
  ]

  /// A note named after a meter of its service (`fargate-public-ipv4` for the meter `public-ipv4`)
  /// with a sentence that names the meter's charge ("public IPv4") and says it is left out ("not in
  /// this component"), while that meter prices it: a reader would add the charge twice.
  static func notesContradictingMeters(_ table: PricingTable) -> [Diagnostic] {
    var problems: [Diagnostic] = []
    for service in table.services {
      for note in service.notes {
        guard let meter = service.meters.first(where: { note.code == $0.name || note.code.hasSuffix("-" + $0.name) })
        else { continue }
        let charge = meter.name.split(separator: "-").joined(separator: " ")
        let sentences = note.message.lowercased().split(separator: ". ")
        for sentence in sentences where sentence.contains(charge) {
          guard let phrase = exclusionPhrases.first(where: { sentence.contains($0) }) else { continue }
          problems.append(
            Diagnostic(
              file: service.location?.file ?? table.path, line: service.location?.line,
              column: service.location?.column,
              path: "services.\(service.id).notes.\(note.code)",
              message:
                "note \(note.code) says the \(charge) charge is \"\(phrase)\", but \(service.id)/\(meter.name) prices it; say that the meter prices it"
            ))
          break
        }
      }
    }
    return problems
  }

  /// The `effective` date each pricing file states, by path (files without one are left out).
  package static func fileEffectiveDates(_ paths: [String]) -> [String: CalendarDate] {
    var dates: [String: CalendarDate] = [:]
    for path in paths {
      guard let document = try? YAMLDocument.load(path: path) else { continue }
      if let date = effective(of: document) { dates[path] = date }
    }
    return dates
  }

  /// The `effective` date each pricing file held in memory states (the built-in tables), by path.
  package static func fileEffectiveDates(texts: [(path: String, text: String)]) -> [String: CalendarDate] {
    var dates: [String: CalendarDate] = [:]
    for file in texts {
      guard let document = try? YAMLDocument.parse(file.text, path: file.path) else { continue }
      if let date = effective(of: document) { dates[file.path] = date }
    }
    return dates
  }

  private static func effective(of document: YAMLDocument) -> CalendarDate? {
    let root = YAMLCursor(document: document, diagnostics: DiagnosticCollector())
    return root.entries()?.first(where: { $0.key == "effective" })?.value.date()
  }

  /// Counts what a catalog holds, for the summary line.
  package static func summary(_ catalog: PricingCatalog) -> Summary {
    var s = Summary()
    var identities: [String: PriceListIdentity] = [:]
    for t in catalog.tables {
      for p in t.regionalPrices { if let id = p.priceList { identities[p.key.description] = id } }
      s.tables += 1
      s.sources += t.sources.count
      s.pools += t.freeTier.count
      for service in t.services {
        s.services += 1
        for m in service.meters {
          s.meters += 1
          guard case .price(let p) = m.billing else { continue }
          for (key, l) in p.allLadders {
            s.prices += l.tiers.count + l.before.reduce(0) { $0 + $1.tiers.count }
            guard let id = l.priceList else { continue }
            identities[MeterKey(service: service.id, meter: m.name, key: key).description] = id
          }
        }
      }
    }
    s.identities = identities.count
    s.unconfirmed = identities.values.filter { $0.unconfirmed != nil }.count
    return s
  }
}
