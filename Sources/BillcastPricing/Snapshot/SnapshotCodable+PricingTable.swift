import BillcastCore

// How a validated pricing table is written in a snapshot: every stored property, in declaration
// order. `PricingSnapshotTests` reads tables back and compares every property with the tables
// read from YAML, so a property added to a type and not here fails a test.

extension PricingTable: SnapshotCodable {
  package func write(to writer: inout SnapshotWriter) {
    writer.write(id)
    writer.write(provider)
    writer.write(region)
    writer.write(currency)
    writer.write(effective)
    writer.write(sources)
    writer.write(freeTier)
    writer.write(services)
    writer.write(path)
    writer.write(sha256)
    writer.write(idLocation)
    writer.write(files)
    writer.write(regionalPrices)
  }

  package init(from reader: inout SnapshotReader) throws(SnapshotError) {
    id = try reader.read()
    provider = try reader.read()
    region = try reader.read()
    currency = try reader.read()
    effective = try reader.read()
    sources = try reader.read()
    freeTier = try reader.read()
    services = try reader.read()
    path = try reader.read()
    sha256 = try reader.read()
    idLocation = try reader.read()
    files = try reader.read()
    regionalPrices = try reader.read()
  }
}

extension PriceSource: SnapshotCodable {
  package func write(to writer: inout SnapshotWriter) {
    writer.write(id)
    writer.write(url)
    writer.write(read)
    writer.write(grade)
    writer.write(note)
    writer.write(readLocation)
  }

  package init(from reader: inout SnapshotReader) throws(SnapshotError) {
    id = try reader.read()
    url = try reader.read()
    read = try reader.read()
    grade = try reader.read()
    note = try reader.read()
    readLocation = try reader.read()
  }
}

extension Service: SnapshotCodable {
  package func write(to writer: inout SnapshotWriter) {
    writer.write(id)
    writer.write(name)
    writer.write(group)
    writer.write(inputs)
    writer.write(meters)
    writer.write(notes)
    writer.write(availability)
    writer.write(combinations)
    writer.write(tableID)
    writer.write(location)
    writer.write(unpriced)
  }

  package init(from reader: inout SnapshotReader) throws(SnapshotError) {
    id = try reader.read()
    name = try reader.read()
    group = try reader.read()
    inputs = try reader.read()
    meters = try reader.read()
    notes = try reader.read()
    availability = try reader.read()
    combinations = try reader.read()
    tableID = try reader.read()
    location = try reader.read()
    unpriced = try reader.read()
  }
}

extension ServiceInput: SnapshotCodable {
  package func write(to writer: inout SnapshotWriter) {
    writer.write(name)
    switch kind {
    case .numeric(let unit):
      writer.writeByte(0)
      writer.write(unit)
    case .choice(let values):
      writer.writeByte(1)
      writer.write(values)
    }
    writer.write(description)
    writer.write(defaultNumber)
    writer.write(defaultChoice)
    writer.write(hardMinimum)
    writer.write(hardMaximum)
    writer.write(softRules)
    writer.write(launched)
  }

  package init(from reader: inout SnapshotReader) throws(SnapshotError) {
    name = try reader.read()
    kind = try reader.readTag(below: 2) == 0 ? .numeric(unit: try reader.read()) : .choice(values: try reader.read())
    description = try reader.read()
    defaultNumber = try reader.read()
    defaultChoice = try reader.read()
    hardMinimum = try reader.read()
    hardMaximum = try reader.read()
    softRules = try reader.read()
    launched = try reader.read()
  }
}

extension SoftRule: SnapshotCodable {
  package func write(to writer: inout SnapshotWriter) {
    writer.write(when)
    writer.write(minimum)
    writer.write(maximum)
    writer.write(oneOf)
    writer.write(step)
    writer.write(message)
    writer.write(source)
    writer.write(from)
    writer.write(until)
    writer.write(isError)
  }

  package init(from reader: inout SnapshotReader) throws(SnapshotError) {
    when = try reader.read()
    minimum = try reader.read()
    maximum = try reader.read()
    oneOf = try reader.read()
    step = try reader.read()
    message = try reader.read()
    source = try reader.read()
    from = try reader.read()
    until = try reader.read()
    isError = try reader.read()
  }
}

/// A meter's earlier quantity formula: its end date and the formula.
private struct DatedQuantity: SnapshotCodable {
  var until: CalendarDate
  var quantity: Formula

  init(until: CalendarDate, quantity: Formula) {
    self.until = until
    self.quantity = quantity
  }

  func write(to writer: inout SnapshotWriter) {
    writer.write(until)
    writer.write(quantity)
  }

  init(from reader: inout SnapshotReader) throws(SnapshotError) {
    until = try reader.read()
    quantity = try reader.read()
  }
}

extension Meter: SnapshotCodable {
  package func write(to writer: inout SnapshotWriter) {
    writer.write(name)
    writer.write(unit)
    writer.write(description)
    writer.write(quantity)
    writer.write(quantityBefore.map { DatedQuantity(until: $0.until, quantity: $0.quantity) })
    writer.write(when)
    writer.write(from)
    writer.write(until)
    switch billing {
    case .price(let price):
      writer.writeByte(0)
      writer.write(price)
    case .billedAs(let reference):
      writer.writeByte(1)
      writer.write(reference)
    }
  }

  package init(from reader: inout SnapshotReader) throws(SnapshotError) {
    name = try reader.read()
    unit = try reader.read()
    description = try reader.read()
    quantity = try reader.read()
    quantityBefore = try reader.read([DatedQuantity].self).map { ($0.until, $0.quantity) }
    when = try reader.read()
    from = try reader.read()
    until = try reader.read()
    billing = try reader.readTag(below: 2) == 0 ? .price(try reader.read()) : .billedAs(try reader.read())
  }
}

extension MeterReference: SnapshotCodable {
  package func write(to writer: inout SnapshotWriter) {
    writer.write(service)
    writer.write(meter)
  }

  package init(from reader: inout SnapshotReader) throws(SnapshotError) {
    service = try reader.read()
    meter = try reader.read()
  }
}

extension Price: SnapshotCodable {
  package func write(to writer: inout SnapshotWriter) {
    switch self {
    case .ladder(let ladder):
      writer.writeByte(0)
      writer.write(ladder)
    case .keyed(let by, let ladders):
      writer.writeByte(1)
      writer.write(by)
      writer.write(ladders)
    }
  }

  package init(from reader: inout SnapshotReader) throws(SnapshotError) {
    if try reader.readTag(below: 2) == 0 {
      self = .ladder(try reader.read())
    } else {
      self = .keyed(by: try reader.read(), try reader.read())
    }
  }
}
