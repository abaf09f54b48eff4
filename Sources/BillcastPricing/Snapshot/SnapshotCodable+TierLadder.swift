import BillcastCore

// How ladders, free-tier pools, notes and the regional bookkeeping are written in a snapshot:
// every stored property, in declaration order.

extension TierLadder: SnapshotCodable {
  package func write(to writer: inout SnapshotWriter) {
    writer.write(per)
    writer.write(tiers)
    writer.write(before)
    writer.write(priceList)
    writer.write(sku)
    writer.write(usageType)
  }

  package init(from reader: inout SnapshotReader) throws(SnapshotError) {
    self.init(
      per: try reader.read(), tiers: try reader.read(), before: try reader.read(), priceList: try reader.read(),
      sku: try reader.read(), usageType: try reader.read())
  }
}

extension DatedLadder: SnapshotCodable {
  package func write(to writer: inout SnapshotWriter) {
    writer.write(until)
    writer.write(per)
    writer.write(tiers)
  }

  package init(from reader: inout SnapshotReader) throws(SnapshotError) {
    until = try reader.read()
    per = try reader.read()
    tiers = try reader.read()
  }
}

extension Tier: SnapshotCodable {
  package func write(to writer: inout SnapshotWriter) {
    writer.write(upto)
    writer.write(rate)
    writer.write(source)
  }

  package init(from reader: inout SnapshotReader) throws(SnapshotError) {
    upto = try reader.read()
    rate = try reader.read()
    source = try reader.read()
  }
}

extension MeterKey: SnapshotCodable {
  package func write(to writer: inout SnapshotWriter) {
    writer.write(service)
    writer.write(meter)
    writer.write(key)
  }

  package init(from reader: inout SnapshotReader) throws(SnapshotError) {
    self.init(service: try reader.read(), meter: try reader.read(), key: try reader.read())
  }
}

extension FreeTierPool: SnapshotCodable {
  package func write(to writer: inout SnapshotWriter) {
    writer.write(id)
    writer.write(kind.rawValue)
    writer.write(allowance)
    writer.write(unit)
    writer.write(source)
    writer.write(draws)
    writer.write(from)
    writer.write(until)
    writer.write(tableID)
  }

  package init(from reader: inout SnapshotReader) throws(SnapshotError) {
    id = try reader.read()
    let kindName = try reader.readString()
    guard let kind = FreeTierKind(rawValue: kindName) else { throw reader.error("an unknown free-tier kind") }
    self.kind = kind
    allowance = try reader.read()
    unit = try reader.read()
    source = try reader.read()
    draws = try reader.read()
    from = try reader.read()
    until = try reader.read()
    tableID = try reader.read()
  }
}

extension ServiceNote: SnapshotCodable {
  package func write(to writer: inout SnapshotWriter) {
    writer.write(code)
    writer.write(severity.rawValue)
    writer.write(message)
    writer.write(source)
    writer.write(when)
    writer.write(from)
    writer.write(until)
  }

  package init(from reader: inout SnapshotReader) throws(SnapshotError) {
    code = try reader.read()
    let severityName = try reader.readString()
    guard let severity = Severity(rawValue: severityName) else { throw reader.error("an unknown note severity") }
    self.severity = severity
    message = try reader.read()
    source = try reader.read()
    when = try reader.read()
    from = try reader.read()
    until = try reader.read()
  }
}

extension Combinations: SnapshotCodable {
  package func write(to writer: inout SnapshotWriter) {
    writer.write(inputs)
    writer.write(allowed)
    writer.write(message)
    writer.write(source)
  }

  package init(from reader: inout SnapshotReader) throws(SnapshotError) {
    inputs = try reader.read()
    allowed = try reader.read()
    message = try reader.read()
    source = try reader.read()
  }
}

extension Availability: SnapshotCodable {
  package func write(to writer: inout SnapshotWriter) {
    writer.write(from)
    writer.write(newUntil)
    writer.write(until)
    writer.write(replacement)
    writer.write(source)
  }

  package init(from reader: inout SnapshotReader) throws(SnapshotError) {
    from = try reader.read()
    newUntil = try reader.read()
    until = try reader.read()
    replacement = try reader.read()
    source = try reader.read()
  }
}

extension UnpricedRate: SnapshotCodable {
  package func write(to writer: inout SnapshotWriter) {
    writer.write(key)
    writer.write(by)
    writer.write(when)
    writer.write(billedAs)
    writer.write(ratesFile)
  }

  package init(from reader: inout SnapshotReader) throws(SnapshotError) {
    key = try reader.read()
    by = try reader.read()
    when = try reader.read()
    billedAs = try reader.read()
    ratesFile = try reader.read()
  }
}

extension RegionalPrice: SnapshotCodable {
  package func write(to writer: inout SnapshotWriter) {
    writer.write(key)
    writer.write(per)
    writer.write(unit)
    writer.write(priceList)
  }

  package init(from reader: inout SnapshotReader) throws(SnapshotError) {
    key = try reader.read()
    per = try reader.read()
    unit = try reader.read()
    priceList = try reader.read()
  }
}

extension PriceListIdentity: SnapshotCodable {
  package func write(to writer: inout SnapshotWriter) {
    writer.write(offer)
    writer.write(usageType)
    writer.write(unit)
    writer.write(attributes)
    writer.write(scale)
    writer.write(seen)
    writer.write(unconfirmed)
  }

  package init(from reader: inout SnapshotReader) throws(SnapshotError) {
    self.init(
      offer: try reader.read(), usageType: try reader.read(), unit: try reader.read(), attributes: try reader.read(),
      scale: try reader.read(), seen: try reader.read(), unconfirmed: try reader.read())
  }
}
