import BillcastCore

/// The three kinds of pricing file, told apart by `format`.
enum PricingDocumentKind {
  /// A whole table (`billcast.pricing/1`): services with their prices, for one region or `global`.
  case table
  /// A provider's model (`billcast.model/1`): services without regional rates.
  case model(provider: String?)
  /// A region's rates (`billcast.rates/1`) for a provider's models.
  case rates(provider: String?)

  /// The kind of a composed document, from its top-level `format` and `provider` (a table when unsure,
  /// so that its reader reports what is wrong).
  init(_ document: YAMLDocument) {
    guard case .mapping(let mapping) = document.root else {
      self = .table
      return
    }
    var format: String?, provider: String?
    for (key, value) in mapping {
      guard case .scalar(let k) = key, case .scalar(let v) = value else { continue }
      if k.string == "format" { format = v.string }
      if k.string == "provider" { provider = v.string }
    }
    switch format {
    case PricingTableReader.modelFormat: self = .model(provider: provider)
    case PricingTableReader.ratesFormat: self = .rates(provider: provider)
    default: self = .table
    }
  }
}
